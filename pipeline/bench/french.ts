// French number words, number formatting and dates for the synthetic corpus.
import type { Rng } from "./prng.js";

const UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
  "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"];
const TENS = ["", "", "vingt", "trente", "quarante", "cinquante", "soixante", "soixante", "quatre-vingt", "quatre-vingt"];

/** 0..99 in words, traditional spelling ("vingt et un", "quatre-vingts"). */
function below100(n: number, final: boolean): string {
  if (n < 20) return UNITS[n]!;
  const t = Math.floor(n / 10);
  let u = n % 10;
  if (t === 7 || t === 9) u += 10;
  const tens = TENS[t]!;
  if (u === 0) return t === 8 && final ? "quatre-vingts" : tens;
  if ((u === 1 || u === 11) && t < 8) return `${tens} et ${UNITS[u]}`;
  return `${tens}-${UNITS[u]}`;
}

function below1000(n: number, final: boolean): string {
  const h = Math.floor(n / 100);
  const r = n % 100;
  const parts: string[] = [];
  if (h === 1) parts.push("cent");
  else if (h > 1) parts.push(`${UNITS[h]} ${r === 0 && final ? "cents" : "cent"}`);
  if (r > 0 || h === 0) parts.push(below100(r, final));
  return parts.join(" ");
}

/**
 * A non-negative integer below 10^9 in French words, traditional spelling
 * (`reform`: the 1990 spelling with hyphens everywhere, "deux-mille-six-cents").
 */
export function frenchWords(n: number, reform = false): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e9) throw new RangeError(`frenchWords: ${n}`);
  if (n === 0) return "zéro";
  const millions = Math.floor(n / 1e6);
  const thousands = Math.floor((n % 1e6) / 1000);
  const rest = n % 1000;
  const parts: string[] = [];
  if (millions) parts.push(millions === 1 ? "un million" : `${below1000(millions, true)} millions`);
  if (thousands) parts.push(thousands === 1 ? "mille" : `${below1000(thousands, false)} mille`);
  if (rest) parts.push(below1000(rest, true));
  const s = parts.join(" ");
  return reform ? s.replace(/ /g, "-") : s;
}

/** Thousands separators seen in French news: space, no-break space, narrow no-break space, dot, none. */
const SEPARATORS: readonly (readonly [number, string])[] = [
  [45, " "], [20, "\u00a0"], [12, "\u202f"], [15, "."], [8, ""],
];

/** An integer written with digits the way a French outlet might ("2 600", "10.000", "11000"). */
export function frenchDigits(n: number, rng: Rng, sep?: string): string {
  const s = String(n);
  if (n < 1000) return s;
  const sp = sep ?? rng.weighted(SEPARATORS);
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, sp);
}

/** English digits with comma separators ("11,000"). */
export function englishDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
export const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export const WEEKDAYS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
export const WEEKDAYS_EN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Days since 1970-01-01 of an ISO date, and back (UTC, no clock involved). */
export function isoToDay(iso: string): number {
  return Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000);
}

export function dayToIso(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

export interface DateParts {
  year: number;
  month: number; // 0-based
  day: number;
  weekday: number; // 0 = Sunday
}

export function dayParts(day: number): DateParts {
  const d = new Date(day * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(), weekday: d.getUTCDay() };
}

function dayOfMonth(n: number): string {
  return n === 1 ? "1er" : String(n);
}

/**
 * A French date expression for a statement made `back` days before the
 * publication day `pub` (0 = the same day), in one of the forms the seeds use.
 */
export function frenchDate(rng: Rng, pub: number, back: number): string {
  const p = dayParts(pub - back);
  const pubParts = dayParts(pub);
  const sameYear = p.year === pubParts.year;
  const forms: (() => string)[] = [
    () => `ce ${WEEKDAYS[p.weekday]} ${dayOfMonth(p.day)} ${MONTHS[p.month]}`,
    () => `le ${dayOfMonth(p.day)} ${MONTHS[p.month]}${sameYear && rng.chance(0.6) ? "" : ` ${p.year}`}`,
    () => `${WEEKDAYS[p.weekday]} ${dayOfMonth(p.day)} ${MONTHS[p.month]}`,
    () => (back < 7 ? `${WEEKDAYS[p.weekday]}` : `le ${dayOfMonth(p.day)} ${MONTHS[p.month]}`),
    () => `au début du mois de ${MONTHS[p.month]}`,
    () => `fin ${MONTHS[p.month]}`,
    () => `mi-${MONTHS[p.month]}`,
    () => `le ${String(p.day).padStart(2, "0")}/${String(p.month + 1).padStart(2, "0")}/${p.year}`,
    () => (back <= 1 ? (back === 0 ? "aujourd'hui" : "hier") : `il y a ${frenchWords(back)} jours`),
    () => "la semaine dernière",
    () => `en ${MONTHS[p.month]}${sameYear ? "" : ` ${p.year}`}`,
  ];
  return rng.pick(forms)();
}

export function englishDate(rng: Rng, pub: number, back: number): string {
  const p = dayParts(pub - back);
  return rng.pick([
    () => `on ${WEEKDAYS_EN[p.weekday]}`,
    () => `on ${MONTHS_EN[p.month]} ${p.day}`,
    () => `in early ${MONTHS_EN[p.month]}`,
    () => `last week`,
    () => `on ${p.day} ${MONTHS_EN[p.month]} ${p.year}`,
  ])();
}
