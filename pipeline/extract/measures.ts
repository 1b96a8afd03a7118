// What a clause says about the troops: the measure (deployed, planned, training,
// combat, casualties, captured), and whether it speaks of North Korean personnel.
import type { Measure } from "../generated/types.js";
import { WordStartPattern } from "./tokens.js";

export interface Trigger {
  /** Offsets in the sentence text. */
  start: number;
  end: number;
  measure: Measure;
  /** A bare past participle (no auxiliary before it): it takes the fact for granted. */
  bare: boolean;
  /** A deploy noun ("renfort", "déploiement"), which a modal anywhere in its clause makes planned; or a planned move named by a noun. */
  noun?: boolean;
  /** An infinitive ("s'entraîner", "former"): after a deploy verb, the purpose of the move. */
  infinitive?: boolean;
  /** "à l'assaut": after a deploy verb, where the troops are sent, not a purpose. */
  into?: boolean;
}

const L = "\\p{L}*";
const TROOP_NOUN = "(?:davantage\\s+de\\s+|de\\s+nouveaux\\s+|des\\s+|les\\s+)?(?:soldats|troupes|militaires|Nord-Coréens|hommes|combattants|forces|unités|renforts|contingents)";
const MOVE_VERB = "(?:envoy|déploy|dépêch|transf|fourni|achemin|utilis|engag|redéploy|arriv|rejoi)";
const E = "(?![\\p{L}\\p{N}])";

// Order matters: the first alternative that matches at a position wins.
const TRIGGERS: [Measure | "planned-mod", string][] = [
  // "a perdu une vingtaine d'hommes": losing men is killed or wounded ("perdu la vie" is killed, below).
  ["killed_or_wounded", `(?:tu[ée]e?s?|morts?)\\s+(?:ou|et)\\s+bless[ée]e?s?|décim(?:é|és|ée|ées)|pertes|hors\\s+de\\s+combat|victimes|perd(?:u|us|ue|ues|ait|aient|ent|rait|raient)(?!\\s+la\\s+vie)`],
  ["captured", `captur${L}|faits?\\s+prisonniers?|prisonniers?|captifs?`],
  ["killed", `tu[ée]e?s?|morts?|mortes|décéd${L}|péri|perdu\\s+la\\s+vie|élimin[ée]e?s?|abattus|suicid${L}|(?=fait\\s)(?<=(?:se|s['’])\\s*(?:\\p{L}+\\s+){0,2})fait\\s+exploser`],
  ["wounded", `bless[ée]e?s?`],
  [
    "combat",
    // "envoyés à l'assaut": sent into an assault is combat, not the purpose of a move (see clauseMeasure).
    `à\\s+l['’]assaut|sur\\s+la\\s+ligne\\s+de\\s+front|combat(?:s|tre|tent|tant|taient|tait|tu|tus|traient|trait|tront)?|se\\s+batt${L}|(?:se|s['’])\\s*(?:sont|est|seraient|serait|étaient|était)\\s+(?:\\p{L}+ment\\s+)?battu(?:e|s|es)?|particip${L}\\s+à\\s+la\\s+(?:[«"]\\s*)?(?:libération|reconquête|contre-offensive)|engag[ée]e?s?\\s+dans\\s+(?:ce|cette|le|la)\\s+(?:secteur|direction|zone\\s+de\\s+combat)|engag[ée]e?s?\\s+(?:«\\s*|"\\s*)?dans\\s+(?:des\\s+|les\\s+)?(?:opérations|combats|hostilités|affrontements|bataille)|engag${L}(?=\\s+(?:[\\p{L}'’-]+\\s+){0,3}?dans\\s+(?:la|les|des|une)\\s+(?:bataille|combats|assauts|offensive|opérations))|affrontements?|hostilités|au\\s+front|en\\s+première\\s+ligne|assaut${L}|attaqu(?:é|ent|aient|ait|er|eront)|chair\\s+à\\s+canon` +
      // "utilise les Nord-Coréens", "(va) les utiliser": using troops is sending them into battle.
      `|utilis${L}(?=\\s+(?:les|des|ces|leurs?|ses)\\s+${TROOP_NOUN})|(?=utilis)(?<=(?:^|\\s)(?:les|en)\\s)utilis${L}`,
  ],
  ["training", `entra[îi]n${L}|s['’]entra[îi]n${L}|form(?:é|és|ée|ées|er|ait|aient|erait|eraient|ant)(?!\\s+(?:de|d['’]|par))|formation|instruits|instruction\\s+militaire|exercices`],
  [
    "planned",
    `prévu(?:e|s|es)?|attendu(?:e|s|es)?|promis` +
      // future tense of a movement verb: "enverra", "seront" is below (a modifier)
      `|enverr(?:a|ont)|` +
      // future in the past after an announcement: "Moscou a annoncé que Pyongyang enverrait 6 000 hommes"
      `(?=enverrai|déploierai|dépêcherai|fournirai)(?<=(?:annonc|promi|décid|accept|convenu)\\p{L}*\\s+(?:[^.;«»]{0,40}?\\s)?qu(?:e\\s+|['’])[^.;«»]{0,60}?)(?:enverrai(?:t|ent)|déploierai(?:t|ent)|dépêcherai(?:t|ent)|fournirai(?:t|ent))|(?:re)?déploier(?:a|ont)|dépêcher(?:a|ont)|arriver(?:a|ont)|rejoindr(?:a|ont)|reviendr(?:a|ont)|retourner(?:a|ont)` +
      // a follow-up announced: "un renfort devrait suivre"
      `|(?:devr(?:ait|aient|a|ont)|doi(?:t|vent))\\s+(?:bientôt\\s+|prochainement\\s+|encore\\s+)?suivre` +
      // a planned movement as a noun: "un transfert vers le front prévu courant novembre"
      `|(?:transfert|envoi|redéploiement|déploiement|arrivée)\\s+(?:[\\p{L}'’]+\\s+){0,6}?(?:prévue?s?|attendue?s?|programmée?s?|annoncée?s?\\s+pour)|(?:envoi|déploiement)\\s+annoncé(?=\\s+(?:[\\p{L}'’-]+\\s+){0,6}?(?:par\\s|de\\s+\\d))`,
  ],
  [
    "planned-mod",
    `prévoi(?:t|ent|ait|aient|rait|raient)|doi(?:t|vent)\\s+(?:encore\\s+)?être|devr(?:ait|aient|a|ont)|ser(?:a|ont)(?=\\s+(?:bientôt\\s+|prochainement\\s+)?(?:envoy|déploy|dépêch|transf|engag|achemin|redéploy))` +
      // near future and intention: "va les envoyer", "allait les utiliser", "a l'intention de les utiliser"
      `|(?:v(?:a|ont)|all(?:ait|aient))(?=\\s+(?:les\\s+|en\\s+|leur\\s+)?${MOVE_VERB})|intention(?=\\s+d(?:e\\s+|['’])(?:les\\s+|en\\s+)?${MOVE_VERB})` +
      `|s['’]apprêt${L}|risque\\s*[»”"]?\\s+de\\s+voir(?=\\s+(?:\\p{L}+\\s+){0,3}?${MOVE_VERB})|(?=prépar)(?<=(?:se|s['’])\\s*)prépar(?:e|ent|ait|aient|erait|eraient)(?=\\s+à\\s+(?:les\\s+|en\\s+)?${MOVE_VERB})|envisag${L}|projett?${L}(?=\\s+d)|compt(?:e|ent|ait|aient)(?=\\s+(?:les\\s+)?(?:envoy|déploy))` +
      // agreement to send: "a accepté d'envoyer"; a possibility judged for what follows: "n'exclut pas que ... soient
      // envoyés", "juge « probable » que Pyongyang envoie" (a subjunctive of the future)
      `|accept${L}(?=\\s+d(?:e\\s+|['’])(?:les\\s+|en\\s+)?${MOVE_VERB})|exclu(?:t|ent|ait|aient)?(?=\\s+pas)|(?:probable|possible|vraisemblable)(?=\\s*»?\\s*(?:que|qu['’]))` +
      // "pourrait être engagés", "pourrait envoyer": a possible future movement
      `|pourrai(?:t|ent)(?=\\s+(?:bientôt\\s+|prochainement\\s+|encore\\s+|à\\s+terme\\s+|aussi\\s+|également\\s+)?(?:être|(?:en\\s+|les\\s+)?${MOVE_VERB}))|à\\s+venir|d['’]ici\\s+(?:la\\s+fin|décembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|l['’]année)`,
  ],
  [
    "deployed",
    `envoy${L}|envoi(?:e|ent)?|enverr${L}|expédi(?:e|ent|é|és|ée|ées|er|ait|aient)|(?:re)?déploy${L}|(?:re)?déploi${L}|fourni(?:r|t|s|ssent|ssait|ssaient|rait|raient)?(?=\\s+${TROOP_NOUN})|rejoi(?:nt|gnent|ndre|gnait|gnaient)\\s+(?:le\\s+front|les\\s+(?:premières\\s+)?lignes)|stationn${L}|(?=revenu)(?<=(?:sont|seraient|étaient|serait|est)\\s+)revenu(?:e|s|es)?|arriv(?:é|ée|és|ées|er|ait|aient|e|ent|erai\\p{L}*|ant|ent|era|eront)|se\\s+trouv${L}|évolu(?:ent|erai\\p{L}*|aient|ait)|transf[ée]r${L}|transport(?:é|ée|és|ées|er|ait|aient)|install(?:é|ée|és|ées)|positionn${L}|bas[ée]e?s|cantonn${L}|dépêch${L}|achemin${L}|présent(?:s|es)|présence|sur\\s+le\\s+sol|renfor${L}|mobilis(?:é|és|ées)|(?:sont|seraient|étaient|serait|est)\\s+(?:déjà\\s+|actuellement\\s+)?(?:en|au|dans)(?=\\s+(?:Russie|Ukraine|région))`,
  ],
];

// One capture group per measure, in TRIGGERS order. Matches start a word with one of the
// first letters of the alternatives (WordStartPattern, in place of a leading (?=[...])(?<![\p{L}\p{N}])).
export const TRIGGER_RE = new WordStartPattern(`(?:${TRIGGERS.map(([, p]) => `(${p})`).join("|")})${E}`, "iu", "tmdpvhcfbeaiéfrsgàlu");
const AUX_BEFORE_RE =
  /(?:^|[\s'’])(?:a|ont|avait|avaient|aurait|auraient|ayant|avoir|été|être|sont|est|étaient|était|seraient|serait|sera|seront|soient|soit|fut|furent|sont\s+déjà|ont\s+déjà|été\s+déjà|se|s)\s+(?:(?:déjà|bien|désormais|actuellement|effectivement|encore|toujours|ensuite|également|aussi|bientôt|prochainement|à\s+terme)\s+)?$/iu;
const BARE_PARTICIPLE_RE = /(?:é|ée|és|ées|us|ues|is|ises)$/iu;
// A noun trigger after a demonstrative or possessive refers back to what is known ("ces pertes",
// "depuis leur déploiement", "leur présence"): it takes the fact for granted, like a bare participle.
const NOUN_TRIGGER_RE = /^(?:pertes|victimes|présence|(?:re)?déploiement|envoi|arrivée|capture|combats|affrontements|hostilités|formation|renforts?)$/iu;
const ANAPHORIC_DET_BEFORE_RE = /(?:^|[\s'’])(?:ces|cette|cet|ce|leurs?|ses|sa|son)\s+(?:\p{L}+\s+)?$|(?:^|\s)(?:après|malgré|vu|à\s+cause|en\s+raison)\s+(?:d['’]|de\s+|des\s+|les\s+|la\s+)?(?:\p{L}+\s+)?$/iu;
/** Deploy nouns: a planned modifier anywhere in the clause makes them planned ("un renfort devrait suivre"). */
const DEPLOY_NOUN_RE = /^(?:renforts?|(?:re)?déploiement|envoi|arrivée)$/iu;
/** "un transfert vers le front prévu en novembre": a planned move named by a noun. */
const PLANNED_NOUN_RE = /^(?:transfert|envoi|redéploiement|déploiement|arrivée)\s/iu;

export function findTriggers(s: string): (Trigger | { start: number; end: number; measure: "planned-mod"; bare: false })[] {
  const out: (Trigger | { start: number; end: number; measure: "planned-mod"; bare: false })[] = [];
  TRIGGER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TRIGGER_RE.exec(s)) !== null) {
    if (m[0].length === 0) {
      TRIGGER_RE.lastIndex++;
      continue;
    }
    let gi = 1;
    while (gi <= TRIGGERS.length && m[gi] === undefined) gi++;
    const measure = (TRIGGERS[gi - 1]?.[0] ?? "deployed") as Measure | "planned-mod";
    const word = m[0];
    const left = s.slice(Math.max(0, m.index - 40), m.index);
    const bare =
      measure !== "planned-mod" &&
      !/\s/.test(word) &&
      ((BARE_PARTICIPLE_RE.test(word) && !AUX_BEFORE_RE.test(left)) || (NOUN_TRIGGER_RE.test(word) && ANAPHORIC_DET_BEFORE_RE.test(left)));
    if (measure === "planned-mod") out.push({ start: m.index, end: m.index + word.length, measure, bare: false });
    else out.push({ start: m.index, end: m.index + word.length, measure, bare, noun: (measure === "deployed" && DEPLOY_NOUN_RE.test(word)) || (measure === "planned" && PLANNED_NOUN_RE.test(word)), infinitive: /(?:er|ir|re)$/iu.test(word), into: /^à\s/u.test(word) });
  }
  return out;
}

const PRIORITY: Measure[] = ["captured", "killed_or_wounded", "killed", "wounded", "combat", "training", "planned", "deployed"];

/**
 * The measure of a clause from its triggers (those in [from, to)), or null.
 * A deploy verb after a "planned" modifier ("prévoit de déployer", "devraient
 * arriver") is `planned`; a combat infinitive after a deploy verb ("envoyer des
 * troupes combattre") is a purpose, not a claim of combat.
 */
export function clauseMeasure(
  triggers: readonly { start: number; end: number; measure: Measure | "planned-mod"; bare: boolean; noun?: boolean; infinitive?: boolean; into?: boolean }[],
  from: number,
  to: number,
  opts: { allowBare: boolean; skip?: ReadonlySet<number> },
): Measure | null {
  let plannedMod = false;
  let modAnywhere = false;
  let deployAt = -1;
  const found = new Set<Measure>();
  for (const t of triggers) {
    if (t.start >= from && t.end <= to && t.measure === "planned-mod" && !opts.skip?.has(t.start)) modAnywhere = true;
  }
  for (const t of triggers) {
    if (t.start < from || t.end > to) continue;
    if (opts.skip?.has(t.start)) continue;
    if (t.measure === "planned-mod") {
      plannedMod = true;
      continue;
    }
    if (t.measure === "planned") plannedMod = true;
    if (t.measure === "deployed" && deployAt < 0) deployAt = t.start;
    if (t.bare && !opts.allowBare) continue;
    if (t.measure === "deployed") {
      const noun = modAnywhere && t.noun === true;
      found.add(plannedMod || noun ? "planned" : "deployed");
      continue;
    }
    // "envoyer des troupes combattre", "envoyés s'entraîner": the purpose of the move, not a claim.
    if (((t.measure === "combat" && !t.into) || (t.measure === "training" && t.infinitive)) && deployAt >= 0 && deployAt < t.start) continue;
    // "pourraient être engagés dans les combats", "va les utiliser": a future engagement is planned.
    if (t.measure === "combat" && plannedMod) {
      found.add("planned");
      continue;
    }
    found.add(t.measure);
  }
  for (const p of PRIORITY) if (found.has(p)) return p;
  return null;
}

// --- North Korean personnel -----------------------------------------------------

// Matches start a word with one of the first letters of the alternatives (see WordStartPattern).
export const PERSONNEL_RE = new WordStartPattern(
  String.raw`(?:troupes|soldats?|militaires|forces(?:\s+spéciales)?|unités|officiers|contingents?|renforts|combattants|hommes|Nord-Coréens|recrues|effectifs|bataillons|brigades|mercenaires|démineurs|sapeurs|sergents?|camarades(?=\s*[»”"]?\s*(?:nord-)?coréens)|(?:constructeurs|ingénieurs|conseillers|instructeurs)\s+militaires|soldiers|troops|(?=éléments)(?<=(?:premiers|nouveaux|derniers)\s)éléments|pertes(?=\s+nord[-\s]?coréennes))(?![\p{L}\p{N}])`,
  "iu",
  "tsmfuocrhnebdipé",
);
const NK_RE = /nord[-\s]?cor[ée]en|cor[ée]e\s+du\s+nord|pyongyang|north\s+korea/iu;
const NK_AFTER_RE = /^\s*(?:d['’]élite\s+)?(?:nord[-\s]?coréen(?:ne)?s?|de\s+(?:la\s+)?Corée\s+du\s+Nord|de\s+Pyongyang|du\s+Nord|de\s+Kim\s+Jong)/iu;
const OTHER_AFTER_RE =
  /^\s*(?:russes?|ukrainien(?:ne)?s?|américain(?:e)?s?|sud-coréen(?:ne)?s?|occidentaux|britanniques?|français(?:es)?|chinois|iranien(?:ne)?s?|biélorusses?|tchétchènes?|armées\s+ukrainiennes|armées\s+russes|de\s+l['’]OTAN|du\s+Kremlin|de\s+Kiev|de\s+Kyiv|de\s+Moscou|de\s+Poutine|de\s+l['’]armée\s+(?:russe|ukrainienne)|ennemi)/iu;
const CIVIL_AFTER_RE = /^\s*civil/iu;
// A lower-case word that is no determiner or preposition right before "nord-coréens".
const ADJECTIVE_USE_BEFORE_RE = /(?<![\p{L}])(?!(?:les|des|de|aux|ces|leurs|plusieurs|nombreux|quelques|certains|par|pour|avec|contre|entre|sur|selon|et|ou|que)\s)\p{Ll}{3,}\s+$/u;

export interface PersonnelMention {
  start: number;
  end: number;
  /** "nk": explicitly North Korean; "plain": no nationality given. */
  nationality: "nk" | "plain";
}

/** Personnel nouns that are North Korean or unqualified (foreign ones are dropped). */
export function findPersonnel(s: string): PersonnelMention[] {
  const out: PersonnelMention[] = [];
  PERSONNEL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PERSONNEL_RE.exec(s)) !== null) {
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 50);
    if (OTHER_AFTER_RE.test(after) || CIVIL_AFTER_RE.test(after)) continue;
    // "les obus nord-coréens": after a noun, "nord-coréens" is an adjective, not the troops.
    if (/^nord/iu.test(m[0]) && ADJECTIVE_USE_BEFORE_RE.test(s.slice(Math.max(0, m.index - 30), m.index))) continue;
    const nk = /nord-cor/iu.test(m[0]) || NK_AFTER_RE.test(after) || /^camarades/iu.test(m[0]);
    out.push({ start: m.index, end: m.index + m[0].length, nationality: nk ? "nk" : "plain" });
  }
  return out;
}

export function mentionsNorthKorea(s: string): boolean {
  return NK_RE.test(s);
}
