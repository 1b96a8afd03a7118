// Measures of a clause (triggers + clauseMeasure) on sentences written for these tests.
import { describe, expect, it } from "vitest";
import { clauseMeasure, findPersonnel, findTriggers } from "../pipeline/extract/measures.js";

const measure = (s: string, allowBare = false) => clauseMeasure(findTriggers(s), 0, s.length, { allowBare });

describe("future movement is planned", () => {
  it.each([
    ["Moscou pourrait envoyer de nouvelles troupes nord-coréennes au printemps"],
    ["les renforts nord-coréens seront transférés vers le front sud"],
    ["des militaires nord-coréens seront bientôt déployés près de Belgorod"],
    ["le commandement allait les engager dans la bataille"],
    ["Pyongyang a l'intention de les dépêcher dans le Donbass"],
    ["un second contingent devrait suivre avant l'été"],
    ["un nouveau renfort pourrait arriver, selon lui"],
    ["des brigades nord-coréennes s'apprêtent à fournir davantage de soldats"],
    ["la Corée du Nord enverra 2 000 hommes de plus"],
    ["avant un redéploiement vers le sud annoncé pour décembre"],
    ["ils pourraient être engagés dans les combats dès la semaine prochaine"],
  ])("%s", (s) => expect(measure(s)).toBe("planned"));
});

describe("other measures", () => {
  it.each([
    ["les troupes nord-coréennes ont été redéployées près de la frontière", "deployed"],
    ["Pyongyang a fourni des soldats à son allié", "deployed"],
    ["une partie aurait déjà rejoint le front", "deployed"],
    ["l'état-major russe utilise ces soldats comme de la chair à canon", "combat"],
    ["Moscou les utilise pour des assauts frontaux", "combat"],
    // a destination that is a training ground is a claim of training (seed 001)
    ["le transfert de Nord-Coréens vers des camps d'entraînement", "training"],
  ])("%s -> %s", (s, m) => expect(measure(s)).toBe(m));
  it("an infinitive after a deploy verb is its purpose", () => {
    expect(measure("des soldats envoyés se former dans l'Extrême-Orient", true)).toBe("deployed");
    expect(measure("des soldats ont été envoyés combattre", true)).toBe("deployed");
  });
  it("a nominal trigger after a demonstrative or possessive refers back: no claim of its own", () => {
    expect(measure("selon elle, ces pertes tiennent au manque d'expérience")).toBeNull();
    expect(measure("des hommes décorés depuis leur déploiement")).toBeNull();
    expect(measure("des pertes importantes ont été subies")).toBe("killed_or_wounded");
  });
  it("a compound infinitive is not a bare participle", () => {
    expect(measure("le régime nie avoir envoyé des soldats")).toBe("deployed");
  });
});

describe("personnel", () => {
  it("first elements and North Korean losses are personnel", () => {
    expect(findPersonnel("de premiers éléments seraient arrivés").length).toBe(1);
    expect(findPersonnel("les pertes nord-coréennes seraient lourdes")).toMatchObject([{ nationality: "nk" }]);
    expect(findPersonnel("des éléments de preuve")).toEqual([]);
  });
});
