import { describe, expect, it } from "vitest";
import { findNumbers, parseNumber } from "../pipeline/extract/numbers.js";

const counted = (s: string) => findNumbers(s).filter((n) => n.subject === "nk" || n.subject === "personnel");

describe("parseNumber", () => {
  it.each([
    ["2 600", 2600], ["10.000", 10000], ["11 000", 11000], ["1,500", 1500], ["12\u00a0000", 12000], ["3\u202f000", 3000],
    ["deux mille", 2000], ["trois cents", 300], ["quatre-vingt-dix", 90], ["dix mille", 10000], ["1,5 million", 1500000], ["mille", 1000],
  ])("%s -> %d", (s, n) => expect(parseNumber(s)).toBe(n));
});

describe("findNumbers: qualifiers and bounds", () => {
  it.each([
    ["environ 12 000 soldats nord-coréens", "approx", 12000, null, null, "environ 12 000"],
    ["quelque 11.000 soldats nord-coréens", "approx", 11000, null, null, "quelque 11.000"],
    ["près de 6 000 hommes", "up_to", 6000, null, 6000, "près de 6 000"],
    ["jusqu'à 15 000 militaires nord-coréens", "up_to", 15000, null, 15000, "jusqu'à 15 000"],
    ["plus de 10.000 soldats nord-coréens", "at_least", 10000, 10000, null, "plus de 10.000"],
    ["au moins 3 000 soldats", "at_least", 3000, 3000, null, "au moins 3 000"],
    ["de 10 000 à 12 000 soldats nord-coréens", "range", 10000, 10000, 12000, "de 10 000 à 12 000"],
    ["entre 10 000 et 12 000 soldats", "range", 10000, 10000, 12000, "entre 10 000 et 12 000"],
    ["une dizaine de milliers de soldats", "approx", 10000, null, null, "une dizaine de milliers"],
    ["un millier de soldats nord-coréens", "approx", 1000, null, null, "un millier"],
    ["des milliers de soldats", "vague", null, null, null, "des milliers"],
    ["plusieurs centaines de militaires nord-coréens", "vague", null, null, null, "plusieurs centaines"],
    ["deux mille soldats nord-coréens", "exact", 2000, 2000, 2000, "deux mille"],
    ["un soldat nord-coréen", "exact", 1, 1, 1, "un soldat".slice(0, 2)],
    ["qu'environ 8 000 soldats", "approx", 8000, null, null, "environ 8 000"],
  ])("%s", (s, q, count, low, high, text) => {
    const [n] = counted(s);
    expect(n).toBeDefined();
    expect(n).toMatchObject({ qualifier: q, count, low, high, text });
  });
});

describe("findNumbers: what is counted", () => {
  it("keeps personnel and numbers named by their container", () => {
    expect(counted("un premier contingent de 1 500 soldats").map((n) => n.count)).toEqual([1500]);
    expect(counted("un premier groupe de 2 600 soldats, sur les 11 000 prévus").map((n) => n.count)).toEqual([2600, 11000]);
  });
  it.each([
    "Plus de 600 000 soldats russes ont été tués ou blessés",
    "un paquet d'aide de 400 millions de dollars",
    "le 1er novembre 2024",
    "les représentants des 32 pays de l'OTAN",
    "17 % de la capacité de raffinage",
    "un homme de 45 ans",
    "deux brigades nord-coréennes",
    "des millions de munitions",
    "du 8 au 13 octobre",
    "une annonce qui corrobore",
    "3 000 soldats ukrainiens",
  ])("rejects %s", (s) => expect(counted(s)).toEqual([]));
});

describe("findNumbers: constructions that name what is counted", () => {
  it.each([
    // a quoted figure: the quotation marks sit between the number and its noun
    ["le ministre a parlé de « plus de 2 000 » militaires nord-coréens", 2000, "at_least", "nk"],
    ["une note évoque «\u00a0environ 7\u00a0500\u00a0» soldats", 7500, "approx", "personnel"],
    // "estimer / porter à X le nombre de ..."
    ["la source évalue à trois mille le nombre de soldats nord-coréens présents", 3000, "exact", "nk"],
    ["ce qui porte à près de 9 000 le nombre total de militaires nord-coréens", 9000, "up_to", "nk"],
    // Belgian and Swiss tens
    ["nonante soldats nord-coréens", 90, "exact", "nk"],
  ])("%s", (s, count, q, subject) => {
    const [n] = findNumbers(s).filter((x) => x.count !== null || x.qualifier === "vague");
    expect(n).toMatchObject({ count, qualifier: q, subject });
  });
  it("a part of the number just given, after dont, counts the same people", () => {
    const ns = findNumbers("quelque 9 000 soldats nord-coréens sont arrivés, dont près de 2 000 auraient déjà combattu");
    expect(ns.map((n) => [n.count, n.subject])).toEqual([[9000, "nk"], [2000, "nk"]]);
  });
  it.each([
    ["environ 5 000 d'entre eux ont été redéployés", 5000],
    ["la source fait état de « quelques dizaines » de victimes", null],
    ["il rappelle le bilan de 1 200 tués", 1200],
    ["notre bataillon en a fait prisonniers trois, selon lui", 3],
    ["ma brigade en a capturé un.", 1],
  ])("a referent the context gives: %s", (s, count) => {
    const n = findNumbers(s).find((x) => x.subject === "referent" || x.subject === "personnel");
    expect(n).toBeDefined();
    expect(n!.count).toBe(count);
  });
  it.each([
    "quatre bataillons répartis sur six camps militaires",
    "l'armée ukrainienne a perdu environ 900 soldats en une semaine",
    "la Russie perd chaque jour plus de 1 000 hommes",
    "ils avançaient par vagues de 50 à 80 hommes",
    "une aide de 30 millions de francs",
    "des sanctions visant 40 personnes et entités",
  ])("does not count soldiers in: %s", (s) => {
    expect(findNumbers(s).filter((n) => n.subject === "nk" || n.subject === "personnel")).toEqual([]);
  });
});
