// Each removal rule, line by line, on lines written for these tests (French
// and English sites, odd spacing and case), and the body lines that merely
// mention the same words and must be kept.

import { describe, expect, it } from "vitest";
import { RULE_CATALOG, clean } from "../pipeline/clean/index.js";
import { verifyClean } from "../pipeline/clean/verify.js";

const BEFORE = "Le ministère sud-coréen a confirmé jeudi que plusieurs centaines de soldats étaient arrivés dans la région.";
const AFTER = "Selon Kiev, les premières unités auraient été vues près du front, sans confirmation indépendante à ce stade.";

/** Cleans the line between two body paragraphs; returns the rule that removed it, or null if kept. */
function ruleFor(line: string): string | null {
  const raw = `${BEFORE}\n\n${line}\n\n${AFTER}`;
  const r = clean(raw);
  expect(verifyClean(raw, r)).toEqual([]);
  expect(r.text.startsWith(BEFORE)).toBe(true);
  expect(r.text.endsWith(AFTER)).toBe(true);
  const lineStart = BEFORE.length + 2;
  const hit = r.removed.find((b) => b.raw_start >= lineStart && b.raw_end <= lineStart + line.length);
  if (hit) {
    expect(r.text).toBe(`${BEFORE}\n\n${AFTER}`);
    return hit.rule;
  }
  return null;
}

const REMOVED: Record<string, string[]> = {
  navigation: [
    "Newsletter Newsletters Events Évènements Podcasts Vidéos Africanews",
    "Accueil > Monde > Europe",
    "Home | World | Europe | Ukraine war",
    "Loader",
    "Suivez-nous",
    "Chargement en cours…",
    "Aller au contenu principal",
    "Accéder aux raccourcis d’accessibilité",
    "Exit mobile version",
    "Skip to main content",
    "Back to top",
    "  MENU  ",
  ],
  advertising: [
    "Publicité",
    "PUBLICITÉ",
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "La suite après cette publicité",
    "Contenu sponsorisé",
    "Sponsored content",
    "Advertisement · Scroll to continue",
  ],
  "share-widget": [
    "Partager cet article Discussion",
    "Partager cet article Close Button",
    "Partager",
    "Share this article",
    "Share on Facebook",
    "Partager sur X",
    "Copier/coller le lien embed de la vidéo de l'article : Copy to clipboard Lien copié",
    "Facebook Twitter WhatsApp Email",
    "Copy link",
  ],
  "image-credit": [
    "Tous droits réservés Wong Maye-E/AP",
    "© AFP",
    "Crédit photo : Reuters",
    "Photo: Getty Images",
    "Wong Maye-E/AP",
    "Jane Doe / AFP",
  ],
  "byline-date": [
    "Par Sasha Vakulina",
    "By John Smith and Jane Doe",
    "Publié le Mis à jour",
    "Publié le 23/10/2024 à 10h12, mis à jour le 23/10/2024 à 12h30",
    "Updated Oct 23, 2024 10:12 am",
    "jeudi, novembre 14",
    "En date du : 28 octobre 2024, 13 h 53",
    "Mercredi 23 octobre 2024",
    "November 4, 2024 10:15 AM GMT+9",
    "Temps de lecture : 3 min",
    "5 min read",
  ],
  "follow-promo": [
    "For Latest Updates Follow us on Google News",
    "Sign up for our newsletter",
    "Inscrivez-vous à notre newsletter",
    "Abonnez-vous à notre newsletter quotidienne",
    "Suivez-nous sur Google Actualités",
    "Follow us on Twitter",
    "Get the latest news delivered to your inbox",
  ],
  "cookie-banner": [
    "Nous utilisons des cookies pour améliorer votre expérience. En cliquant sur « Accepter », vous consentez à leur utilisation.",
    "We use cookies to personalise content and ads. By continuing to browse, you agree to our use of cookies.",
    "Tout accepter",
    "Accept all cookies",
    "Gérer mes préférences",
  ],
  "feedback-form": [
    "Avez-vous trouvé une erreur ou une inexactitude ?",
    "Nous étudierons vos commentaires dans les plus brefs délais.",
    "Did you find an error? Let us know.",
    "Was this article helpful?",
  ],
  "source-credit": [
    "Article original publié sur BFMTV.com",
    "This article was originally published on The Conversation.",
    "(avec AFP)",
  ],
  "prev-next": [
    "PREV Alerte ORANGE « pluie crue » et « orages », à 8 heures du matin",
    "NEXT fortes pluies attendues dans quelques heures, alerte activée",
    "Article précédent : Les sanctions contre Pyongyang",
    "Next article: What we know about the war",
  ],
  "html-debris": [
    '  • type="image/avif" class="jsx-2028956212"> type="image/jpeg" class="jsx-2028956212">>>>>>>',
    '<div class="ad-slot"></div>',
    '<img src="a.jpg" alt="soldats">',
    'data-src="x.jpg" width="640" height="360" loading="lazy">',
  ],
  "related-links": [
    "Lire aussi : La Corée du Nord teste un nouveau missile",
    "Read more: North Korea fires ballistic missile",
    "À lire aussi >> Les sanctions contre Pyongyang",
    "Related News :",
    "Related stories",
  ],
  "no-text": ["•", "* * *", "———"],
};

describe("line rules remove page furniture", () => {
  for (const [rule, lines] of Object.entries(REMOVED)) {
    describe(rule, () => {
      for (const line of lines) it(JSON.stringify(line), () => expect(ruleFor(line)).toBe(rule));
    });
  }
});

// Body lines and subheadings that share words with the widgets.
const KEPT = [
  "La publicité pour l'armée russe a été diffusée à la télévision nord-coréenne, selon Séoul.",
  "Le spot, diffusé comme une publicité, montre des soldats en marche.",
  "Partager les renseignements avec Kiev est essentiel, a déclaré le ministre.",
  "« Suivez-nous », a lancé l'officier aux soldats nord-coréens.",
  "Next week, North Korean troops are expected to reach the front, officials said.",
  "Par ailleurs, 3 000 soldats seraient arrivés à Vladivostok.",
  "Publié le 12 mai, le rapport affirme que 12 000 soldats ont été envoyés en Russie depuis octobre.",
  "Lire aussi les déclarations du ministre permet de comprendre la position de Séoul.",
  "Related to the deployment, Seoul summoned the Russian ambassador on Friday.",
  "Source : le renseignement sud-coréen, qui estime à 10 000 le nombre de soldats.",
  "Le ministère a publié sa newsletter hebdomadaire sur la guerre en Ukraine mardi.",
  "Le gouvernement veut interdire les cookies tiers, selon la ministre.",
  "Mardi, les troupes nord-coréennes sont entrées dans la région de Koursk.",
  "Advertisement revenue fell sharply at Russian state media, the report said.",
  "Copyright law was not discussed at the summit, officials said.",
  "La lecture de 3 minutes du communiqué a suffi, selon Séoul.",
  // subheadings
  "Personnel civil ou militaire ?",
  "« Une menace importante », selon la Corée du Sud",
  "Des déclarations similaires à celles de l'Ukraine",
  "Santé et économie",
  "Par la mer ou par les airs",
  "The Kursk front",
];

describe("body lines that mention the same words are kept", () => {
  for (const line of KEPT) it(JSON.stringify(line), () => expect(ruleFor(line)).toBeNull());
});

describe("rules over several lines", () => {
  it("a related heading takes the teaser titles under it, and stops at the next paragraph", () => {
    const raw = [
      BEFORE, "", "À découvrir également", "",
      "La Corée du Sud peut-elle fournir plus d'armes à l'Ukraine ?", "",
      "Visite de la plus grande usine de drones de Russie", "", AFTER,
    ].join("\n");
    const r = clean(raw);
    expect(r.text).toBe(`${BEFORE}\n\n${AFTER}`);
    expect(r.removed).toHaveLength(1);
    expect(r.removed[0]!.rule).toBe("related-links");
    expect(r.removed[0]!.text.startsWith("À découvrir également")).toBe(true);
    expect(r.removed[0]!.text.endsWith("drones de Russie")).toBe(true);
  });

  it("English 'Read more' heading with bullet teasers", () => {
    const raw = `${BEFORE}\nRead more\n- Kim visits Moscow\n- Seoul weighs arms to Kyiv\n\n${AFTER}`;
    expect(clean(raw).text).toBe(`${BEFORE}\n\n${AFTER}`);
  });

  it("a caption repeated with its credit glued on: both go, with the credit line", () => {
    const cap = "Des soldats défilent sur la place Kim Il Sung, à Pyongyang.";
    const raw = `Titre de l'article sur les soldats\n\n${cap}\n${cap} Tous droits réservés\u00a0 Wong Maye-E/AP\nTous droits réservés Wong Maye-E/AP\n\n${AFTER}`;
    const r = clean(raw);
    expect(r.text).toBe(`Titre de l'article sur les soldats\n\n${AFTER}`);
    expect(r.removed.map((b) => b.rule)).toEqual(["image-caption", "duplicate-caption", "image-credit"]);
  });

  it("a headline printed three times is kept once", () => {
    const h = "Des soldats nord-coréens bientôt aux côtés des troupes russes ?";
    const r = clean(`${h}\n\n${h}\n${h}\n\n${AFTER}`);
    expect(r.text).toBe(`${h}\n\n${AFTER}`);
    expect(r.removed.map((b) => b.rule)).toEqual(["duplicate-line"]);
  });

  it("a repeated line far apart is not a duplicate headline", () => {
    const r = clean(`${BEFORE}\n\nLe front\n\n${AFTER}\n\nLe front\n\n${BEFORE}`);
    expect(r.text.split("Le front")).toHaveLength(3);
  });

  it("a site name above the headline goes; a short headline alone stays", () => {
    const r = clean(`News Day FR\n\nL’OTAN confirme la présence de troupes nord-coréennes en Russie\n\n${AFTER}`);
    expect(r.text.startsWith("L’OTAN confirme")).toBe(true);
    expect(r.removed.map((b) => b.rule)).toEqual(["masthead"]);
    expect(clean(`Guerre en Ukraine\n\n${AFTER}`).text).toBe(`Guerre en Ukraine\n\n${AFTER}`);
  });

  it("after the last paragraph, a signature goes but a bullet list or a closing quote stays", () => {
    expect(clean(`${BEFORE}\n\nZoé SAMIN`).text).toBe(BEFORE);
    const list = `${BEFORE}\n\n- 2 600 soldats en octobre\n- 11 000 prévus au total`;
    expect(clean(list).text).toBe(list);
    const quote = `${BEFORE}\n\n« Nous ne reculerons pas »`;
    expect(clean(quote).text).toBe(quote);
  });

  it("every rule name reported is documented in RULE_CATALOG", () => {
    const raw = [
      "News Day FR", "", "Un titre assez long pour être un titre", "", ...Object.values(REMOVED).flat(),
      "Une légende de photo à Pyongyang.", "Une légende de photo à Pyongyang. © AFP", "",
      "Un titre assez long pour être un titre", BEFORE, "Texte (nouvelle fenêtre) suite.", AFTER, "", "Zoé SAMIN",
    ].join("\n");
    const names = new Set(clean(raw).removed.map((b) => b.rule));
    expect(names.size).toBeGreaterThanOrEqual(15);
    for (const n of names) expect(RULE_CATALOG).toHaveProperty([n]);
    for (const n of Object.keys(REMOVED)) expect(RULE_CATALOG).toHaveProperty([n]);
  });

  it("headline, standfirst, subheading and body of a whole article survive", () => {
    const raw = [
      "Advertisement", "Menu", "",
      "North Korean troops in Kursk, Pentagon says", "",
      "The Pentagon said on Monday that about 10,000 North Korean soldiers were in Russia.", "",
      "Share this article", "By Jane Doe", "Updated 12 November 2024", "",
      "U.S. officials said the troops had moved to the Kursk region over the weekend.", "",
      "What comes next", "",
      "The deployment could expand the war, the spokesperson told reporters at the briefing.", "",
      "Sign up for our newsletter", "Read more:", "Kim meets Putin", "Seoul weighs options",
    ].join("\n");
    const r = clean(raw);
    expect(r.text).toBe(
      [
        "North Korean troops in Kursk, Pentagon says",
        "The Pentagon said on Monday that about 10,000 North Korean soldiers were in Russia.",
        "U.S. officials said the troops had moved to the Kursk region over the weekend.",
        "What comes next",
        "The deployment could expand the war, the spokesperson told reporters at the briefing.",
      ].join("\n\n"),
    );
    expect(verifyClean(raw, r)).toEqual([]);
  });
});
