// The date a claimant made the statement, resolved against the publication date.
// Only a date next to the attribution verb ("a annoncé ce mercredi 23 octobre",
// "a déclaré mardi") or opening the sentence ("Au début du mois d'octobre, ...")
// is the statement's date; dates inside the claim ("d'ici le 1er novembre",
// "depuis août", "arriveraient mercredi") are not.
import type { DatePrecision } from "../generated/types.js";
import { requireCjs } from "../cjs.js";
import { detached, TextCache } from "./tokens.js";

export interface StatementDate {
  date: string | null;
  precision: DatePrecision | null;
}

// chrono-node reads only the day dates plainDayDate leaves (29 February, days a month lacks, other
// shapes): none in the bench corpus. It is loaded on first use, each thread then sparing the
// ~60-90 ms of importing it. The French locale alone: the package's index loads all fifteen
// locales, three times as long to import (98 against 317 ms, measured 2026-12-06).
type ChronoFr = typeof import("chrono-node/fr");
let chronoFr: ChronoFr | null = null;
const chrono = (): ChronoFr => (chronoFr ??= requireCjs("chrono-node/fr") as ChronoFr);

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const MONTHS_FOLDED = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];
const WEEKDAYS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

const MONTH = `(?:${MONTHS.join("|")}|fevrier|aout|decembre)`;
const WEEKDAY = `(?:${WEEKDAYS.join("|")})`;
const YEAR = "(?:\\s+(?:20\\d\\d|19\\d\\d))?";
const DAY_DATE = `(?:(?:ce|le|dès\\s+le|depuis\\s+le)\\s+)?(?:${WEEKDAY}\\s+)?(?:1er|premier|[0-3]?\\d)\\s+${MONTH}${YEAR}`;
const WEEKDAY_ONLY = `(?:(?:ce|le)\\s+)?${WEEKDAY}(?:\\s+(?:dernier|matin|soir|après-midi))?`;
const MONTH_PHRASE = `(?:(?:au\\s+)?début|(?:à\\s+la\\s+)?fin|(?:à\\s+la\\s+)?mi-?|courant|(?:au\\s+)?cours\\s+du\\s+mois\\s+d['’e]|(?:au\\s+)?début\\s+du\\s+mois\\s+d['’e]\\s*|(?:à\\s+la\\s+)?fin\\s+du\\s+mois\\s+d['’e]\\s*|en|au\\s+mois\\s+d['’e]\\s*|(?:au\\s+)?début\\s+d['’e]\\s*|(?:à\\s+la\\s+)?fin\\s+d['’e]\\s*)\\s*${MONTH}${YEAR}`;
const RELATIVE = "(?:la\\s+semaine\\s+(?:dernière|passée)|hier|avant-hier|aujourd['’]hui|ce\\s+matin|ce\\s+week-end|le\\s+week-end\\s+dernier|le\\s+mois\\s+dernier|plus\\s+tôt\\s+(?:dans\\s+la\\s+journée|cette\\s+semaine))";
const DATE = `(?:${DAY_DATE}|${MONTH_PHRASE}|${RELATIVE}|${WEEKDAY_ONLY})`;

/** A date right after the attribution verb. */
const AFTER_VERB_RE = new RegExp(`^[\\s,]*(?:(?:encore|également|aussi|déjà|ainsi|notamment|publiquement)\\s+)?(${DATE})(?![\\p{L}\\p{N}])`, "iu");
/** A date between auxiliary and participle, or just before the verb ("a mardi déclaré", "a, mardi, affirmé"). */
const BEFORE_VERB_RE = new RegExp(`(?:^|[\\s,])(${DATE})[\\s,]*$`, "iu");
/** A date opening the sentence, before a comma ("Lundi déjà, ..."), or after an opening phrase ("Lors d'une visite, mardi 17 juin, ..."). */
// "Mercredi à Pékin, ...": a place may follow the date.
const OPENING_RE = new RegExp(`^\\s*(${DATE})(?:\\s+(?:à|au|en)\\s+\\p{Lu}[\\p{L}-]+)?(?:\\s+(?:déjà|aussi|encore|également|enfin))?\\s*,`, "iu");
const OPENING_AFTER_PHRASE_RE = new RegExp(`^[^,;:«»"“]{3,60},\\s*(${DAY_DATE})\\s*,`, "iu");
/** The date of a document the claim is read from: "dans son évaluation du 5 janvier", "dans son édition du 18 juin". */
const DOCUMENT_DATE_RE = new RegExp(`(?:évaluation|édition|mise\\s+à\\s+jour|rapport|bulletin|communiqué|note|point\\s+de\\s+situation)\\s+du\\s+(${DAY_DATE})(?![\\p{L}\\p{N}])`, "iu");
/** "Selon X, qui s'exprimait lundi soir, ...": the date of the speaker's relative clause. */
const RELATIVE_CLAUSE_DATE_RE = new RegExp(`^\\s*,\\s*qui\\s+(?:s['’]\\s*|se\\s+)?\\p{L}+[\\s,]+(${DATE})(?![\\p{L}\\p{N}])`, "iu");
const DAY_OF_MONTH_RE = new RegExp(`(?:1er|premier|[0-3]?\\d)\\s+${MONTH}`, "iu");
const WEEKDAY_RES = WEEKDAYS.map((w) => new RegExp(`(?:^|\\s)${w}(?:$|\\s)`, "u"));

/** A whole phrase that is only a day date, lower case with single spaces: day, month, optional year. */
const PLAIN_DAY_DATE_RE = new RegExp(`^(?:(?:ce|le|dès le|depuis le) )?(?:${WEEKDAY} )?(1er|premier|\\d{1,2}) (${MONTH})(?: (20\\d\\d|19\\d\\d))?$`, "u");

const MONTH_WORD_RE = new RegExp(`(?<![\\p{L}])${MONTH}(?![\\p{L}])`, "iu");

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function parsePublished(published: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return Number.isNaN(d.getTime()) ? null : d;
}

function monthIndex(word: string): number {
  const w = word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  return MONTHS_FOLDED.indexOf(w);
}

/**
 * What a date phrase says whatever the publication date: all that resolveDatePhrase reads from the
 * phrase itself, in the order it reads it. Articles repeat their phrases ("mardi", "la semaine
 * dernière") under every publication date, so a cache keyed by phrase and date missed 94% of its
 * look-ups over 4,000 bench articles (5,363 of 5,709, for 1,189 distinct phrases); the shape of a
 * phrase is kept instead, and only the arithmetic with the date is done at each call.
 */
interface PhraseShape {
  /** Lower case, single spaces. */
  p: string;
  /** A year written in the phrase. */
  year: number | null;
  /** The index of the month named as a whole word (-1 for a spelling monthIndex does not know), or null. */
  month: number | null;
  /** A day date plainDayDate reads. */
  plain: PlainDay | null;
  /** A day of a month that plainDayDate leaves to chrono. */
  chrono: boolean;
  /** A weekday named, or -1. */
  weekday: number;
  /** "avant-hier", "hier", "aujourd'hui": days before publication. */
  daysBack: number | null;
  /** "la semaine dernière", "le mois dernier": the month of the day this many days before publication. */
  monthOfDaysBack: number | null;
}

interface PlainDay {
  day: number;
  mo: number;
  year: number | null;
}

const SHAPES = new TextCache<PhraseShape>(4096);
// Results read by chrono, a pure function of (phrase, published) and costly.
const CHRONO_READINGS = new TextCache<StatementDate | null>(1024);

/** `phrase`: a copy, not a slice of the article (TextCache). */
function readShape(phrase: string): PhraseShape {
  const p = phrase.toLowerCase().replace(/\s+/g, " ").trim();
  const yearM = /(20\d\d|19\d\d)/.exec(p);
  const monthM = MONTH_WORD_RE.exec(p); // a whole word: "semaine" holds "mai"
  const hasDay = /(?:^|\s)(?:1er|premier|[0-3]?\d)\s/u.test(p + " ") && monthM !== null && DAY_OF_MONTH_RE.test(p);
  const plain = hasDay ? plainDay(p) : null;
  return {
    p,
    year: yearM ? Number(yearM[1]) : null,
    month: monthM ? monthIndex(monthM[0]) : null,
    plain,
    chrono: hasDay && plain === null,
    weekday: WEEKDAY_RES.findIndex((re) => re.test(p)),
    daysBack: /avant-hier/u.test(p) ? 2 : /hier/u.test(p) ? 1 : /aujourd|ce matin|plus tôt dans la journée/u.test(p) ? 0 : null,
    monthOfDaysBack: !/semaine|week-end|mois dernier|plus tôt cette semaine/u.test(p) ? null : /mois dernier/u.test(p) ? 31 : /plus tôt cette semaine/u.test(p) ? 0 : 7,
  };
}

// An article's phrases share its publication date: the last one parsed is kept.
let lastPublished: string | null = null;
let lastPub: Date | null = null;

/** Resolve a date phrase against the publication date. */
export function resolveDatePhrase(phrase: string, published: string): StatementDate {
  if (published !== lastPublished) {
    lastPub = parsePublished(published);
    lastPublished = detached(published);
  }
  const pub = lastPub;
  if (!pub) return { date: null, precision: null };
  const shape = SHAPES.get(phrase, readShape);
  if (shape.plain) return plainDayResult(shape.plain, pub);
  if (shape.chrono) {
    const d = chronoDayDate(shape, published, pub);
    if (d) return d;
  }
  if (shape.month !== null) {
    let y = shape.year ?? pub.getUTCFullYear();
    if (shape.year === null && shape.month > pub.getUTCMonth()) y -= 1;
    return { date: iso(y, shape.month, 1), precision: "month" };
  }
  if (shape.weekday >= 0) return dayBefore(pub, (pub.getUTCDay() - shape.weekday + 7) % 7);
  if (shape.daysBack !== null) return dayBefore(pub, shape.daysBack);
  if (shape.monthOfDaysBack !== null) {
    const d = new Date(pub.getTime() - shape.monthOfDaysBack * 86400000);
    return { date: iso(d.getUTCFullYear(), d.getUTCMonth(), 1), precision: "month" };
  }
  return { date: null, precision: null };
}

function dayBefore(pub: Date, days: number): StatementDate {
  const d = new Date(pub.getTime() - days * 86400000);
  return { date: iso(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()), precision: "day" };
}

function chronoDayDate(shape: PhraseShape, published: string, pub: Date): StatementDate | null {
  const hit = CHRONO_READINGS.get(`${published.length}:${published}${shape.p}`, () => dayDateByChrono(shape.p, pub, shape.year !== null));
  return hit && { ...hit };
}

/** The publication date plus two days, as compared with a statement date (ISO strings; the day may be 32). */
function latestStatementDay(pub: Date): string {
  return iso(pub.getUTCFullYear(), pub.getUTCMonth(), pub.getUTCDate() + 2);
}

/** The days of each month in every year: 29 February exists only in some, and is left to chrono. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * "ce mercredi 23 octobre", "le 1er novembre 2024" (`p` lower case, single spaces), when the day is
 * one its month has in every year (1 to 28 in February, to 30 or 31 in the others): the year given,
 * else the year of publication, or the year before when that day comes over two days after
 * publication. That is what dayDateByChrono gives for these phrases (test/extract-dates.test.ts
 * compares the two over four years of publication dates) for a fraction of chrono's cost; null for
 * other phrases.
 */
export function plainDayDate(p: string, pub: Date): StatementDate | null {
  const day = plainDay(p);
  return day && plainDayResult(day, pub);
}

function plainDay(p: string): PlainDay | null {
  const m = PLAIN_DAY_DATE_RE.exec(p);
  if (!m) return null;
  const day = m[1] === "1er" || m[1] === "premier" ? 1 : Number(m[1]);
  const mo = monthIndex(m[2]!);
  if (!(day >= 1 && day <= MONTH_DAYS[mo]!)) return null;
  return { day, mo, year: m[3] ? Number(m[3]) : null };
}

function plainDayResult({ day, mo, year }: PlainDay, pub: Date): StatementDate {
  let y = year ?? pub.getUTCFullYear();
  if (year === null && iso(y, mo, day) > latestStatementDay(pub)) y -= 1;
  return { date: iso(y, mo, day), precision: "day" };
}

/** A day date read by chrono's French parser (29 to 31, or a phrase of another shape); null when chrono reads none. */
export function dayDateByChrono(p: string, pub: Date, yearGiven: boolean): StatementDate | null {
  const r = chrono().parse(p.replace(/premier/u, "1er"), pub)[0];
  if (!r) return null;
  const d = r.start.date();
  let y = d.getFullYear();
  const mo = d.getMonth();
  const day = d.getDate();
  if (!yearGiven && iso(y, mo, day) > latestStatementDay(pub)) y -= 1;
  return { date: iso(y, mo, day), precision: "day" };
}

export function publishedDate(published: string): StatementDate {
  const pub = parsePublished(published);
  return pub ? { date: iso(pub.getUTCFullYear(), pub.getUTCMonth(), pub.getUTCDate()), precision: "published" } : { date: null, precision: null };
}

/**
 * The statement date for an attribution whose verb spans [verbStart, verbEnd) in
 * the sentence; null when the sentence gives none.
 */
export function statementDate(sentence: string, verbStart: number, verbEnd: number, published: string): StatementDate | null {
  const after = AFTER_VERB_RE.exec(sentence.slice(verbEnd, verbEnd + 60));
  if (after) return nonNull(resolveDatePhrase(after[1]!, published));
  const before = BEFORE_VERB_RE.exec(sentence.slice(Math.max(0, verbStart - 40), verbStart));
  if (before) return nonNull(resolveDatePhrase(before[1]!, published));
  return openingDate(sentence, published);
}

/** "Le 1er novembre 2024, ...", "Au début du mois d'octobre, ...". */
export function openingDate(sentence: string, published: string): StatementDate | null {
  const head = sentence.slice(0, 120);
  const m = OPENING_RE.exec(head) ?? OPENING_AFTER_PHRASE_RE.exec(head) ?? DOCUMENT_DATE_RE.exec(sentence.slice(0, 300));
  return m ? nonNull(resolveDatePhrase(m[1]!, published)) : null;
}

/** The date in a relative clause right after a speaker's name ("Selon X, qui s'exprimait lundi soir"). */
export function relativeClauseDate(after: string, published: string): StatementDate | null {
  const m = RELATIVE_CLAUSE_DATE_RE.exec(after.slice(0, 80));
  return m ? nonNull(resolveDatePhrase(m[1]!, published)) : null;
}

function nonNull(d: StatementDate): StatementDate | null {
  return d.date ? d : null;
}
