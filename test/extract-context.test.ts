// The extractor on short French texts written for these tests (not the seeds nor the
// held-out articles): claims that lean on the sentence before (pronouns, places),
// claims in subordinate clauses with their own numbers, denials, and speakers.
import { describe, expect, it } from "vitest";
import { extractClaims } from "../pipeline/extract/index.js";

const PUB = "2024-11-14"; // a Thursday
const run = (text: string, published_at = PUB) => extractClaims({ text, doc_id: "t", published_at, language: "fr" });
const rows = (text: string) => run(text).map((c) => [c.measure, c.count, c.claimant_org, c.certainty]);

describe("troops referred to by a pronoun or a casualty noun", () => {
  it("a subject pronoun continues the troops of the sentence before, across a quotation", () => {
    const out = run(
      "Selon l'état-major ukrainien, 4 000 soldats nord-coréens sont stationnés dans la région de Briansk.\n« Ils ont reculé la semaine passée. Ils combattent désormais près de Soudja », a ajouté l'état-major ukrainien.",
    );
    expect(out.map((c) => [c.measure, c.count, c.claimant_org])).toEqual([
      ["deployed", 4000, "Ukraine General Staff"],
      ["combat", null, "Ukraine General Staff"],
    ]);
  });
  it("an object pronoun before a measure verb, after a speech participle", () => {
    const out = run("« Près de 9 000 soldats nord-coréens attendent dans la région de Koursk », a déclaré mardi Volodymyr Zelensky, ajoutant que Moscou allait les envoyer à l'assaut.");
    expect(out.map((c) => [c.measure, c.count])).toEqual([["deployed", 9000], ["planned", null]]);
  });
  it("a casualty noun stands for the troops just named; a demonstrative one takes them for granted", () => {
    const out = run("Selon Kiev, 3 000 soldats nord-coréens combattent dans la région de Koursk. D'après lui, de lourdes pertes auraient été subies. Selon lui, ces pertes tiennent au terrain.");
    expect(out.map((c) => [c.measure, c.count, c.certainty])).toEqual([["combat", 3000, "asserted"], ["killed_or_wounded", null, "hedged"]]);
  });
  it("a pronoun with no North Korean troops before it is nothing", () => {
    expect(run("Des soldats nord-coréens défilent à Pyongyang.\n\nSelon Kiev, ils combattent près de Kharkiv depuis des mois.")).toEqual([]);
  });
  it("a main clause resuming after a relative clause keeps its subject", () => {
    const c = run("Les militaires nord-coréens, qui avaient quitté le front en mars, ont été redéployés dans la région de Belgorod, a annoncé l'état-major ukrainien.");
    expect(c.map((x) => [x.measure, x.location, x.claimant_org])).toEqual([["deployed", "Belgorod Oblast", "Ukraine General Staff"]]);
  });
});

describe("subordinate clauses with a number of their own", () => {
  it("a relative clause after dont", () => {
    expect(rows("Selon le Pentagone, quelque 9 000 soldats nord-coréens ont combattu dans la région de Koursk, dont environ 2 500 auraient été blessés.")).toEqual([
      ["combat", 9000, "US Department of Defense", "asserted"],
      ["wounded", 2500, "US Department of Defense", "hedged"],
    ]);
  });
  it("a participle clause, in the mood of its main clause", () => {
    const out = run("D'après le NIS, 2 000 soldats nord-coréens seraient arrivés en renfort, portant à près de 14 000 le nombre de militaires nord-coréens présents en Russie.");
    expect(out.map((c) => [c.measure, c.count, c.count_qualifier, c.certainty, c.location])).toEqual([
      ["deployed", 2000, "exact", "hedged", null],
      ["deployed", 14000, "up_to", "hedged", "Russia"],
    ]);
  });
  it("a relative clause without a number still takes its fact for granted", () => {
    expect(run("Selon Kiev, 5 000 soldats nord-coréens, qui ont été blessés, sont à Koursk.").map((c) => c.measure)).toEqual(["deployed"]);
  });
});

describe("denials", () => {
  it.each([
    ["Le porte-parole du Kremlin, Dmitri Peskov, a balayé ces informations sur des soldats nord-coréens.", "Kremlin"],
    ["Pyongyang nie toujours avoir envoyé le moindre soldat en Russie.", "North Korea Government"],
    ["La porte-parole de la diplomatie russe, Maria Zakharova, a qualifié de « mensonges » les informations sur la présence de soldats nord-coréens.", "Russia Government (other)"],
  ])("%s", (text, org) => {
    const out = run(`Selon Kiev, 3 000 soldats nord-coréens sont en Russie. ${text}`);
    expect(out.slice(1).map((c) => [c.measure, c.count, c.claimant_org, c.certainty])).toEqual([["deployed", null, org, "denied"]]);
  });
  it("a bare denial and a quotation calling the reports false are one denial", () => {
    const out = run("Selon Kiev, 3 000 soldats nord-coréens sont en Russie. Moscou dément. « C'est de la désinformation », a réagi jeudi le porte-parole du Kremlin, Dmitri Peskov.");
    expect(out.slice(1).map((c) => [c.measure, c.claimant, c.claimant_org, c.certainty, c.statement_date])).toEqual([
      ["deployed", "Dmitry Peskov", "Kremlin", "denied", "2024-11-14"],
    ]);
  });
  it("not denying is no denial", () => {
    expect(run("Selon Kiev, 3 000 soldats nord-coréens sont en Russie. Vladimir Poutine n'a pas démenti.").length).toBe(1);
  });
});

describe("speakers", () => {
  it("a speaker no actor names does not borrow the previous speaker", () => {
    const out = run("Selon l'état-major ukrainien, 3 000 soldats nord-coréens sont à Koursk. À Vienne, le ministre autrichien de la Défense a jugé « inquiétante » la présence de soldats nord-coréens en Europe.");
    expect(out.map((c) => c.claimant_org)).toEqual(["Ukraine General Staff"]);
  });
  it("the country's catch-all name and the institution named after the verb are one speaker", () => {
    const c = run("Kiev, de son côté, ne peut pas confirmer que des soldats nord-coréens combattent déjà, a indiqué lundi l'état-major ukrainien.");
    expect(c.map((x) => [x.claimant_org, x.certainty, x.statement_date])).toEqual([["Ukraine General Staff", "unconfirmed", "2024-11-11"]]);
    const k = run("Séoul ne peut pas confirmer que des soldats nord-coréens combattent déjà, a indiqué mardi le ministère sud-coréen de la Défense.");
    expect(k.map((x) => x.claimant_org)).toEqual(["South Korea Ministry of Defense"]);
  });
  it("the agent of an order is not the speaker; a news agency relaying a state is its channel", () => {
    const out = run(
      "La Corée du Nord a admis mercredi que ses soldats avaient combattu dans la région de Koursk, selon l'agence officielle KCNA. Les troupes nord-coréennes ont été envoyées sur ordre de Kim Jong Un, a précisé l'agence.",
    );
    expect(out.map((c) => [c.measure, c.claimant, c.claimant_org, c.location])).toEqual([
      ["combat", null, "North Korea Government", "Kursk Oblast"],
      ["deployed", null, "North Korea Government", "Kursk Oblast"],
    ]);
  });
  it("a date after the inverted subject; a role in apposition before the name", () => {
    const a = run("Trois soldats nord-coréens ont été capturés près de Soudja, a annoncé Volodymyr Zelensky mardi.");
    expect(a.map((c) => [c.claimant, c.statement_date])).toEqual([["Volodymyr Zelensky", "2024-11-12"]]);
    const b = run("« Des unités nord-coréennes sont arrivées dans la région de Koursk », a déclaré son secrétaire général, Mark Rutte.");
    expect(b.map((c) => c.claimant)).toEqual(["Mark Rutte"]);
  });
  it("a speaker named by role only, citing a source, speaks on the verb's date", () => {
    const c = run("Au moins 200 soldats nord-coréens ont été tués, a indiqué mercredi un député sud-coréen, citant le service national de renseignement.");
    expect(c.map((x) => [x.claimant_org, x.statement_date, x.date_precision])).toEqual([["South Korea National Intelligence Service", "2024-11-13", "day"]]);
  });
  it("the lawmaker referred to as le député", () => {
    const out = run("Le député Lee Seong-kweun a rapporté que 3 000 soldats nord-coréens étaient en Russie. Le député a ajouté que des soldats nord-coréens avaient été engagés dans des combats.");
    expect(out.map((c) => [c.measure, c.claimant])).toEqual([["deployed", "Lee Seong-kweon"], ["combat", "Lee Seong-kweon"]]);
  });
  it("a figure attributed by a participle and its agent, set against the figure before", () => {
    const out = run("Environ 7 000 soldats nord-coréens ont été envoyés en Sibérie, a affirmé le Pentagone. Ce chiffre dépasse les 4 000 hommes évoqués par Séoul.");
    expect(out.map((c) => [c.measure, c.count, c.claimant_org, c.location])).toEqual([
      ["deployed", 7000, "US Department of Defense", "Siberia"],
      ["deployed", 4000, "South Korea Government (other)", "Siberia"],
    ]);
  });
});

describe("places and planned moves", () => {
  it("the location comes from the sentence before in the same paragraph, not from another paragraph", () => {
    const out = run("Selon Kiev, 3 000 soldats nord-coréens sont dans la région de Koursk. D'après Kiev, ils combattent déjà.\n\nSelon le Pentagone, 500 soldats nord-coréens ont été blessés.");
    expect(out.map((c) => [c.measure, c.location, c.places])).toEqual([
      ["deployed", "Kursk Oblast", ["Kursk Oblast"]],
      ["combat", "Kursk Oblast", []],
      ["wounded", null, []],
    ]);
  });
  it("training now and a move planned by a noun phrase", () => {
    const out = run("Selon Kiev, trois bataillons nord-coréens s'entraînent en Sibérie, avant un transfert vers la ligne de front prévu en décembre.");
    expect(out.map((c) => [c.measure, c.count])).toEqual([["planned", null], ["training", null]]);
  });
  it("a region that is only a neighbour is not a place of the claim", () => {
    const c = run("Selon Kiev, des troupes nord-coréennes sont stationnées dans la région de Belgorod, voisine de l'Ukraine.");
    expect(c.map((x) => x.places)).toEqual([["Belgorod Oblast"]]);
  });
});

describe("headlines and restatements with a number", () => {
  it("an unattributed headline merges into the body claim with its count; a kicker before a full stop stays a headline", () => {
    const out = run(
      "Guerre en Ukraine. Trois soldats nord-coréens capturés près de Soudja\n\nTrois soldats nord-coréens ont été capturés dans la région de Koursk, a annoncé lundi l'état-major ukrainien.",
    );
    expect(out.map((c) => [c.measure, c.count, c.claimant_org, c.quote.startsWith("Trois soldats nord-coréens ont")])).toEqual([["captured", 3, "Ukraine General Staff", true]]);
  });
  it("a headline with a rounder count of the same claimant merges; a quote that names no place merges into the placed claim", () => {
    const out = run(
      "8.000 soldats nord-coréens à Koursk, selon Washington\n\nEnviron 8.000 soldats nord-coréens sont arrivés dans la région de Koursk, a affirmé le Pentagone. « Il y a environ 8.000 soldats nord-coréens », a ajouté le Pentagone.",
    );
    expect(out.map((c) => [c.measure, c.count, c.count_qualifier, c.claimant_org, c.location])).toEqual([["deployed", 8000, "approx", "US Department of Defense", "Kursk Oblast"]]);
  });
  it("a casualty figure with no soldier noun, when someone is quoted for it", () => {
    const out = run("Des soldats nord-coréens se battent à Koursk.\n\nLe Pentagone a fait état mardi de « quelques dizaines » de victimes.");
    expect(out.map((c) => [c.measure, c.count_qualifier, c.claimant_org, c.statement_date])).toEqual([["killed_or_wounded", "vague", "US Department of Defense", "2024-11-12"]]);
    expect(run("Des soldats nord-coréens se battent à Koursk.\n\nUne frappe a fait au moins 7 morts à Kharkiv.")).toEqual([]);
  });
});

describe("places of a claim", () => {
  it("a country that is the subject of a verb is an actor, not a place", () => {
    const out = run("Selon Londres, la Russie pourrait envoyer jusqu'à 2 000 soldats nord-coréens supplémentaires vers le front.");
    expect(out.map((c) => [c.measure, c.count, c.location, c.places])).toEqual([["planned", 2000, null, []]]);
    expect(run("Selon Londres, 2 000 soldats nord-coréens sont en Russie.").map((c) => c.location)).toEqual(["Russia"]);
  });
  it("a planned move does not take the place of the sentence before", () => {
    const out = run("Selon le NIS, 3 000 soldats nord-coréens sont dans la région de Koursk. D'autres renforts devraient arriver cet hiver.");
    expect(out.map((c) => [c.measure, c.location])).toEqual([["deployed", "Kursk Oblast"], ["planned", null]]);
  });
  it("villages and regions of the reference table", () => {
    const out = run("Selon Kiev, des soldats nord-coréens ont attaqué près du village de Korenevo. Selon Kiev, 500 soldats nord-coréens s'entraînent dans la région de Tambov.");
    expect(out.map((c) => [c.measure, c.location])).toEqual([["combat", "Korenevo"], ["training", "Tambov Oblast"]]);
  });
});
