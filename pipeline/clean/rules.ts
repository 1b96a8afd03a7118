// Single-line rules: each says whether one line, on its own, is not article
// text. They look at the shape of the line (length, word count, sentence end,
// markup) and at widget phrases in French and English; a line that merely
// mentions a phrase inside a sentence is never enough.

import type { LineView } from "./lines.js";

export interface LineRule {
  name: string;
  test(v: LineView): boolean;
}

// Every phrase below is matched against LineView.key: lowercased, single
// spaces, ASCII apostrophes. Trailing ":" "…" "." of a label are tolerated.
const END = "[ .:…»>›|-]*$";

const ADVERTISING = new RegExp(
  "^(?:publicit[ée]|pub|advertisement|advertising|advert|ads?|annonces?|sponsoris[ée]e?|contenu sponsoris[ée]|contenu (?:de |en )?partenaire|sponsored(?: content| post)?|paid (?:content|post|partnership)|promoted(?: content)?" +
    "|(?:the )?(?:story|article|text) continues (?:below|after)(?: (?:this|the))? (?:advertisement|ad)" +
    "|la suite (?:de (?:l'article|cet article) )?(?:après|sous) (?:cette |la )?(?:publicit[ée]|annonce)" +
    "|fin de (?:la )?publicit[ée]|end of (?:advertisement|ad)|skip (?:this )?ad)" +
    // "Advertisement · Scroll to continue": a label with a short instruction.
    "(?: [·•|–-] [^.!?]{1,40})?" + END,
  "u",
);

const NAVIGATION = new RegExp(
  "^(?:loader|loading|chargement(?: en cours)?|menu|main menu|menu principal|fermer(?: le menu)?|close(?: menu)?|ouvrir le menu|open menu" +
    "|rechercher|recherche|search|accueil|home|suivez-nous|suivez nous|follow us|exit mobile version|quitter la version mobile" +
    "|skip to (?:main )?content|skip navigation|aller (?:directement )?au contenu(?: principal)?|passer au contenu(?: principal)?" +
    "|accéder (?:directement )?(?:au contenu|aux raccourcis d'accessibilité|au menu|à la navigation)|aller à la navigation" +
    "|retour en haut(?: de (?:la )?page)?|haut de page|back to top|top of page|(?:voir la )?version (?:mobile|desktop|classique)" +
    "|se connecter|connexion|se déconnecter|log ?in|log ?out|sign in|sign out|mon compte|my account|mon espace" +
    "|(?:toggle|basculer la) (?:navigation|menu)|navigation|sections|plus de sections|more sections)" + END,
  "u",
);

// Words of site menus, section fronts and breadcrumbs.
const NAV_WORDS = new Set(
  ("newsletter newsletters events évènements événements evenements podcast podcasts vidéo vidéos video videos accueil home " +
    "actualités actualité actu actus news sport sports économie economie economy business culture politique politics " +
    "international monde world europe france opinion opinions live direct météo weather menu contact jeux games tech " +
    "technologie technology science sciences santé health lifestyle voyage voyages travel auto immobilier emploi replay " +
    "programmes tv radio magazine abonnement abonnés connexion login rechercher search plus more africanews édition " +
    "edition galeries photos infographies société idées environnement climat green next culture régions regions " +
    "afrique africa asie asia amériques americas moyen-orient middle-east média médias podcasts faits-divers vérifié")
    .split(" "),
);
const MENU_SEPARATOR = /^[|•·>›»/\\–—-]$/u;
const SENTENCE_PUNCT = /[.,;!?«"“”]/u;

function isNavigationMenu(v: LineView): boolean {
  if (v.text.length > 400 || v.words < 3 || v.words > 30 || SENTENCE_PUNCT.test(v.text)) return false;
  let nav = 0;
  let words = 0;
  let separators = 0;
  for (const t of v.key.split(" ")) {
    if (MENU_SEPARATOR.test(t)) separators++;
    else {
      words++;
      if (NAV_WORDS.has(t)) nav++;
    }
  }
  return (nav >= 3 && nav >= 0.6 * words) || (separators > 0 && nav >= 2);
}

const SHARE_START =
  /^(?:partager|partagez|partage|share|sharing|tweet|tweeter|copier le lien|copy link|copy to clipboard|lien copié|link copied|envoyer par (?:e-?mail|courriel)|email this|imprimer|print)(?![\p{L}-])/u;
const SHARE_ANYWHERE = /copy to clipboard|lien copié|link copied|copier\/coller le lien|embed code|code d'intégration|copier le code/u;
const SOCIAL = new Set(
  "facebook twitter x whatsapp linkedin email e-mail mail telegram messenger pinterest reddit flipboard bluesky threads copier copy lien link partager share imprimer print sms commentaires comments discussion"
    .split(" "),
);

function isShareWidget(v: LineView): boolean {
  if (v.text.length > 200) return false;
  if (SHARE_ANYWHERE.test(v.key)) return true;
  if (v.endsWithStop) return false;
  if (v.words <= 8 && SHARE_START.test(v.key)) return true;
  if (v.words < 2) return false;
  for (const t of v.key.split(" ")) if (!SOCIAL.has(t)) return false;
  return true;
}

const FOLLOW_START =
  /^(?:for (?:the )?latest (?:updates|news),? )?(?:follow us|suivez-nous|suivez nous|sign up|signup|subscribe|abonnez-vous|inscrivez-vous|recevez (?:notre|nos|gratuitement|chaque)|get (?:our|the) (?:newsletter|latest)|rejoignez-nous|join us|join our|téléchargez (?:l'application|notre application|l'appli)|download (?:our|the) app|retrouvez-nous|find us on|like us on)(?![\p{L}-])/u;
const FOLLOW_ANYWHERE = /\b(?:newsletter|google news|google actualités)\b/u;

function isFollowPromo(v: LineView): boolean {
  if (v.text.length > 300 || v.words > 25) return false;
  if (FOLLOW_START.test(v.key)) return true;
  return v.words <= 12 && !v.endsWithStop && FOLLOW_ANYWHERE.test(v.key);
}

// Case-insensitive on the text itself, so paragraphs need no lowercased key.
const COOKIE =
  /^(?:we use cookies|we and our (?:partners|\d+ partners)|nous utilisons des (?:cookies|traceurs)|nous et nos partenaires|ce site (?:web |internet )?utilise des (?:cookies|traceurs)|this (?:web)?site uses cookies|en poursuivant votre navigation|en continuant (?:à naviguer|votre navigation)|by continuing to (?:browse|use)|by using (?:this|our) (?:site|website)|notre site utilise des cookies|gérer (?:les |mes )?(?:cookies|préférences|consentements?)|manage (?:cookies|preferences|consent|cookie settings|my cookies)|paramétrer (?:les )?cookies|paramètres des cookies|cookie (?:settings|policy|preferences)|politique (?:de|relative aux) cookies|accepter (?:et fermer|tout|tous les cookies|les cookies)|accept (?:all|cookies|and close)|tout accepter|tout refuser|refuser (?:tout|les cookies)|reject all|continuer sans accepter|j['’]accepte|i accept)(?![\p{L}-])/iu;

function isCookieBanner(v: LineView): boolean {
  return v.text.length <= 800 && COOKIE.test(v.text);
}

const FEEDBACK =
  /^(?:avez-vous (?:trouvé|repéré|remarqué) une (?:erreur|faute|coquille)|vous avez (?:trouvé|repéré|remarqué) une (?:erreur|faute|coquille)|signaler une (?:erreur|faute|coquille)|nous étudierons vos commentaires|nous examinerons votre (?:signalement|commentaire)|merci (?:pour|de) votre (?:retour|signalement|commentaire)|cet article vous a-t-il (?:été utile|plu)|votre avis nous intéresse|did you (?:find|spot|notice) (?:an error|a mistake|a typo)|found (?:an error|a typo|a mistake)|report (?:an error|a typo|a mistake)|spotted (?:an error|a typo|a mistake)|was this (?:article|page|story) helpful|thanks? (?:you )?for your feedback|we will review your (?:feedback|report))/u;

function isFeedbackForm(v: LineView): boolean {
  return v.text.length <= 250 && FEEDBACK.test(v.key);
}

const CREDIT_START =
  /^(?:tous droits réservés|all rights reserved|©|\(c\) |copyright |crédits? ?(?:photos?)? ?:|photos? ?:|illustration ?:|image ?:|credits? ?:|photo(?:graph)? by |photo (?:d'illustration|archives?)|getty images|afp photo)/u;
// "Wong Maye-E/AP": a name then an agency, alone on the line.
const AGENCY_SUFFIX =
  /^[^.!?]{0,60}\/ ?(?:ap|afp|reuters|epa(?:-efe)?|getty images|sipa|abaca|maxppp|shutterstock|anadolu|zuma|dpa|bloomberg|xinhua|kcna|yonhap|tass|sputnik|ria novosti|ukrinform|efe|ansa)$/u;

/** Also used to recognise a caption repeated with its credit glued on. */
export function isImageCredit(v: LineView): boolean {
  if (v.text.length > 150) return false;
  // A sentence that starts like a credit ("Copyright law was...") is prose.
  return (CREDIT_START.test(v.key) && (!v.endsWithStop || v.words <= 6)) || AGENCY_SUFFIX.test(v.key);
}

const BYLINE =
  /^(?:Par|By|Propos recueillis par|Written by|Reporting by|Reported by)[ :]+\p{Lu}[\p{L}'’.-]*(?:,? (?:\p{Lu}[\p{L}'’.-]*|et|and|&|de|du|des|van|von|le|la|avec|with))*$/u;
const PUBLISHED_START =
  /^(?:publié|publiée|mis à jour|mise à jour|modifié|modifiée|actualisé|actualisée|updated|published|posted|last updated|dernière mise à jour|first published)(?![\p{L}-])/u;
// Words a date widget is made of ("jeudi, novembre 14", "En date du : 28 octobre 2024, 13 h 53").
const DATE_WORDS = new Set(
  ("lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday saturday sunday " +
    "mon tue wed thu fri sat sun janvier février fevrier mars avril mai juin juillet août aout septembre octobre " +
    "novembre décembre decembre january february march april may june july august september october november december " +
    "jan janv feb fév févr mar apr avr jun jui juil jul aug sep sept oct nov dec déc le la du au à a at on en de date the of " +
    "gmt utc cet cest h min heure heures il y ago hier aujourd'hui today yesterday mis jour publié publiée modifié " +
    "updated published posted last dernière mise et and par by")
    .split(" "),
);
const DATE_TOKEN = /^(?:\d{1,4}(?:[/.:h-]\d{1,4})*(?:h|er|e|ème|st|nd|rd|th|am|pm)?|[ap]\.?m\.?|(?:gmt|utc)[+-]\d{1,2}(?::?\d\d)?)$/u;
// "Temps de lecture : 3 min", "5 min read", "Lecture 4 min."
const READING_TIME = /^(?:(?:temps de )?lecture|reading time|durée de lecture) ?:? ?\d{1,3} ?min(?:utes?)?\.?$|^\d{1,3} ?min(?:utes?)? (?:read|de lecture)\.?$/u;
const TOKEN_PUNCT = /^[,:;.|–—()-]+|[,:;.|–—()-]+$/gu;
const HAS_DIGIT_OR_MONTH = /\d|janv|févr|fevr|mars|avril|mai|juin|juil|août|aout|sept|octo|nove|déce|dece|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|day/u;

/** Number of tokens that are not date, time or widget words, counting no further than `max` + 1. */
function nonDateTokens(key: string, max: number): number {
  let n = 0;
  for (const raw of key.split(" ")) {
    const t = raw.replace(TOKEN_PUNCT, "");
    if (t && !DATE_WORDS.has(t) && !DATE_TOKEN.test(t) && ++n > max) break;
  }
  return n;
}

function isBylineOrDate(v: LineView): boolean {
  if (v.text.length > 120) return false;
  if (v.words <= 10 && BYLINE.test(v.text)) return true;
  if (v.words <= 6 && READING_TIME.test(v.key)) return true;
  if (PUBLISHED_START.test(v.key)) {
    // "Publié le 23/10/2024 à 10h12 par Jean Dupont": a few name words may remain.
    return nonDateTokens(v.key, 4) <= 4 && !(v.words > 12 && v.endsWithStop);
  }
  // A line made only of date words: needs a number, month or weekday to be one.
  return v.words <= 12 && nonDateTokens(v.key, 0) === 0 && HAS_DIGIT_OR_MONTH.test(v.key);
}

const SOURCE_CREDIT =
  /^(?:article original publié (?:sur|par|dans)|cet article (?:a été |est )?(?:initialement |d'abord |originellement )?(?:publié|paru) (?:initialement |d'abord )?(?:sur|par|dans)|this (?:article|story) (?:was )?(?:originally|first) (?:published|appeared) (?:on|in|by)|originally published (?:on|in|by|at)|\(?(?:avec|with) (?:l'afp|afp|ap|reuters|agences?)\)?\.?$|source ?: [^.]{0,60}$)/u;

function isSourceCredit(v: LineView): boolean {
  return v.text.length <= 160 && SOURCE_CREDIT.test(v.key);
}

// "PREV <title>" / "NEXT <title>": upper case only, "Next week" is prose.
const PREV_NEXT_UPPER = /^(?:PREV|NEXT|PREVIOUS)(?: |:|$)/u;
const PREV_NEXT =
  /^(?:article (?:précédent|suivant)|(?:previous|next) (?:article|post|story)|(?:précédent|suivant|previous|next) ?[:»>›]|(?:précédent|suivant|previous|next)$)/u;

function isPrevNext(v: LineView): boolean {
  return v.text.length <= 250 && !v.endsWithStop && (PREV_NEXT_UPPER.test(v.text) || PREV_NEXT.test(v.key));
}

// Markup: attributes and tags, measured against the line's length.
// Bounded and anchored at word starts so that a long line scans in linear time.
const MARKUP = /(?<![\w:-])[\w:-]+=(?:"[^"]{0,300}"|'[^']{0,300}')|<\/?[a-z][^<>]{0,500}>|[<>]/giu;

function isHtmlDebris(v: LineView): boolean {
  const t = v.text;
  if (!t.includes("=") && !t.includes("<") && !t.includes(">")) return false;
  let covered = 0;
  let attrs = 0;
  MARKUP.lastIndex = 0;
  for (const m of t.matchAll(MARKUP)) {
    covered += m[0].length;
    if (m[0].length > 1) attrs++;
  }
  return covered >= 0.4 * t.length || (attrs >= 3 && covered >= 0.25 * t.length);
}

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

/** A line of bullets, rules or stray symbols ("•", "***", "|"). */
function isNoText(v: LineView): boolean {
  return v.text.length > 0 && !HAS_WORD_CHAR.test(v.text);
}

/** Tried in this order; the first that matches names the removal. */
export const LINE_RULES: readonly LineRule[] = [
  { name: "no-text", test: isNoText },
  { name: "html-debris", test: isHtmlDebris },
  { name: "advertising", test: (v) => v.text.length <= 120 && ADVERTISING.test(v.key) },
  { name: "navigation", test: (v) => v.text.length <= 80 && NAVIGATION.test(v.key) },
  { name: "navigation", test: isNavigationMenu },
  { name: "share-widget", test: isShareWidget },
  { name: "follow-promo", test: isFollowPromo },
  { name: "cookie-banner", test: isCookieBanner },
  { name: "feedback-form", test: isFeedbackForm },
  { name: "image-credit", test: isImageCredit },
  { name: "byline-date", test: isBylineOrDate },
  { name: "source-credit", test: isSourceCredit },
  { name: "prev-next", test: isPrevNext },
];

/** Name of the first single-line rule that removes this line, or null. */
export function lineRule(v: LineView): string | null {
  for (const r of LINE_RULES) if (r.test(v)) return r.name;
  return null;
}

// Headings that introduce a list of links to other articles.
const RELATED_HEADING = new RegExp(
  "^(?:(?:à |a )?lire (?:aussi|également|egalement|encore|la suite)|(?:à |a )?(?:découvrir|voir|écouter|regarder) (?:aussi|également|egalement)|voir aussi" +
    "|sur le même (?:sujet|thème)|dans la même rubrique|(?:nos )?articles? (?:liés|similaires|associés|recommandés)|(?:les )?plus (?:lus|partagés|populaires)" +
    "|suivez la couverture complète|la couverture complète|(?:plus|davantage) d'(?:articles|actualités|infos)" +
    "|related(?: news| articles?| stories| content| coverage| reading| posts?| topics)?|read (?:more|also|next)|more (?:on this (?:story|topic)|stories|news|coverage)" +
    "|see also|most (?:read|popular|viewed)|trending(?: now)?|recommended(?: for you| stories| articles)?|you (?:may|might) also (?:like|be interested in)" +
    "|(?:top|latest) stories|latest news|dernières (?:actualités|infos|news))" + END,
  "u",
);
// "Lire aussi : <title>" / "Read more: <title>" on a single line.
const RELATED_INLINE =
  /^(?:(?:à |a )?lire (?:aussi|également)|read (?:more|also)|see also|voir aussi|related|(?:à |a )?(?:voir|écouter|lire)) ?[:>|»-] ?\S/u;

export function isRelatedHeading(v: LineView): boolean {
  return v.text.length <= 60 && RELATED_HEADING.test(v.key);
}

export function isRelatedInline(v: LineView): boolean {
  return v.text.length <= 250 && v.words <= 35 && RELATED_INLINE.test(v.key);
}
