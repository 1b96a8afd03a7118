// The names that appear in RemovedBlock.rule, with what each removes: the key
// a reader of interim/clean.jsonl (or of the dataset card) needs to audit the
// cleaning. Tests check that clean() never reports a name missing here.

export const RULE_CATALOG: Readonly<Record<string, string>> = {
  "no-text": "a line with no letter or digit: bullets, rules, stray symbols",
  "html-debris": "markup left in the text: HTML tags, attribute runs such as type=\"image/avif\" class=\"jsx-…\">",
  advertising: "an advertising label alone on its line (Publicité, Advertisement, Sponsored content)",
  navigation: "site navigation: menus and breadcrumbs, loader, skip and accessibility links, login, mobile version",
  "share-widget": "share and embed widgets (Partager cet article, Share this article, Copy to clipboard, social network lists)",
  "follow-promo": "calls to follow or subscribe (newsletter sign-up, Follow us on Google News)",
  "cookie-banner": "cookie consent text and buttons",
  "feedback-form": "reader feedback prompts (Avez-vous trouvé une erreur…, Was this article helpful?)",
  "image-credit": "photo credits, alone on a line or glued to the end of a kept line",
  "image-caption": "a photo caption, recognised because the next line repeats it with a credit glued on",
  "duplicate-caption": "the repeat of a caption with its credit glued on",
  "byline-date": "bylines (Par …, By …) and date or update widgets (Publié le, Mis à jour, a line of date words)",
  "source-credit": "syndication notes (Article original publié sur …, Originally published on …, (avec AFP))",
  "prev-next": "previous/next article teasers (PREV …, NEXT …, Article suivant : …)",
  "related-links": "a 'related' heading (Lire aussi, À découvrir également, Related News, Read more) and the teaser titles under it",
  "duplicate-line": "a line identical to the previous kept line (a headline printed twice)",
  masthead: "a site or section name alone above the headline",
  "trailing-fragment": "short lines after the last paragraph: signatures, labels",
  "link-marker": "link hints flattened into a sentence: (nouvelle fenêtre), (opens in new window)",
};
