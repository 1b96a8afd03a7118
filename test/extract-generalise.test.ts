// Round 0.3.0: general French patterns, on sentences written for these tests (not copied from any held-out set).
import { describe, expect, it } from "vitest";
import { extractClaims } from "../pipeline/extract/index.js";
import { findNumbers } from "../pipeline/extract/numbers.js";
import { clauseMeasure, findPersonnel, findTriggers } from "../pipeline/extract/measures.js";

const PUB = "2024-11-14"; // a Thursday
const run = (text: string, published_at = PUB) => extractClaims({ text, doc_id: "t", published_at, language: "fr" });
const rows = (text: string) => run(text).map((c) => [c.measure, c.count, c.count_qualifier, c.claimant_org, c.certainty]);
const measure = (s: string) => clauseMeasure(findTriggers(s), 0, s.length, { allowBare: false });

describe("numbers", () => {
  it("an elliptic second number takes the noun of the first ('et 300 autres blessés')", () => {
    expect(rows("Selon Kiev, une cinquantaine de soldats nord-coréens ont péri et environ 300 autres ont été blessés.")).toEqual([
      ["killed", 50, "approx", "Ukraine Government (other)", "asserted"],
      ["wounded", 300, "approx", "Ukraine Government (other)", "asserted"],
    ]);
  });
  it("casualty participles as head nouns ('40 tués et 120 blessés')", () => {
    const out = rows("Le Pentagone a fait état de 40 tués et de 120 blessés parmi les soldats nord-coréens.");
    expect(out).toContainEqual(["killed", 40, "exact", "US Department of Defense", "asserted"]);
    expect(out).toContainEqual(["wounded", 120, "exact", "US Department of Defense", "asserted"]);
  });
  it("dépasser / excéder N is at least N", () => {
    const [n] = findNumbers("le nombre de victimes excède désormais les 2 500 hommes");
    expect(n).toMatchObject({ count: 2500, low: 2500, high: null, qualifier: "at_least" });
    const [m] = findNumbers("les pertes dépassaient les 700 soldats");
    expect(m).toMatchObject({ count: 700, qualifier: "at_least" });
  });
  it("military trades and 'le total des effectifs' count soldiers", () => {
    expect(findNumbers("300 démineurs")[0]!.subject).toBe("personnel");
    expect(findNumbers("2 000 ingénieurs militaires")[0]!.subject).toBe("personnel");
    expect(findNumbers("portant à 9 000 le total des effectifs")[0]!.subject).toBe("personnel");
    expect(findNumbers("2 000 ingénieurs")[0]!.subject).toBe("none");
  });
  it("a part 'd'entre eux' takes the verb that follows it", () => {
    expect(rows("Selon Séoul, des soldats nord-coréens ont été encerclés et trois d'entre eux se sont suicidés.")).toEqual([
      ["killed", 3, "exact", "South Korea Government (other)", "asserted"],
    ]);
  });
});

describe("measures", () => {
  it.each([
    ["sa compagnie aurait perdu une trentaine d'hommes en deux jours", "killed_or_wounded"],
    ["des soldats nord-coréens sont envoyés à l'assaut des positions ukrainiennes", "combat"],
    ["les unités nord-coréennes ont été vues sur la ligne de front", "combat"],
    ["les troupes nord-coréennes reviendront au printemps", "planned"],
    ["Pyongyang a accepté d'envoyer de nouveaux soldats", "planned"],
    ["il n'exclut pas que des renforts soient envoyés cet hiver", "planned"],
    ["il juge probable que Pyongyang envoie d'autres troupes", "planned"],
    ["ils ont perdu la vie près de Soudja", "killed"],
  ])("%s -> %s", (s, m) => expect(measure(s)).toBe(m));
  it("'nord-coréens' after a noun is an adjective, not the troops", () => {
    expect(findPersonnel("les obus nord-coréens arrivent")).toEqual([]);
    expect(findPersonnel("des Nord-Coréens arrivent")).toHaveLength(1);
  });
  it("losses after 'après' are taken for granted", () => {
    expect(run("Repliés après de lourdes pertes, les soldats nord-coréens attendent à l'arrière.")).toEqual([]);
  });
  it("a denial that they are still seen", () => {
    expect(rows("Les militaires nord-coréens n'ont plus été aperçus sur la ligne de front depuis un mois, a affirmé le Pentagone.")).toEqual([
      ["combat", null, null, "US Department of Defense", "denied"],
    ]);
  });
  it("a possibility judged by a speaker is a hedged planned move", () => {
    expect(rows("Le Pentagone n'exclut pas que la Corée du Nord dépêche des soldats supplémentaires cet hiver.")).toEqual([
      ["planned", null, null, "US Department of Defense", "hedged"],
    ]);
  });
  it("a quoted object pronoun with its speaker after", () => {
    const out = run("Les soldats nord-coréens sont dans la région de Koursk.\n\n« Moscou les expédie à l'assaut sans appui », a dénoncé mercredi le Pentagone.");
    expect(out.map((c) => [c.measure, c.claimant_org, c.statement_date])).toContainEqual(["combat", "US Department of Defense", "2024-11-13"]);
  });
  it("a question is no claim", () => {
    expect(run("Le Kremlin dément-il toujours la présence de soldats nord-coréens ?")).toEqual([]);
  });
});
