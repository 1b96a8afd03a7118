// Number expressions ("plus de 10.000", "une dizaine de milliers", "de 10 000 à
// 12 000", "deux mille") with their qualifier and bounds, and whether they count
// North Korean personnel.
import type { CountQualifier } from "../generated/types.js";
import { WordStartPattern } from "./tokens.js";

export interface NumberExpr {
  /** Offsets in the sentence text: the whole expression with its qualifier. */
  start: number;
  end: number;
  /** count_text: the expression verbatim. */
  text: string;
  count: number | null;
  low: number | null;
  high: number | null;
  qualifier: CountQualifier;
  /**
   * What the number counts: North Korean personnel, personnel of no stated nationality, a referent
   * the context gives ("8 000 d'entre eux", "300 victimes"), other people or things, or nothing known.
   */
  subject: "nk" | "personnel" | "referent" | "other" | "none";
  /** End of the counted noun phrase (where a participle like "prévus" would follow). */
  nounEnd: number;
}

const W =
  "(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|septante|octante|huitante|nonante|cents?|mille|millions?)";
const WORDS = `${W}(?:(?:[\\s-]+et)?[\\s-]+${W})*`;
const DIG = "\\d{1,3}(?:[ \\u00A0\\u202F.,’'](?=\\d{3}(?!\\d))\\d{3})+(?!\\d)|\\d+(?:,\\d+)?";
const NUM = `(?:(?:${DIG})(?:\\s+(?:millions?|mille))?|${WORDS})`;
// "plusieurs centaines", "des dizaines de milliers"; "ces prétendus milliers (de soldats)".
const VAGUE =
  "(?:(?:des|plusieurs|quelques|de\\s+nombreux|de\\s+nombreuses|quelque)\\s+(?:dizaines|centaines|milliers)(?:\\s+de\\s+(?:milliers|centaines))?|(?=dizaines|centaines|milliers)(?<=(?:ces|les|des)\\s+(?:prétendu|supposé|soi-disant)e?s\\s+)(?:dizaines|centaines|milliers))";
const APPROX_NOUN =
  "(?:une?|quelque)\\s+(?:bonne\\s+|petite\\s+)?(?:dizaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaine|millier)(?:\\s+de\\s+(?:milliers|centaines))?";
const QUAL =
  "(?:pas\\s+loin\\s+d(?:e\\s+|['’])|environ\\s+|quelque\\s+|approximativement\\s+|autour\\s+d(?:e\\s+|['’])|près\\s+d(?:e\\s+|['’])|presque\\s+|pratiquement\\s+|(?:bien\\s+|un\\s+peu\\s+|largement\\s+)?plus\\s+d(?:e\\s+|['’])|au\\s+moins\\s+|au\\s+minimum\\s+|pas\\s+moins\\s+d(?:e\\s+|['’])|(?:un\\s+peu\\s+)?moins\\s+d(?:e\\s+|['’])|pas\\s+plus\\s+d(?:e\\s+|['’])|jusqu['’]à\\s+|d(?:e\\s+|['’]))";
const E = "(?![\\p{L}\\p{N}])";

// Groups: 1 entre-A, 2 entre-B, 3 qualifier, 4 vague, 5 approx noun, 6 number, 7 range end.
// Matches start a word (WordStartPattern, in place of a leading (?<![\p{L}\p{N}])): every alternative begins with a letter or a digit.
export const NUMBER_RE = new WordStartPattern(
  `(?:entre\\s+(${NUM})\\s+et\\s+(${NUM})|(${QUAL})?(?:(${VAGUE})|(${APPROX_NOUN})|(${NUM})(?:\\s*(?:à|-|–)\\s*(${NUM}))?))${E}`,
  "iu",
  String.raw`\p{L}\p{N}`,
);

const WORD_VALUES: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10,
  onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20,
  trente: 30, quarante: 40, cinquante: 50, soixante: 60,
  // Belgian and Swiss French
  septante: 70, octante: 80, huitante: 80, nonante: 90,
};
const APPROX_VALUES: Record<string, number> = {
  dizaine: 10, vingtaine: 20, trentaine: 30, quarantaine: 40, cinquantaine: 50, soixantaine: 60, centaine: 100, millier: 1000,
};

/** Value of a number in digits or French words; null if it is not a whole number. */
export function parseNumber(s: string): number | null {
  const t = s.trim().toLowerCase();
  const dm = /^(\d[\d \u00A0\u202F.,’']*)(?:\s+(millions?|mille))?$/u.exec(t);
  if (dm) {
    const digits = dm[1]!.trim();
    let value: number;
    if (/^\d+,\d+$/.test(digits) && !/^\d{1,3},\d{3}$/.test(digits)) value = Number(digits.replace(",", "."));
    else value = Number(digits.replace(/[^\d]/g, ""));
    if (dm[2]) value *= dm[2].startsWith("million") ? 1_000_000 : 1000;
    return Number.isFinite(value) && Number.isInteger(value) && value <= 2147483647 ? value : null;
  }
  let total = 0;
  let current = 0;
  for (const w of t.split(/[\s-]+/)) {
    if (w === "et" || w === "") continue;
    if (w === "cent" || w === "cents") current = (current || 1) * 100;
    else if (w === "mille") {
      total += (current || 1) * 1000;
      current = 0;
    } else if (w === "million" || w === "millions") {
      total += (current || 1) * 1_000_000;
      current = 0;
    } else if ((w === "vingt" || w === "vingts") && current === 4) current = 80;
    else if (WORD_VALUES[w] !== undefined) current += WORD_VALUES[w]!;
    else return null;
  }
  const v = total + current;
  return v > 0 && v <= 2147483647 ? v : null;
}

function approxNounValue(s: string): number | null {
  const m = /(dizaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaine|millier)s?(?:\s+de\s+(milliers|centaines))?/iu.exec(s);
  if (!m) return null;
  const base = APPROX_VALUES[m[1]!.toLowerCase()] ?? null;
  if (base === null) return null;
  return m[2] ? base * (m[2].toLowerCase() === "milliers" ? 1000 : 100) : base;
}

function qualifierOf(q: string): CountQualifier | null {
  const t = q.toLowerCase().replace(/\s+/g, " ").trim();
  if (/^(environ|quelque|approximativement|autour d)/.test(t)) return "approx";
  if (/^(pas loin d|près d|presque|pratiquement|jusqu|moins d|un peu moins d|pas plus d)/.test(t)) return "up_to";
  if (/(plus d|au moins|au minimum|pas moins d)/.test(t)) return "at_least";
  return null; // "de" alone: no qualifier
}

// --- what the number counts ---------------------------------------------------

// Military trades count soldiers too ("1 000 démineurs", "5 000 constructeurs militaires", "trois généraux").
const PERSONNEL =
  "(?:soldats?|militaires?|hommes|homme|troupes|combattants?|officiers?|généraux|recrues|conscrits|nord-coréens|nord-coréen|membres|personnels?|forces|mercenaires|fantassins|commandos|réservistes|instructeurs|artilleurs|sapeurs|démineurs|bâtisseurs|renforts|sergents?|caporaux|caporal|lieutenants?|\\p{L}+eurs\\s+militaires|servicemen|soldiers|troops)";
const UNIT = "(?:brigades?|bataillons?|unités?|divisions?|régiments?|compagnies|escadrons?|pelotons?)";
// Adjectives that go before the noun ("3 000 nouveaux soldats"). Not any plural word:
// "cinq terrains militaires" counts grounds, with "militaires" as an adjective.
const PRE_ADJ = "(?:nouveaux|nouvelles|autres|premiers|premières|derniers|dernières|jeunes|simples|anciens|véritables|vrais|seuls|différents|nombreux|petits|grands|hauts)";
// A number quoted on its own: "« près de 4 000 » soldats".
const CLOSE_QUOTE = "(?:\\s*[»”\"])?";
const NOUN_AFTER_RE = new RegExp(
  `^${CLOSE_QUOTE}\\s*(?:de\\s+|d['’])?(?:${PRE_ADJ}\\s+)?(${PERSONNEL}|${UNIT})${E}`,
  "iu",
);
// "estime à 2 000 le nombre de soldats", "portant à quelque 12 000 le nombre total de militaires".
const NUMBER_OF_AFTER_RE = new RegExp(
  `^${CLOSE_QUOTE}\\s*(?:le|un)\\s+(?:nombre|total|effectif)\\s+(?:total\\s+)?(?:de\\s+|d['’]|des\\s+)(?:${PRE_ADJ}\\s+)?(${PERSONNEL}|effectifs)${E}`,
  "iu",
);
// Numbers whose referent is given by the context: "8 000 d'entre eux", "« plusieurs centaines » de victimes",
// "le chiffre de 3 800", "(il) en a capturé un".
const OF_THEM_AFTER_RE = /^\s*[»”"]?\s*d['’]entre\s+(?:eux|elles)(?![\p{L}\p{N}])/iu;
const CASUALTY_AFTER_RE = /^\s*[»”"]?\s*(?:de\s+|d['’])?(?:victimes|pertes|morts|tués|blessés|prisonniers|captifs)(?![\p{L}\p{N}])/iu;
// "100 soldats tués et près de 1 000 autres blessés": "autres" stands for the noun of the number before.
const ELLIPTIC_OTHERS_AFTER_RE =
  /^\s*autres(?=(?:\s+(?:ont|sont|auraient|seraient|avaient|étaient|été))*\s+(?:\p{L}+ment\s+)?(?:bless|tu[ée]|mort|captur|fait|envoy|déploy|arriv)|\s*[,.;]|$)/iu;
// "le bilan dépasse les 3 800", "dépassaient probablement les 1 000 hommes": more than N.
const EXCEEDS_BEFORE_RE = /(?:^|\s)(?:dépass|exc[éè]d|franchi)\p{L}*\s+(?:\p{L}+\s+)?(?:les\s+|la\s+barre\s+des\s+)?$/iu;
const NUMBER_OF_SUBJECT_RE = /(?:le|un)\s+(?:nombre|total)\s+(?:de|des|d['’])\s*(?:soldats|militaires|hommes|troupes|victimes|morts|tués|blessés)(?![\p{L}])/iu;
const FIGURE_BEFORE_RE = /(?:le|un|ce)\s+(?:chiffre|bilan)\s+(?:\p{L}+\s+)?(?:de|d['’])\s*$/iu;
const EN_CLITIC_BEFORE_RE = /(?:^|\s)en\s+(?:a|ont|avait|avaient|aurait|auraient|avons|avez|ai)\s+(?:\p{L}+\s+)?(?:\p{L}+(?:é|és|ée|ées|is|u|us|t)|faits?\s+prisonniers?)\s*,?\s*$/iu;
const NO_NOUN_AFTER_RE = /^\s*(?:[,.;:!?)]|$|(?:en|dans|à|au|depuis|lors|pendant|et|ou)(?![\p{L}\p{N}]))/iu;
const CONTAINER_BEFORE_RE = /(?:contingent|groupe|détachement|force|corps|effectif|renforts?|total|nombre|troupes?)s?\s+(?:(?:composée?s?|formée?s?|constituée?s?|estimée?s?|évaluée?s?)\s+)?(?:de|d['’]|à)\s*$/iu;
// "par groupes de 200 à 300 hommes": the size of each group, not a total.
const GROUP_SIZE_BEFORE_RE = /par\s+(?:petits\s+|grands\s+)?(?:groupes|vagues|équipes|escouades|colonnes)\s+(?:de|d['’])\s*$/iu;
// "l'armée russe a perdu 1 250 soldats", "la Russie perd chaque jour 1 200 hommes": someone else's losses.
const OTHER_LOSER_BEFORE_RE =
  /(?:russes?|Russie|ukrainien(?:ne)?s?|Ukraine|Moscou|Kiev|Kyiv)\s+(?:(?:a|ont|aurait|auraient|avait|avaient)\s+)?(?:[\p{L}'’]+\s+){0,2}?perd(?:u|ait|aient|ent|rait|raient)?\s+(?:(?:chaque|par|en)\s+[\p{L}\p{N}]+\s+|(?:au\s+cours|en\s+l['’]espace|lors)\s+d(?:es|u|e)\s+(?:[\p{L}'’]+\s+){0,2}?(?:\d+\s+)?(?:heures|jours|semaines|mois|journée|semaine)\s+)?$/iu;
const MEASURE_PARTICIPLE_AFTER_RE = /^\s*[»”"]?\s*(?:prévu|attendu|envoyé|déployé|tué|blessé|capturé|promis|mobilisé|stationné|présent)e?s?(?![\p{L}\p{N}])/iu;
const NK_AFTER_RE = /^\s*(?:nord[-\s]?coréen(?:ne)?s?|de\s+(?:la\s+)?Corée\s+du\s+Nord|de\s+Pyongyang|du\s+Nord|du\s+régime\s+(?:nord-coréen|de\s+Pyongyang)|des\s+forces\s+spéciales\s+nord-coréennes)(?![\p{L}\p{N}])/iu;
const OTHER_AFTER_RE =
  /^\s*(?:russes?|ukrainien(?:ne)?s?|américain(?:e)?s?|sud-coréen(?:ne)?s?|occidentaux|britanniques?|français(?:es)?|chinois|iranien(?:ne)?s?|biélorusses?|tchétchènes?|de\s+l['’]OTAN|du\s+Kremlin|de\s+Kiev|de\s+Kyiv|de\s+Moscou|de\s+l['’]armée\s+(?:russe|ukrainienne)|ennemis?|civils?|de\s+l['’]ennemi)(?![\p{L}\p{N}])/iu;
const THING_AFTER_RE = /^\s*[»”"]?\s*(?:%|pour\s*cent|dollars|euros|francs|\$|€|ans|années|mois|jours|heures|km|kilomètres|pays|missiles|obus|munitions|tonnes|conteneurs|drones|chars|pièces|personnes|habitants|entités|civils)/iu;

/** What a number counts, from the words around it (`start`/`end`: the expression; `lead`: text before its numeral). */
function subjectOf(s: string, start: number, end: number, lead: string, prev: NumberExpr | undefined): { subject: NumberExpr["subject"]; nounEnd: number } {
  const after = s.slice(end, end + 80);
  const before = s.slice(Math.max(0, start - 100), start);
  const nounM = NOUN_AFTER_RE.exec(after) ?? NUMBER_OF_AFTER_RE.exec(after);
  if (nounM && !/^(?:brigade|bataillon|unit|division|régiment|compagnie|escadron|peloton)/iu.test(nounM[1]!)) {
    const nounEnd = end + nounM.index + nounM[0].length;
    const rest = s.slice(nounEnd, nounEnd + 60);
    if (OTHER_AFTER_RE.test(rest) || GROUP_SIZE_BEFORE_RE.test(lead)) return { subject: "other", nounEnd };
    if (NK_AFTER_RE.test(rest) || /nord-coréen/iu.test(nounM[1]!)) return { subject: "nk", nounEnd };
    if (OTHER_LOSER_BEFORE_RE.test(before)) return { subject: "other", nounEnd };
    return { subject: "personnel", nounEnd };
  }
  if (nounM) return { subject: "other", nounEnd: end }; // a number of units is not a number of soldiers
  // "le nombre de soldats nord-coréens tués ... dépasse déjà 3 000": the subject counts them.
  if (EXCEEDS_BEFORE_RE.test(s.slice(Math.max(0, start - 40), start)) && NUMBER_OF_SUBJECT_RE.test(before)) return { subject: "personnel", nounEnd: end };
  const others = ELLIPTIC_OTHERS_AFTER_RE.exec(after);
  if (others && prev && (prev.subject === "nk" || prev.subject === "personnel")) return { subject: prev.subject, nounEnd: end + others[0].length };
  if (THING_AFTER_RE.test(after)) return { subject: "other", nounEnd: end };
  const ofThem = OF_THEM_AFTER_RE.exec(after);
  if (ofThem) return { subject: "referent", nounEnd: end + ofThem[0].length };
  if (GROUP_SIZE_BEFORE_RE.test(lead)) return { subject: "other", nounEnd: end };
  if (CONTAINER_BEFORE_RE.test(before)) return { subject: "personnel", nounEnd: end };
  if (MEASURE_PARTICIPLE_AFTER_RE.test(after)) return { subject: "personnel", nounEnd: end }; // "sur les 11 000 prévus"
  if (CASUALTY_AFTER_RE.test(after) || FIGURE_BEFORE_RE.test(before)) return { subject: "referent", nounEnd: end };
  // "dont environ 4 700 auraient été tués": a part of the number just given.
  if (prev && /(?:^|\s)dont\s*$/iu.test(before) && (prev.subject === "nk" || prev.subject === "personnel")) return { subject: prev.subject, nounEnd: end };
  if (EN_CLITIC_BEFORE_RE.test(before) && NO_NOUN_AFTER_RE.test(after)) return { subject: "referent", nounEnd: end };
  return { subject: "none", nounEnd: end };
}

export function findNumbers(s: string): NumberExpr[] {
  const out: NumberExpr[] = [];
  let lastCounted: NumberExpr | undefined;
  NUMBER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER_RE.exec(s)) !== null) {
    if (m[0].length === 0) {
      NUMBER_RE.lastIndex++;
      continue;
    }
    let start = m.index;
    const end = m.index + m[0].length;
    let count: number | null = null;
    let low: number | null = null;
    let high: number | null = null;
    let qualifier: CountQualifier = "exact";
    if (m[1] !== undefined && m[2] !== undefined) {
      const a = parseNumber(m[1]);
      const b = parseNumber(m[2]);
      if (a === null || b === null) continue;
      const a2 = a < 1000 && b >= 1000 && b % 1000 === 0 && a * 1000 < b ? a * 1000 : a;
      count = a2;
      low = a2;
      high = b;
      qualifier = "range";
    } else if (m[4] !== undefined) {
      qualifier = "vague";
    } else if (m[5] !== undefined) {
      count = approxNounValue(m[5]);
      qualifier = "approx";
      const q = m[3] ? qualifierOf(m[3]) : null;
      if (q === "at_least") low = count;
      else if (q === "up_to") high = count;
      if (q === "at_least" || q === "up_to") qualifier = q;
      else if (m[3] && !q) start += m[3].length;
    } else if (m[6] !== undefined) {
      const a = parseNumber(m[6]);
      if (a === null) continue;
      if (m[7] !== undefined) {
        const b = parseNumber(m[7]);
        if (b === null) continue;
        const a2 = a < 1000 && b >= 1000 && b % 1000 === 0 && a * 1000 < b ? a * 1000 : a;
        if (a2 >= b) continue; // "2024-2025"-like or not a range
        count = a2;
        low = a2;
        high = b;
        qualifier = "range";
      } else {
        count = a;
        const q = m[3] ? qualifierOf(m[3]) : null;
        if (q === "approx") qualifier = "approx";
        else if (q === "up_to") {
          qualifier = "up_to";
          high = a;
        } else if (q === "at_least") {
          qualifier = "at_least";
          low = a;
        } else if (!m[3] && EXCEEDS_BEFORE_RE.test(s.slice(Math.max(0, start - 40), start))) {
          qualifier = "at_least";
          low = a;
        } else {
          low = a;
          high = a;
          if (m[3]) start += m[3].length; // "de 2 600": the "de" is not part of the expression
        }
      }
    }
    const lead = s.slice(Math.max(0, m.index - 50), m.index) + (m[3] ?? "");
    const { subject, nounEnd } = subjectOf(s, start, end, lead, lastCounted);
    // "un"/"une" alone only counts a person in "un soldat nord-coréen" (not "un homme de 45 ans"),
    // or after "en" ("il en a capturé un").
    if (/^(?:une?)$/iu.test(m[0].trim()) && subject !== "nk" && subject !== "referent") continue;
    const expr: NumberExpr = { start, end, text: s.slice(start, end), count, low, high, qualifier, subject, nounEnd };
    out.push(expr);
    if (subject === "nk" || subject === "personnel") lastCounted = expr; // "dont" refers past years and other numbers
  }
  return out;
}
