// Score extracted claims against gold annotations, the way the codebook's
// score.py does: per document, a predicted claim matches a gold claim when the
// measure is equal and the number agrees (equal count; where the gold has no
// count, equal bounds; both vague; or both without a number and the same
// claimant_org). Pairs are chosen greedily to agree on the most fields. Gold
// claims marked "optional" are neither required nor counted as false positives.
// Pure: no file or process I/O.

export type Row = Record<string, unknown>;

export interface GoldDoc {
  doc_id: string;
  claims: Row[];
}

/** The fields compared on matched pairs (score.py's list, in its order). */
export const FIELDS = [
  "claimant_org", "claimant", "claimant_country", "location", "statement_date",
  "date_precision", "certainty", "count_qualifier", "count_low", "count_high",
] as const;
export type Field = (typeof FIELDS)[number];

/** The fields the CI thresholds apply to. */
export const CI_FIELDS: readonly Field[] = ["claimant_org", "location", "statement_date"];

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface FieldError {
  doc_id: string;
  measure: unknown;
  count: unknown;
  field: Field;
  got: unknown;
  want: unknown;
}

export interface EvalResult {
  numeric: Prf;
  all: Prf;
  /** Share of matched (non-optional) pairs that agree on each field; null when nothing matched. */
  fields: Record<Field, number | null>;
  misses: { doc_id: string; claim: Row }[];
  extras: { doc_id: string; claim: Row }[];
  fieldErrors: FieldError[];
}

const NULLISH = new Set(["null", "none", "nan", "na"]);

export function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? Math.trunc(v) : null;
  if (typeof v === "boolean") return v ? 1 : 0;
  const t = String(v).trim();
  if (t === "" || NULLISH.has(t.toLowerCase())) return null;
  const n = Number(t);
  return Number.isFinite(n) && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Math.trunc(n) : null;
}

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const t = (typeof v === "boolean" ? (v ? "True" : "False") : String(v)).trim();
  return t === "" || NULLISH.has(t.toLowerCase()) ? null : t;
}

/** Lower case, typographic apostrophe as ', whitespace collapsed; null for empty. */
export function norm(v: unknown): string | null {
  const t = text(v);
  return t === null ? null : t.toLowerCase().replace(/’/g, "'").split(/\s+/u).filter(Boolean).join(" ");
}

type NumberKey = ["n", number] | ["b", number | null, number | null] | ["vague"] | ["none"];

export function numberKey(c: Row): NumberKey {
  const n = num(c.count);
  if (n !== null) return ["n", n];
  const lo = num(c.count_low);
  const hi = num(c.count_high);
  if (lo !== null || hi !== null) return ["b", lo, hi];
  if (norm(c.count_qualifier) === "vague") return ["vague"];
  return ["none"];
}

function sameKey(a: NumberKey, b: NumberKey): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function compatible(p: Row, g: Row): boolean {
  if (norm(p.measure) !== norm(g.measure)) return false;
  const kp = numberKey(p);
  const kg = numberKey(g);
  if (kg[0] === "n") return sameKey(kp, kg) || (kp[0] === "b" && (kp[1] === kg[1] || kp[2] === kg[1]));
  if (kg[0] === "b") return sameKey(kp, kg) || (kp[0] === "n" && (kp[1] === kg[1] || kp[1] === kg[2]));
  if (kg[0] === "vague") return sameKey(kp, kg);
  return sameKey(kp, kg) && norm(p.claimant_org) === norm(g.claimant_org);
}

function agreement(p: Row, g: Row): number {
  let n = 0;
  for (const f of FIELDS) if (norm(p[f]) === norm(g[f])) n++;
  return n;
}

/** Greedy one-to-one matching, most agreeing pairs first (ties as score.py breaks them). */
export function match(preds: readonly Row[], golds: readonly Row[]): [number, number][] {
  const pairs: [number, number, number][] = [];
  preds.forEach((p, i) => golds.forEach((g, j) => {
    if (compatible(p, g)) pairs.push([agreement(p, g), i, j]);
  }));
  pairs.sort((a, b) => b[0] - a[0] || b[1] - a[1] || b[2] - a[2]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const out: [number, number][] = [];
  for (const [, i, j] of pairs) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    out.push([i, j]);
  }
  return out;
}

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

function isNumeric(c: Row): boolean {
  const k = numberKey(c)[0];
  return k === "n" || k === "b";
}

/** Score predictions (rows with at least doc_id, measure and the FIELDS) against the gold documents. */
export function score(gold: readonly GoldDoc[], predictions: readonly Row[]): EvalResult {
  const byDoc = new Map<string, Row[]>();
  for (const p of predictions) {
    const id = String(p.doc_id ?? "");
    const list = byDoc.get(id) ?? [];
    list.push(p);
    byDoc.set(id, list);
  }
  const tot = { all: [0, 0, 0], numeric: [0, 0, 0] };
  const fieldOk = Object.fromEntries(FIELDS.map((f) => [f, [0, 0]])) as Record<Field, [number, number]>;
  const misses: EvalResult["misses"] = [];
  const extras: EvalResult["extras"] = [];
  const fieldErrors: FieldError[] = [];
  for (const doc of gold) {
    const golds = doc.claims;
    const preds = byDoc.get(doc.doc_id) ?? [];
    const pairs = match(preds, golds);
    const mp = new Set(pairs.map(([i]) => i));
    const mg = new Set(pairs.map(([, j]) => j));
    for (const [i, j] of pairs) {
      const g = golds[j]!;
      const p = preds[i]!;
      if (g.optional) continue;
      tot.all[0]!++;
      if (isNumeric(g)) tot.numeric[0]!++;
      for (const f of FIELDS) {
        fieldOk[f][1]++;
        if (norm(p[f]) === norm(g[f])) fieldOk[f][0]++;
        else fieldErrors.push({ doc_id: doc.doc_id, measure: g.measure, count: g.count ?? null, field: f, got: p[f] ?? null, want: g[f] ?? null });
      }
    }
    golds.forEach((g, j) => {
      if (mg.has(j) || g.optional) return;
      tot.all[2]!++;
      if (isNumeric(g)) tot.numeric[2]!++;
      misses.push({ doc_id: doc.doc_id, claim: g });
    });
    preds.forEach((p, i) => {
      if (mp.has(i)) return;
      tot.all[1]!++;
      if (isNumeric(p)) tot.numeric[1]!++;
      extras.push({ doc_id: doc.doc_id, claim: p });
    });
  }
  const fields = Object.fromEntries(FIELDS.map((f) => [f, fieldOk[f][1] ? fieldOk[f][0] / fieldOk[f][1] : null])) as Record<Field, number | null>;
  return {
    numeric: prf(tot.numeric[0]!, tot.numeric[1]!, tot.numeric[2]!),
    all: prf(tot.all[0]!, tot.all[1]!, tot.all[2]!),
    fields,
    misses,
    extras,
    fieldErrors,
  };
}

export interface Thresholds {
  minF1Numeric?: number;
  minF1All?: number;
  /** Minimum accuracy for each of CI_FIELDS. */
  minField?: number;
}

/** Human-readable reasons the result falls below the thresholds (empty when it passes). */
export function checkThresholds(r: EvalResult, t: Thresholds): string[] {
  const out: string[] = [];
  if (t.minF1Numeric !== undefined && r.numeric.f1 < t.minF1Numeric) out.push(`F1 on claims with a number ${r.numeric.f1.toFixed(3)} < ${t.minF1Numeric}`);
  if (t.minF1All !== undefined && r.all.f1 < t.minF1All) out.push(`F1 on all claims ${r.all.f1.toFixed(3)} < ${t.minF1All}`);
  if (t.minField !== undefined) {
    for (const f of CI_FIELDS) {
      const v = r.fields[f];
      if (v === null || v < t.minField) out.push(`${f} accuracy ${v === null ? "n/a" : v.toFixed(3)} < ${t.minField}`);
    }
  }
  return out;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** The result as score.py --json prints it (rounded to 3 decimals), plus misses and extras. */
export function toJson(r: EvalResult): object {
  const p = (x: Prf) => ({ ...x, precision: r3(x.precision), recall: r3(x.recall), f1: r3(x.f1) });
  return {
    numeric: p(r.numeric),
    all: p(r.all),
    fields: Object.fromEntries(Object.entries(r.fields).map(([k, v]) => [k, v === null ? null : r3(v)])),
    misses: r.misses.map(({ doc_id, claim }) => ({ doc_id, measure: claim.measure, count_text: claim.count_text ?? null, claimant_org: claim.claimant_org, quote: claim.quote })),
    extras: r.extras.map(({ doc_id, claim }) => ({ doc_id, measure: claim.measure, count: claim.count ?? null, claimant_org: claim.claimant_org, quote: claim.quote })),
    field_errors: r.fieldErrors,
  };
}

/** The text report: the figures as score.py prints them, then field disagreements, misses and extras. */
export function formatReport(r: EvalResult, verbose = true): string {
  const lines: string[] = [];
  if (verbose) {
    for (const e of r.fieldErrors) lines.push(`  field ${e.doc_id} ${String(e.measure)} ${String(e.count)}: ${e.field} got ${JSON.stringify(e.got)} want ${JSON.stringify(e.want)}`);
    for (const { doc_id, claim } of r.misses) lines.push(`  missed ${doc_id}: ${String(claim.measure)} ${String(claim.count_text ?? claim.count ?? "")} ${String(claim.claimant_org)} | ${String(claim.quote ?? "").slice(0, 90)}`);
    for (const { doc_id, claim } of r.extras) lines.push(`  extra  ${doc_id}: ${String(claim.measure)} ${String(claim.count ?? "")} ${String(claim.claimant_org)} | ${String(claim.quote ?? "").slice(0, 90)}`);
  }
  for (const k of ["numeric", "all"] as const) {
    const x = r[k];
    lines.push(`${k.padEnd(8)} P ${x.precision.toFixed(3)} R ${x.recall.toFixed(3)} F1 ${x.f1.toFixed(3)}  (tp ${x.tp} fp ${x.fp} fn ${x.fn})`);
  }
  lines.push("fields  " + FIELDS.filter((f) => r.fields[f] !== null).map((f) => `${f} ${r.fields[f]!.toFixed(2)}`).join("  "));
  return lines.join("\n");
}
