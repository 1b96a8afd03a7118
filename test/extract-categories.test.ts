// Round 0.4.0: error categories that recur across held-out sets, on sentences written for these tests.
import { describe, expect, it } from "vitest";
import { extractClaims } from "../pipeline/extract/index.js";
import { findNumbers } from "../pipeline/extract/numbers.js";
import { clauseMeasure, findTriggers } from "../pipeline/extract/measures.js";
import { certaintyOf } from "../pipeline/extract/certainty.js";

const PUB = "2025-03-13"; // a Thursday
const run = (text: string, published_at = PUB) => extractClaims({ text, doc_id: "t", published_at, language: "fr" });
const rows = (text: string) => run(text).map((c) => [c.measure, c.count, c.count_qualifier, c.claimant_org, c.certainty]);
const measure = (s: string) => clauseMeasure(findTriggers(s), 0, s.length, { allowBare: false });

describe("future and modal moves", () => {
  it("a modal with an adverb before the move ('pourraient à terme être envoyés') is planned", () => {
    expect(measure("des renforts pourraient à terme être envoyés")).toBe("planned");
    expect(measure("ces unités pourraient également être déployées")).toBe("planned");
  });
  it("'se prépare à envoyer' is planned", () => {
    expect(measure("Pyongyang se prépare à envoyer des troupes")).toBe("planned");
    expect(measure("le régime se préparait à les déployer")).toBe("planned");
  });
  it("a number with a modal and a place but no move verb is planned, not deployed", () => {
    expect(rows("Selon Kiev, près de 8 000 soldats nord-coréens pourraient rejoindre la région de Koursk.")).toEqual([
      ["planned", 8000, "up_to", "Ukraine Government (other)", "hedged"],
    ]);
  });
  it("a nominal 'envoi annoncé par X de N' is planned and the agent is the claimant", () => {
    const out = rows("Le point est acquis : l'envoi annoncé en mai par Moscou de 2 000 soldats nord-coréens.");
    expect(out).toContainEqual(["planned", 2000, "exact", "Russia Government (other)", "asserted"]);
  });
  it("a participle 'promis par X' does not override the main verb", () => {
    const out = rows("D'après Kiev, les 800 sapeurs nord-coréens promis par Pyongyang sont arrivés à Koursk.");
    expect(out).toEqual([["deployed", 800, "exact", "Ukraine Government (other)", "asserted"]]);
  });
});

describe("numbers without a soldier noun", () => {
  it("'pas loin de N' is up to N", () => {
    expect(findNumbers("pas loin de 7 000 soldats")[0]).toMatchObject({ count: 7000, high: 7000, low: null, qualifier: "up_to" });
  });
  it("'une bonne dizaine de milliers' is approx 10 000", () => {
    expect(findNumbers("une bonne dizaine de milliers d'hommes")[0]).toMatchObject({ count: 10000, qualifier: "approx", subject: "personnel" });
  });
  it("reinforcements, builders and ranks are personnel", () => {
    expect(findNumbers("à 4 500 le nombre de renforts")[0]).toMatchObject({ count: 4500, subject: "personnel" });
    expect(findNumbers("2 000 bâtisseurs")[0]).toMatchObject({ subject: "personnel" });
    expect(findNumbers("un caporal nord-coréen")[0]).toMatchObject({ count: 1, subject: "nk" });
  });
  it("'N de pertes' counts a referent", () => {
    expect(findNumbers("de « quelques centaines » de pertes")[0]).toMatchObject({ qualifier: "vague", subject: "referent" });
  });
  it("Russian losses over a period are someone else's", () => {
    expect(findNumbers("l'armée russe a perdu au cours de la dernière journée 1 120 soldats")[0]).toMatchObject({ subject: "other" });
  });
  it("'ces prétendus milliers' is a vague number, and its non-existence a denial", () => {
    expect(findNumbers("ces supposés milliers de soldats")[0]).toMatchObject({ qualifier: "vague", subject: "personnel" });
    expect(rows("« Ces prétendus milliers de militaires nord-coréens n'existent pas », a réagi le Kremlin.")).toEqual([
      ["deployed", null, "vague", "Kremlin", "denied"],
    ]);
  });
});

describe("combat and casualty wording", () => {
  it("'se sont battus', 'participer à la libération', 'engagés dans ce secteur'", () => {
    expect(measure("les soldats se sont vaillamment battus")).toBe("combat");
    expect(measure("ils ont participé à la libération du district")).toBe("combat");
    expect(measure("ces hommes sont engagés dans ce secteur depuis mars")).toBe("combat");
  });
  it("'se faire exploser' is killed", () => {
    expect(measure("un soldat se serait fait exploser")).toBe("killed");
    expect(measure("l'armée a fait exploser un pont")).toBeNull();
  });
  it("euphemistic 'camarades coréens' are the troops", () => {
    expect(rows("Le Kremlin a admis que des « camarades coréens » de Pyongyang avaient combattu à Koursk.")).toEqual([["combat", null, null, "Kremlin", "asserted"]]);
  });
  it("an appositive casualty participle is a second claim ('Trois soldats, blessés, ont été faits prisonniers')", () => {
    const out = rows("Selon Kiev, trois soldats nord-coréens, blessés, ont été capturés lundi.");
    expect(out).toContainEqual(["captured", 3, "exact", "Ukraine Government (other)", "asserted"]);
    expect(out).toContainEqual(["wounded", 3, "exact", "Ukraine Government (other)", "asserted"]);
  });
  it("combat in a 'où' clause after a casualty claim is taken for granted", () => {
    const out = rows("Selon Kiev, 500 soldats nord-coréens ont été tués à Koursk, où ils combattent aux côtés des Russes.");
    expect(out).toEqual([["killed", 500, "exact", "Ukraine Government (other)", "asserted"]]);
  });
});

describe("certainty", () => {
  it("'dit ne pas être en mesure de confirmer' is unconfirmed", () => {
    expect(certaintyOf("un envoi", "a dit ne pas être en mesure de confirmer")).toBe("unconfirmed");
  });
  it("a conditional of a -rer verb is hedged ('figureraient', 'déclareraient')", () => {
    expect(certaintyOf("Parmi eux figureraient 300 officiers", "")).toBe("hedged");
    expect(certaintyOf("ils se déclareraient prêts", "")).toBe("hedged");
    expect(certaintyOf("ils figuraient parmi eux", "")).toBe("asserted");
  });
  it("a conditional before a colon reaches the number after it", () => {
    expect(rows("Selon Kiev, le bilan serait lourd : pas loin de 900 soldats nord-coréens tués.")).toEqual([
      ["killed", 900, "up_to", "Ukraine Government (other)", "hedged"],
    ]);
  });
  it("a non-acknowledgement ('n'a jamais reconnu') is no claim", () => {
    expect(rows("Pyongyang n'a jamais reconnu la présence de ses soldats en Russie.")).toEqual([]);
  });
});

describe("claimants", () => {
  it("KCNA speaks for the North Korean state", () => {
    expect(rows("Selon l'agence KCNA, des soldats nord-coréens ont combattu à Koursk.")).toEqual([["combat", null, null, "North Korea Government", "asserted"]]);
  });
  it("'prétend' and 'a parlé de' are speech verbs", () => {
    expect(rows("Le Pentagone prétend que 3 000 soldats nord-coréens sont en Russie.")).toEqual([["deployed", 3000, "exact", "US Department of Defense", "asserted"]]);
    expect(rows("Le Pentagone a parlé de la présence de soldats nord-coréens en Russie.")).toEqual([["deployed", null, null, "US Department of Defense", "asserted"]]);
  });
});

describe("anaphora, second claims and impersonal speakers", () => {
  it("'la plupart d'entre eux' in an 'et que' clause is a second claim", () => {
    const out = run("« Nous savons que 4 000 soldats nord-coréens ont été envoyés en Russie et que la plupart d'entre eux ont été transférés dans la région de Koursk », a déclaré le Pentagone.");
    expect(out.map((c) => [c.measure, c.count, c.location])).toEqual([
      ["deployed", 4000, "Russia"],
      ["deployed", null, "Kursk Oblast"],
    ]);
  });
  it("'les premiers d'entre eux' refers to the troops named before", () => {
    const out = rows("Pyongyang doit envoyer 3 000 soldats nord-coréens. Les premiers d'entre eux seraient arrivés en mars, selon Séoul.");
    expect(out).toContainEqual(["deployed", null, null, "South Korea Government (other)", "hedged"]);
  });
  it("an inverted speaker after a participle and a comma ('..., estime le HUR')", () => {
    expect(rows("Des soldats nord-coréens sont à Koursk. Un tiers d'entre eux auraient été blessés, estime le HUR.")).toEqual([
      ["wounded", null, null, "Ukraine Defence Intelligence (HUR)", "hedged"],
    ]);
  });
  it("a date after the verb is no subject ('avait évoqué la semaine dernière')", () => {
    const out = run("Des soldats nord-coréens sont à Koursk. Le Pentagone, lui, avait évoqué la semaine dernière « quelques centaines » de victimes.");
    expect(out.map((c) => [c.measure, c.claimant_org, c.date_precision])).toEqual([["killed_or_wounded", "US Department of Defense", "month"]]);
  });
  it("'Du côté de X, on affirme' and 'De source X, on indique' name the speaker", () => {
    expect(rows("Du côté de Kiev, on affirme que 2 000 soldats nord-coréens sont arrivés à Koursk.")).toEqual([["deployed", 2000, "exact", "Ukraine Government (other)", "asserted"]]);
    expect(rows("De source militaire ukrainienne, on indique que les Nord-Coréens y sont revenus en mars.")).toEqual([
      ["deployed", null, null, "Ukraine Armed Forces (other)", "asserted"],
    ]);
  });
  it("a separate 'et qu'elles pourraient être envoyées' is its own planned claim", () => {
    const out = rows("Le HUR affirme que des unités nord-coréennes sont arrivées à Koursk et qu'elles pourraient être envoyées au front prochainement.");
    expect(out.map((r) => r[0])).toEqual(["deployed", "planned"]);
  });
  it("'décimés' is a casualty", () => {
    expect(measure("des bataillons entiers ont été décimés")).toBe("killed_or_wounded");
  });
  it("'mettre en garde contre le risque de voir X envoyer' is a planned move", () => {
    expect(measure("le risque de voir Pyongyang envoyer des troupes")).toBe("planned");
  });
});

describe("speakers, dates and restatements", () => {
  const full = (text: string, pub = PUB) => run(text, pub).map((c) => [c.measure, c.count, c.claimant_org, c.claimant, c.statement_date, c.date_precision]);
  it("an organisation's statement reported by one of its people takes that person and their day", () => {
    // Park Sun-won is a lawmaker reporting for the NIS in the reference table.
    expect(full("Le NIS a estimé à environ 900 le nombre de soldats nord-coréens blessés, a rapporté mardi le député Park Sun-won.")).toEqual([
      ["wounded", 900, "South Korea National Intelligence Service", "Park Sun-won", "2025-03-11", "day"],
    ]);
  });
  it("'a-t-on appris [jour] auprès de X' names the speaker and the day", () => {
    expect(full("Pyongyang a envoyé 500 soldats en Russie, a-t-on appris lundi auprès du Pentagone.")).toEqual([
      ["deployed", 500, "US Department of Defense", null, "2025-03-10", "day"],
    ]);
  });
  it("'a fait savoir' is a speech verb with an inverted subject", () => {
    expect(full("Près de 300 soldats nord-coréens ont été tués, a fait savoir mercredi le HUR.")).toEqual([
      ["killed", 300, "Ukraine Defence Intelligence (HUR)", null, "2025-03-12", "day"],
    ]);
  });
  it("'le précédent bilan, communiqué ...' is the organisation of the toll given before", () => {
    const out = full("Selon le Pentagone, 1 200 soldats nord-coréens ont été tués. Le précédent bilan faisait état de 800 soldats tués.");
    expect(out).toContainEqual(["killed", 800, "US Department of Defense", null, PUB, "published"]);
  });
  it("', et certains d'entre eux ...' is a claim of its own next to a number", () => {
    const out = run("Selon le Pentagone, 5 000 soldats nord-coréens sont arrivés à Koursk, et certains d'entre eux ont commencé à combattre.");
    expect(out.map((c) => [c.measure, c.count])).toEqual([["combat", null], ["deployed", 5000]]);
  });
  it("the actor after the last comma is the subject ('X fait ceci, Séoul évoque N')", () => {
    const out = run("Kim Jong-un rend hommage à ses soldats, Séoul évoque 700 morts nord-coréens");
    expect(out.map((c) => c.claimant_org)).toEqual(["South Korea Government (other)"]);
  });
  it("a lead with the body's figure and a wider place is one record with the body", () => {
    const text = "Quelque 4 000 Nord-Coréens pourraient rejoindre la Russie, selon le Pentagone.\n\nPrès de 4 000 soldats nord-coréens pourraient être envoyés, a ajouté le Pentagone.";
    const out = run(text);
    expect(out.map((c) => [c.measure, c.count, c.count_qualifier, c.location])).toEqual([["planned", 4000, "up_to", "Russia"]]);
  });
  it("a numberless lead in the country merges into the body's numbered record in one of its cities", () => {
    const text = "Des soldats nord-coréens sont arrivés en Russie, selon le Pentagone.\n\nSelon le Pentagone, 2 000 soldats nord-coréens sont arrivés à Vladivostok.";
    expect(run(text).map((c) => [c.measure, c.count, c.location])).toEqual([["deployed", 2000, "Vladivostok"]]);
  });
});

describe("denials and judging verbs", () => {
  const ctxNk = "Des soldats nord-coréens seraient en Russie, selon Kiev. ";
  it("'parlait de « rumeurs »' and 'a dénoncé une « campagne d'intox »' deny", () => {
    const a = run(ctxNk + "Le Kremlin parlait alors de « rumeurs infondées » sur leur présence.");
    expect(a.map((c) => [c.claimant_org, c.certainty])).toContainEqual(["Kremlin", "denied"]);
    const b = run(ctxNk + "Le ministère russe des Affaires étrangères a dénoncé lundi une « campagne d'intox ».");
    expect(b.some((c) => c.certainty === "denied" && c.claimant_country === "RU")).toBe(true);
  });
  it("'parlé de « preuves »' is no denial", () => {
    const out = run("Le Pentagone a parlé de « preuves » de la présence de soldats nord-coréens en Russie.");
    expect(out.map((c) => c.certainty)).toEqual(["asserted"]);
  });
  it("'par la voix de son ambassadeur, NAME' makes the person the claimant", () => {
    const out = run(ctxNk + "Pyongyang a qualifié mardi, par la voix de son ambassadeur à l'ONU, Kim Song, de « mensonges » ces informations.");
    expect(out.map((c) => [c.claimant_org, c.claimant, c.certainty])).toContainEqual(["North Korea Government", "Kim Song", "denied"]);
  });
  it("a subject, a comma and the verb ('X, a dénoncé') is the speaker", () => {
    const out = run(ctxNk + "La porte-parole du Kremlin, Dmitri Peskov, a de son côté dénoncé une « campagne de désinformation ».");
    expect(out.map((c) => [c.claimant, c.certainty])).toContainEqual(["Dmitry Peskov", "denied"]);
  });
  it("'avait évalué fin février à N le nombre de renforts' is a statement with its month", () => {
    const out = run("Le Pentagone avait évalué fin février à 2 500 le nombre de renforts nord-coréens.", PUB);
    expect(out.map((c) => [c.measure, c.count, c.claimant_org, c.statement_date, c.date_precision])).toEqual([
      ["deployed", 2500, "US Department of Defense", "2025-02-01", "month"],
    ]);
  });
});

describe("dates of continuing statements", () => {
  it("the next sentence of the same organisation takes its day", () => {
    const out = run("Mardi, le Pentagone a affirmé que 2 000 soldats nord-coréens étaient arrivés en Russie. Selon le Pentagone, 500 d'entre eux sont déjà à Koursk.");
    expect(out.map((c) => [c.count, c.statement_date, c.date_precision])).toEqual([
      [2000, "2025-03-11", "day"],
      [500, "2025-03-11", "day"],
    ]);
  });
  it("not when the sentence moves in time, nor further than the next sentence", () => {
    const a = run("Mardi, le Pentagone a affirmé que 2 000 soldats nord-coréens étaient arrivés en Russie. Quelques jours plus tard, le Pentagone a évoqué 500 soldats nord-coréens à Koursk.");
    expect(a.map((c) => c.date_precision)).toEqual(["day", "published"]);
  });
});

describe("head counts given as figures", () => {
  it("'Le chiffre de N, avancé par X [date]' is a deployment figure of X on that date", () => {
    const out = run("Des soldats nord-coréens sont en Russie. Le chiffre de 7 000, avancé par le Pentagone début mars, est repris partout.");
    expect(out.map((c) => [c.measure, c.count, c.claimant_org, c.statement_date, c.date_precision])).toEqual([
      ["deployed", 7000, "US Department of Defense", "2025-03-01", "month"],
    ]);
  });
  it("'ce qui porterait le total à N' after a speaker's figure, with the subject before a relative clause", () => {
    const out = run("Des soldats nord-coréens sont en Russie. Washington, dont les services multiplient les « fuites », avance le chiffre de 800 hommes supplémentaires, ce qui porterait le total à 2 800.");
    expect(out.map((c) => [c.measure, c.count, c.claimant_org])).toEqual([
      ["deployed", 800, "US Government (other)"],
      ["deployed", 2800, "US Government (other)"],
    ]);
  });
  it("a figure with no speaker is no claim", () => {
    expect(run("Des soldats nord-coréens sont en Russie. Le chiffre de 7 000 est repris partout.")).toEqual([]);
  });
});

describe("pronoun speakers and breakdowns", () => {
  it("'a-t-il déclaré' after a sentence whose subject is a person: that person, on that sentence's day", () => {
    const text = "Selon le Pentagone, 3 000 soldats nord-coréens sont en Russie. Mardi à Moscou, Vladimir Poutine a reçu Kim Jong-un. « Vos soldats ont combattu avec courage », a-t-il déclaré.";
    const out = run(text).filter((c) => c.measure === "combat");
    expect(out.map((c) => [c.claimant, c.statement_date, c.date_precision])).toEqual([["Vladimir Putin", "2025-03-11", "day"]]);
  });
  it("numbers in a dashed breakdown take the measure of the total", () => {
    const out = rows("Selon Séoul, Pyongyang va envoyer 3 000 soldats nord-coréens – 1 000 sapeurs et 2 000 artilleurs – en Russie.");
    expect(out.map((r) => [r[0], r[1]])).toEqual([["planned", 3000], ["planned", 1000], ["planned", 2000]]);
  });
});

describe("nominal casualties and futures in the past", () => {
  it("'la capture de N soldats, blessés,' is captured and wounded", () => {
    const out = rows("Des soldats nord-coréens sont à Koursk. Kiev a annoncé la capture de trois soldats, blessés, près de Soudja.");
    expect(out).toContainEqual(["captured", 3, "exact", "Ukraine Government (other)", "asserted"]);
    expect(out).toContainEqual(["wounded", 3, "exact", "Ukraine Government (other)", "asserted"]);
  });
  it("'a annoncé que X enverrait N' is an asserted plan", () => {
    expect(rows("Le Kremlin a annoncé lundi que la Corée du Nord enverrait 2 000 sapeurs en Russie.")).toEqual([["planned", 2000, "exact", "Kremlin", "asserted"]]);
  });
  it("a bare conditional of a move is still a hedged deployment", () => {
    expect(rows("Selon Kiev, Pyongyang enverrait 2 000 soldats nord-coréens en Russie.")).toEqual([["deployed", 2000, "exact", "Ukraine Government (other)", "hedged"]]);
  });
});

describe("parts of a number, events and colons", () => {
  it("', pour la plupart stationnés à X,' is a numberless claim at X; the number keeps its own place", () => {
    const out = run("Selon le Pentagone, 8 000 soldats nord-coréens, pour la plupart stationnés dans la région de Koursk, sont arrivés en Russie.");
    expect(out.map((c) => [c.measure, c.count, c.location])).toEqual([
      ["deployed", 8000, "Russia"],
      ["deployed", null, "Kursk Oblast"],
    ]);
  });
  it("'on affirme que l'envoi a commencé' is a deployment claim of that speaker", () => {
    expect(rows("Les soldats nord-coréens sont attendus. Du côté de Kiev, on assure que le déploiement a déjà commencé.")).toEqual([
      ["deployed", null, null, "Ukraine Government (other)", "asserted"],
    ]);
  });
  it("a clause after a colon speaks of the troops named before it", () => {
    const out = rows("Des soldats nord-coréens mal équipés : selon le HUR, des compagnies entières ont été décimées.");
    expect(out).toEqual([["killed_or_wounded", null, null, "Ukraine Defence Intelligence (HUR)", "asserted"]]);
  });
});

describe("restating a figure", () => {
  it("'le nombre de soldats tués dépasse N' counts the troops", () => {
    expect(findNumbers("le nombre de soldats nord-coréens tués dépasse déjà 2 000")[0]).toMatchObject({ count: 2000, qualifier: "at_least", subject: "personnel" });
    expect(findNumbers("le prix dépasse déjà 2 000")[0]).toMatchObject({ subject: "none" });
  });
  it("the same figure said for a country and for one of its regions is one record, at the region", () => {
    const text = "Selon Kiev, 1 500 soldats nord-coréens ont été blessés en Russie. « Plus précisément, 1 500 soldats nord-coréens ont été blessés dans la région de Koursk », a ajouté Kiev.";
    expect(run(text).map((c) => [c.measure, c.count, c.location])).toEqual([["wounded", 1500, "Kursk Oblast"]]);
  });
});

describe("unattributed leads", () => {
  it("an unattributed lead with the body's figure merges into the attributed body record", () => {
    const text = "Quelque 4 000 soldats nord-coréens sont désormais à Koursk.\n\nSelon le Pentagone, environ 4 000 soldats nord-coréens sont arrivés dans la région de Koursk.";
    expect(run(text).map((c) => [c.count, c.claimant_org])).toEqual([[4000, "US Department of Defense"]]);
  });
  it("an unattributed lead with another figure stays its own record", () => {
    const text = "Quelque 6 000 soldats nord-coréens sont désormais à Koursk.\n\nSelon le Pentagone, environ 4 000 soldats nord-coréens sont arrivés dans la région de Koursk.";
    expect(run(text).map((c) => [c.count, c.claimant_org])).toEqual([[6000, "Unattributed"], [4000, "US Department of Defense"]]);
  });
});

describe("roles with names and unnamed Western sources", () => {
  it("'Washington affirme ..., à en croire le porte-parole de la Maison-Blanche, John Kirby' is Kirby", () => {
    const out = run("Washington affirme que 2 000 soldats nord-coréens sont en Russie, à en croire le porte-parole de la Maison-Blanche, John Kirby.");
    expect(out.map((c) => [c.count, c.claimant_org, c.claimant])).toEqual([[2000, "White House", "John Kirby"]]);
  });
  it("'Selon les estimations occidentales' is Western intelligence, a valid record (INT)", () => {
    const out = run("Selon les estimations occidentales, la Corée du Nord a envoyé 9 000 soldats en Russie.");
    expect(out.map((c) => [c.claimant_org, c.claimant_country])).toEqual([["Western intelligence (unnamed)", "INT"]]);
  });
});
