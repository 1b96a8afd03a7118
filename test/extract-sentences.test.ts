// The extractor on short French texts written for these tests (not the seeds):
// attribution shapes, measures, numbers about other things, dates, certainty.
import { describe, expect, it } from "vitest";
import { extractClaims, EXTRACTOR_VERSION } from "../pipeline/extract/index.js";

const PUB = "2024-11-14"; // a Thursday
const run = (text: string, published_at = PUB) => extractClaims({ text, doc_id: "t", published_at, language: "fr" });
const one = (text: string, published_at = PUB) => {
  const out = run(text, published_at);
  expect(out, JSON.stringify(out, null, 1)).toHaveLength(1);
  return out[0]!;
};

describe("API", () => {
  it("has a semver version and ignores other languages", () => {
    expect(EXTRACTOR_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(run("Selon Kiev, 3 000 soldats nord-coréens sont en Russie.").length).toBe(1);
    expect(extractClaims({ text: "According to Kyiv, 3,000 North Korean soldiers are in Russia.", doc_id: "e", published_at: PUB, language: "en" })).toEqual([]);
  });
  it("gives spans that point at the quote", () => {
    const text = "Titre\n\nIntro sans rapport. Selon le Pentagone, 5 000 soldats nord-coréens sont arrivés dans la région de Koursk.";
    const c = one(text);
    expect(text.slice(c.span_start, c.span_end)).toBe(c.quote);
    expect(c.quote.startsWith("Selon le Pentagone")).toBe(true);
  });
});

describe("claimants", () => {
  it("inverted attribution after the claim", () => {
    const c = one("Quelque 12 000 militaires nord-coréens ont été envoyés en Russie, a affirmé le ministre sud-coréen de la Défense, Kim Yong-hyun.");
    expect(c).toMatchObject({ claimant: "Kim Yong-hyun", claimant_org: "South Korea Ministry of Defense", claimant_country: "KR", measure: "deployed", count: 12000, count_qualifier: "approx", location: "Russia" });
  });
  it("d'après + organisation, spelling variants of a person", () => {
    const c = one("D'après le renseignement militaire ukrainien (HUR), environ 3 000 soldats nord-coréens combattent dans la région de Koursk.");
    expect(c).toMatchObject({ claimant: null, claimant_org: "Ukraine Defence Intelligence (HUR)", measure: "combat", location: "Kursk Oblast" });
    const z = one("Volodymyr Zelenski a affirmé mercredi que 11 000 soldats nord-coréens se trouvaient dans la région de Koursk.");
    expect(z).toMatchObject({ claimant: "Volodymyr Zelensky", claimant_org: "Ukraine Presidency", statement_date: "2024-11-13", date_precision: "day" });
  });
  it("several claimants in one paragraph", () => {
    const out = run(
      "Le porte-parole du Pentagone, Pat Ryder, a indiqué que 10 000 soldats nord-coréens étaient en Russie. De son côté, le Kremlin dément toute présence de soldats nord-coréens. Selon Séoul, 1 500 soldats nord-coréens supplémentaires devraient arriver d'ici décembre.",
    );
    expect(out.map((c) => [c.claimant_org, c.measure, c.count, c.certainty])).toEqual([
      ["US Department of Defense", "deployed", 10000, "asserted"],
      ["Kremlin", "deployed", null, "denied"],
      ["South Korea Government (other)", "planned", 1500, "hedged"],
    ]);
    expect(out[0]!.claimant).toBe("Pat Ryder");
  });
  it("a quotation over several sentences takes the speaker named after it", () => {
    const out = run(
      "« Nous avons des preuves. Des troupes nord-coréennes sont présentes dans la région de Koursk. Nous restons vigilants », a déclaré le secrétaire général de l'OTAN, Mark Rutte.",
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ claimant: "Mark Rutte", claimant_org: "NATO", claimant_country: "INT", measure: "deployed", location: "Kursk Oblast" });
  });
  it("a role named earlier and a pronoun refer back to the person", () => {
    const out = run(
      "Le secrétaire d'État américain Antony Blinken s'est exprimé à Washington. Le chef de la diplomatie américaine a déclaré que 8 000 soldats nord-coréens étaient déployés à la frontière. Il a ajouté que des soldats nord-coréens avaient été blessés.",
    );
    expect(out.map((c) => [c.claimant, c.claimant_org, c.measure])).toEqual([
      ["Antony Blinken", "US Department of State", "deployed"],
      ["Antony Blinken", "US Department of State", "wounded"],
    ]);
  });
  it("a lawmaker relaying the intelligence service", () => {
    const c = one("Le député sud-coréen Lee Seong-kweun a indiqué, citant le NIS, qu'environ 100 soldats nord-coréens avaient été tués.");
    expect(c).toMatchObject({ claimant: "Lee Seong-kweon", claimant_org: "South Korea National Intelligence Service", measure: "killed", count: 100 });
  });
  it("a news agency cited as the source", () => {
    const c = one("Selon l'agence Yonhap, 3 000 soldats nord-coréens supplémentaires ont été envoyés en Russie.");
    expect(c).toMatchObject({ claimant_org: "Media (Yonhap)", claimant_country: "KR" });
  });
  it("an unattributed number is the outlet's; an unattributed claim without one is nothing", () => {
    expect(one("Au total, 11 000 soldats nord-coréens ont été déployés en Russie.")).toMatchObject({ claimant_org: "Unattributed", claimant_country: null });
    expect(run("Des soldats nord-coréens ont été déployés en Russie.")).toEqual([]);
  });
});

describe("measures and numbers", () => {
  it("two numbers with two meanings", () => {
    const out = run("Selon Kiev, un premier groupe de 2 600 soldats nord-coréens, sur les 11 000 prévus, est arrivé en Russie.");
    expect(out.map((c) => [c.measure, c.count])).toEqual([["deployed", 2600], ["planned", 11000]]);
  });
  it("passive voice with an agent", () => {
    const c = one("Le déploiement de 3 000 soldats nord-coréens en Russie a été confirmé par le Pentagone.");
    expect(c).toMatchObject({ claimant_org: "US Department of Defense", measure: "deployed", count: 3000 });
  });
  it("casualties and captures", () => {
    expect(one("Selon l'état-major ukrainien, plusieurs centaines de soldats nord-coréens ont été tués ou blessés dans la région de Koursk.")).toMatchObject({ measure: "killed_or_wounded", count: null, count_qualifier: "vague", claimant_org: "Ukraine General Staff" });
    expect(one("Les forces spéciales ukrainiennes ont annoncé avoir capturé deux soldats nord-coréens.")).toMatchObject({ measure: "captured", count: 2, claimant_org: "Ukraine Special Operations Forces" });
  });
  it("training and future deployment", () => {
    expect(one("Selon Washington, 7 000 soldats nord-coréens s'entraînent actuellement dans l'Extrême-Orient russe.")).toMatchObject({ measure: "training", location: "Russian Far East", claimant_org: "US Government (other)" });
    expect(one("D'après Séoul, Pyongyang prévoit d'envoyer 5 000 soldats supplémentaires.")).toMatchObject({ measure: "planned", count: 5000 });
  });
  it("numbers about other things are not claims", () => {
    expect(run("Selon l'OTAN, plus de 600 000 soldats russes ont été tués ou blessés depuis le début de la guerre contre l'Ukraine, qui concerne aussi la Corée du Nord.")).toEqual([]);
    expect(run("Washington a annoncé une aide de 400 millions de dollars à l'Ukraine face aux troupes nord-coréennes, a déclaré Lloyd Austin le 21 octobre.").filter((c) => c.count !== null)).toEqual([]);
  });
  it("a presupposition gives no record", () => {
    expect(run("Les soldats nord-coréens déployés en Russie portent des uniformes russes, selon des images publiées par la Corée du Sud.")).toEqual([]);
  });
});

describe("places, dates and certainty", () => {
  it("location is the common region of the places listed", () => {
    const c = one("Selon le NIS, les soldats nord-coréens ont été installés à Vladivostok, Oussouriisk et Khabarovsk.");
    expect(c.places).toEqual(["Vladivostok", "Ussuriysk", "Khabarovsk"]);
    expect(c.location).toBe("Russian Far East");
  });
  it("a place in a purpose clause is not where the troops are", () => {
    const c = one("Selon Kiev, 5 000 soldats nord-coréens ont été envoyés en Russie afin de combattre en Ukraine.");
    expect(c).toMatchObject({ measure: "deployed", places: ["Russia"] });
  });
  it.each([
    ["Selon Kiev, fin octobre, 3 000 soldats nord-coréens étaient en Russie.", "2024-11-14", "published"],
    ["Fin octobre, le Pentagone a déclaré que 3 000 soldats nord-coréens étaient en Russie.", "2024-10-01", "month"],
    ["Le Pentagone a déclaré mardi que 3 000 soldats nord-coréens étaient en Russie.", "2024-11-12", "day"],
    ["Le Pentagone a déclaré le 4 novembre que 3 000 soldats nord-coréens étaient en Russie.", "2024-11-04", "day"],
    ["Le Pentagone a déclaré que 3 000 soldats nord-coréens devaient arriver en Russie d'ici le 1er décembre.", "2024-11-14", "published"],
    ["À la mi-novembre, le Pentagone a déclaré que 3 000 soldats nord-coréens étaient en Russie.", "2024-11-01", "month"],
  ])("%s", (text, date, precision) => {
    expect(one(text)).toMatchObject({ statement_date: date, date_precision: precision });
  });
  it.each([
    ["Selon Kiev, 3 000 soldats nord-coréens se trouveraient en Russie.", "hedged"],
    ["Selon Kiev, 3 000 soldats nord-coréens sont probablement en Russie.", "hedged"],
    ["Le Pentagone ne peut pas confirmer que 3 000 soldats nord-coréens sont en Russie.", "unconfirmed"],
    ["Moscou a démenti que 3 000 soldats nord-coréens soient en Russie.", "denied"],
    ["Selon Kiev, 3 000 soldats nord-coréens sont en Russie.", "asserted"],
    ["Selon Kiev, 3 000 soldats nord-coréens sont en Russie, ce qui pourrait changer le cours de la guerre.", "asserted"],
  ])("%s -> %s", (text, certainty) => {
    expect(one(text).certainty).toBe(certainty);
  });
});

describe("restatements", () => {
  it("headline and body give one record, evidence from the body", () => {
    const text = "Kiev affirme que 3 000 soldats nord-coréens sont en Russie\n\nSelon Kiev, 3 000 soldats nord-coréens sont en Russie.";
    const c = one(text);
    expect(c.quote).toBe("Selon Kiev, 3 000 soldats nord-coréens sont en Russie.");
  });
});
