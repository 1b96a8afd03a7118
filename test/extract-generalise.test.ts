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

describe("speakers", () => {
  it("the outlet that quotes a speaker is only the channel", () => {
    const out = run("Selon le Pentagone, cité par la BBC, 2 000 soldats nord-coréens sont arrivés dans la région de Koursk.");
    expect(out.map((c) => c.claimant_org)).toEqual(["US Department of Defense"]);
  });
  it("'selon nos estimations' is the outlet's own figure", () => {
    expect(rows("Selon nos estimations, 4 000 soldats nord-coréens seraient en Russie.")).toEqual([["deployed", 4000, "exact", "Unattributed", "hedged"]]);
  });
  it("'Pour X,' opening a sentence names the speaker", () => {
    expect(rows("Pour le Pentagone, au moins 500 soldats nord-coréens ont été tués.")).toEqual([["killed", 500, "at_least", "US Department of Defense", "asserted"]]);
  });
  it("a place after 'à' is no speaker", () => {
    const out = run("Lors d'un sommet à Moscou, le 3 novembre, Mark Rutte a déclaré que 3 000 soldats nord-coréens étaient en Russie.");
    expect(out.map((c) => [c.claimant, c.statement_date])).toEqual([["Mark Rutte", "2024-11-03"]]);
  });
  it("'selon lui' is the person who spoke, not the institution cited since", () => {
    const out = run("Le général Oleksandr Syrsky a affirmé mardi que des soldats nord-coréens combattent à Koursk. Ce chiffre a été relevé par Washington. Selon lui, 800 soldats nord-coréens ont été tués.");
    expect(out.find((c) => c.count === 800)?.claimant).toBe("Oleksandr Syrskyi");
  });
});

describe("dates", () => {
  it("a weekday in the speaker's relative clause", () => {
    const [c] = run("Selon Mark Rutte, qui s'exprimait mardi soir à Bruxelles, 3 000 soldats nord-coréens sont en Russie.");
    expect([c!.statement_date, c!.date_precision]).toEqual(["2024-11-12", "day"]);
  });
  it("'Mardi déjà,' and the date of a report", () => {
    expect(run("Mardi déjà, le Pentagone avait fait état de 200 soldats nord-coréens tués.")[0]!.statement_date).toBe("2024-11-12");
    expect(run("Dans son rapport du 2 novembre, l'ISW indiquait que 900 soldats nord-coréens étaient en Russie.")[0]!.statement_date).toBe("2024-11-02");
  });
});

describe("places and restatements", () => {
  it("a country one fights for is no place", () => {
    expect(run("Selon Séoul, 300 soldats nord-coréens ont été tués en combattant pour la Russie.")[0]!.location).toBeNull();
  });
  it("a standfirst with the same count and place merges into the body; a hedged one with its own place does not", () => {
    const text = "Le Pentagone affirme que 5 000 soldats nord-coréens sont dans la région de Koursk. Une réunion a eu lieu.\n\nSelon le Pentagone, au moins 5 000 soldats nord-coréens se trouvent dans la région de Koursk.";
    expect(run(text).map((c) => c.count_qualifier)).toEqual(["at_least"]);
    const text2 = "Au moins 90 soldats nord-coréens auraient été tués dans la région de Koursk, selon Séoul. Rien de plus.\n\nAu moins 90 soldats nord-coréens ont été tués, a affirmé Séoul.";
    expect(run(text2).map((c) => c.certainty)).toEqual(["hedged", "asserted"]);
  });
});
