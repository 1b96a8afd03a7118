// The clean stage on the real seed articles: gold quotes survive, the
// boilerplate listed in the issue does not, and every removal names its rule.

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clean } from "../pipeline/clean/index.js";
import { normaliseForCompare, verifyClean } from "../pipeline/clean/verify.js";

const ROOT = join(import.meta.dirname, "..");
const RAW_DIR = join(ROOT, "data/raw");
const GOLD_DIR = join(ROOT, "test/fixtures/gold");

const seeds = readdirSync(RAW_DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => {
    const docId = f.replace(/\.txt$/, "");
    const raw = readFileSync(join(RAW_DIR, f), "utf8").replace(/^\uFEFF/, "");
    const gold = JSON.parse(readFileSync(join(GOLD_DIR, `${docId}.json`), "utf8")) as { claims: { quote: string }[] };
    return { docId, raw, quotes: gold.claims.map((c) => c.quote), result: clean(raw) };
  });

// Phrases of page furniture from the issue; none may survive in any seed.
const BOILERPLATE = [
  "Newsletter", "Newsletters Events", "Loader", "Suivez-nous", "Publicité", "PUBLICITÉ",
  "Partager", "Copy to clipboard", "Close Button", "Lien copié", "Tous droits réservés", "Maye-E/AP",
  "Par Sasha Vakulina", "Publié le", "Mis à jour", "Lire aussi", "À découvrir également", "Related News",
  "Suivez la couverture complète", "For Latest Updates", "Google News", "PREV ", "NEXT ",
  'type="image', "jsx-", "class=", ">>", "Accéder aux raccourcis", "Exit mobile version",
  "Avez-vous trouvé une erreur", "Nous étudierons vos commentaires", "(nouvelle fenêtre)",
  "Article original publié sur", "BFMTV.com", "Zoé SAMIN", "En date du", "jeudi, novembre 14",
  // teaser titles under the "related" headings
  "peut-elle fournir plus d'armes", "raffinage du pétrole", "drones kamikazes", "uranium enrichi",
  "un conflit sans fin", "Alerte ORANGE", "fortes pluies",
  // the photo caption (shown twice, once with its credit glued on)
  "uniformes historiques",
];

describe("clean() on the seed articles", () => {
  it("finds the five seeds", () => {
    expect(seeds.map((s) => s.docId)).toHaveLength(5);
  });

  for (const seed of seeds) {
    describe(seed.docId, () => {
      it("keeps every gold quote (whitespace-normalised)", () => {
        const text = normaliseForCompare(seed.result.text);
        const missing = seed.quotes.filter((q) => !text.includes(normaliseForCompare(q)));
        expect(missing).toEqual([]);
      });

      it("drops the page furniture", () => {
        const left = BOILERPLATE.filter((p) => seed.result.text.includes(p));
        expect(left).toEqual([]);
      });

      it("names a rule for every removed block, and each block holds its raw text", () => {
        expect(seed.result.removed.length).toBeGreaterThan(0);
        for (const b of seed.result.removed) {
          expect(b.rule).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
          expect(b.text.length).toBeLessThanOrEqual(200);
          expect(seed.raw.slice(b.raw_start, b.raw_end).trim().startsWith(b.text.slice(0, 50))).toBe(true);
        }
      });

      it("meets the offset map contract", () => {
        expect(verifyClean(seed.raw, seed.result)).toEqual([]);
      });

      it("has paragraphs separated by one blank line, no trailing blanks", () => {
        expect(seed.result.text).not.toMatch(/\n{3,}|[ \t]$|[ \t]\n|\u00a0|\u202f/mu);
      });
    });
  }

  const byId = new Map(seeds.map((s) => [s.docId, s]));
  const rulesOf = (id: string) => byId.get(id)!.result.removed.map((b) => b.rule);

  it("000 (Euronews): menu, ads, caption with glued credit, byline, share, related list", () => {
    const rules = rulesOf("000_34d2db624d6465cf");
    for (const r of ["navigation", "advertising", "image-caption", "duplicate-caption", "image-credit", "byline-date", "share-widget", "related-links"]) {
      expect(rules).toContain(r);
    }
    const text = byId.get("000_34d2db624d6465cf")!.result.text;
    expect(text.startsWith("L'OTAN affirme détenir les preuves")).toBe(true);
    // the subheading stays
    expect(text).toContain("\n\nDes déclarations similaires à celles de l'Ukraine\n\n");
  });

  it("002: the triple headline is kept once, the link marker is cut out of its sentence", () => {
    const { text, removed } = byId.get("002_fd0b306409274ced")!.result;
    expect(text.split("Des soldats nord-coréens bientôt aux côtés des troupes russes en Ukraine ?")).toHaveLength(2);
    expect(removed.filter((b) => b.rule === "duplicate-line")).toHaveLength(1);
    expect(text).toContain("Yonhap. ce vendredi 18 octobre.");
    expect(removed.map((b) => b.rule)).toEqual(expect.arrayContaining(["link-marker", "html-debris", "related-links", "prev-next", "follow-promo"]));
  });

  it("003 and 004: nothing of the body is lost at the end", () => {
    expect(byId.get("003_979c77e09e908fdc")!.result.text.endsWith("en cas d’attaque contre l’un des deux pays.")).toBe(true);
    expect(byId.get("004_c25c54cb5abeab04")!.result.text.endsWith("indo-pacifique et euro-atlantique.")).toBe(true);
    expect(rulesOf("004_c25c54cb5abeab04")).toEqual(["feedback-form"]);
  });
});
