// Character-level normalisation inside kept lines: what changes, what must not.

import { describe, expect, it } from "vitest";
import { clean } from "../pipeline/clean/index.js";
import { verifyClean } from "../pipeline/clean/verify.js";

function cleaned(raw: string): string {
  const r = clean(raw);
  expect(verifyClean(raw, r)).toEqual([]);
  return r.text;
}

describe("blanks and layout", () => {
  it("no-break and narrow no-break spaces become plain spaces", () => {
    expect(cleaned("Un contingent de 1\u00a0500 soldats est arrivé «\u202fhier\u202f»."))
      .toBe("Un contingent de 1 500 soldats est arrivé « hier ».");
  });
  it("runs of blanks and tabs collapse to one space; lines are trimmed at both ends", () => {
    expect(cleaned("  Tous   les\tsoldats \u00a0 sont partis.   ")).toBe("Tous les soldats sont partis.");
  });
  it("runs of blank lines collapse to one; single line breaks stay", () => {
    expect(cleaned("\n\n\nPremier paragraphe.\n \n\u00a0\n\t\nDeuxième ligne\ntroisième ligne.\n\n\n")).toBe(
      "Premier paragraphe.\n\nDeuxième ligne\ntroisième ligne.",
    );
  });
  it("CRLF, CR and U+2028 are line breaks", () => {
    expect(cleaned("Un.\r\n\r\nDeux.\rTrois.\u2028Quatre.")).toBe("Un.\n\nDeux.\nTrois.\nQuatre.");
  });
  it("zero-width space, soft hyphen and control characters are dropped", () => {
    expect(cleaned("nord-\u00adcoréens\u200b en\u0000 Russie\ufeff.")).toBe("nord-coréens en Russie.");
  });
});

describe("Unicode", () => {
  it("NFC composes e + U+0301", () => {
    expect(cleaned("de\u0301ploiement de troupes")).toBe("déploiement de troupes");
  });
  it("typographic apostrophes and quotes are kept as they are", () => {
    const s = "L’OTAN a parlé d’une « escalade » et de “la coalition des criminels”.";
    expect(cleaned(s)).toBe(s);
  });
  it("astral characters and lone surrogates pass through", () => {
    expect(cleaned("Drapeau 🇰🇵 et \ud800 fin")).toBe("Drapeau 🇰🇵 et \ud800 fin");
  });
});

describe("missing space after a sentence end", () => {
  const cases: Array<[string, string]> = [
    ["Il est arrivé en décembre.Cette annonce a surpris.", "Il est arrivé en décembre. Cette annonce a surpris."],
    ["Le 1er novembre 2024.Le lendemain, rien.", "Le 1er novembre 2024. Le lendemain, rien."],
    ["Que font-ils?Personne ne sait.", "Que font-ils? Personne ne sait."],
    ["Il a dit « prêt à combattre ».Ensuite il est parti.", "Il a dit « prêt à combattre ». Ensuite il est parti."],
    ["On parle de l'armée.Elle recule.", "On parle de l'armée. Elle recule."],
    ["Une annonce de Kiev.Les militaires sont prêts.", "Une annonce de Kiev. Les militaires sont prêts."],
  ];
  for (const [raw, want] of cases) it(JSON.stringify(raw), () => expect(cleaned(raw)).toBe(want));

  const untouched = [
    "plus de 10.000 soldats et 11.000 autres",
    "The U.S. Army and the U.S.Army",
    "Selon BFMTV.com, les soldats sont partis.",
    "voir https://www.lemonde.fr/International/article.html et www.Lemonde.fr",
    "M.Dupont et Mme.Durand",
    "e.g.Foo et i.e.Bar",
    "contact@ex.Example.org",
    "version 2.0.Beta",
    // Gold quotes keep a closing quote glued to the next word: left as is.
    "la Corée du Nord”a-t-il déclaré",
    "de troupes »représente « une menace »a souligné",
  ];
  for (const s of untouched) it(`leaves ${JSON.stringify(s)}`, () => expect(cleaned(s)).toBe(s));
});

describe("inline cuts inside a kept sentence", () => {
  it("(nouvelle fenêtre) and its English kin are cut, the sentence stays", () => {
    expect(cleaned("a déclaré l’agence Yonhap. (nouvelle fenêtre)ce vendredi 18 octobre."))
      .toBe("a déclaré l’agence Yonhap. ce vendredi 18 octobre.");
    expect(cleaned("said the agency (opens in new window) on Friday.")).toBe("said the agency on Friday.");
    expect(cleaned("selon le lien (nouvelle\u00a0fenêtre).")).toBe("selon le lien.");
  });
  it("HTML tags in a sentence are cut, text between them stays", () => {
    const r = clean("Environ <strong>10 000</strong> soldats<br/> sont arrivés.");
    expect(r.text).toBe("Environ 10 000 soldats sont arrivés.");
    expect(r.removed.map((b) => b.rule)).toEqual(["html-debris", "html-debris", "html-debris"]);
  });
  it("comparison signs in prose are not markup", () => {
    const s = "Si x < 5 et y > 3, alors <Kim> a tort.";
    expect(cleaned(s)).toBe(s);
  });
  it("a credit glued to a kept caption-like line is cut, the line stays", () => {
    const r = clean("Des soldats défilent à Pyongyang, le 10 octobre. © AFP");
    expect(r.text).toBe("Des soldats défilent à Pyongyang, le 10 octobre.");
    expect(r.removed.map((b) => b.rule)).toEqual(["image-credit"]);
  });
  it("inline cuts are audited with raw offsets", () => {
    const raw = "Le texte (nouvelle fenêtre) suit.";
    const [b] = clean(raw).removed;
    expect(raw.slice(b!.raw_start, b!.raw_end)).toBe("(nouvelle fenêtre)");
    expect(b!.rule).toBe("link-marker");
  });
});
