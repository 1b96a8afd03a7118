// Row-by-row difference between two releases of a table, keyed by its id column.
import type { Table } from "apache-arrow";
import Papa from "papaparse";
import { recordsFromTable } from "./arrow-read.js";
import { collectGarbage, GC_EVERY_ROWS } from "./gc.js";
import { compareText } from "./order.js";

export type ChangeKind = "added" | "removed" | "changed";

export interface Change {
  id: string;
  change: ChangeKind;
  /** Columns whose value differs (a column present on one side only counts), in column order. */
  fields: string[];
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Changes from `before` to `after`, sorted by id. Records are plain objects
 * (dates as ISO strings, lists as arrays), as both the Arrow reader and the
 * interim JSONL give them. A column missing from one side is compared as
 * undefined, so a schema change shows as changed fields.
 */
export function diffRecords(before: readonly Record<string, unknown>[], after: readonly Record<string, unknown>[], key: string): Change[] {
  const old = new Map(before.map((r) => [String(r[key]), r]));
  const changes: Change[] = [];
  const seen = new Set<string>();
  for (const record of after) {
    const id = String(record[key]);
    seen.add(id);
    const previous = old.get(id);
    if (!previous) {
      changes.push({ id, change: "added", fields: [] });
      continue;
    }
    // Most records are unchanged: one comparison of the whole record settles those (same column order on both sides).
    if (JSON.stringify(record) === JSON.stringify(previous)) continue;
    const columns = [...new Set([...Object.keys(record), ...Object.keys(previous)])];
    const fields = columns.filter((c) => !(c in record) || !(c in previous) || !sameValue(record[c], previous[c]));
    if (fields.length > 0) changes.push({ id, change: "changed", fields });
  }
  for (const id of old.keys()) if (!seen.has(id)) changes.push({ id, change: "removed", fields: [] });
  return changes.sort((a, b) => compareText(a.id, b.id));
}

export function countChanges(changes: readonly Change[]): Record<ChangeKind, number> {
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const c of changes) counts[c.change]++;
  return counts;
}

/** CHANGES.csv: claim_id, change, fields (";"-joined column names, empty unless changed). */
export function changesCsv(changes: readonly Change[]): string {
  const rows = changes.map((c) => ({ claim_id: c.id, change: c.change, fields: c.fields.join(";") }));
  return Papa.unparse(rows, { columns: ["claim_id", "change", "fields"], header: true, newline: "\n" }) + "\n";
}

/**
 * The previous release's rows as a compact map, id -> (hash of the row's JSON, row
 * number), built a block of rows at a time from its Arrow table: the previous release
 * is never held as records (at 500k claims those were ~1 GB of objects).
 */
export class PreviousRows {
  private readonly rows = new Map<string, { h: number; i: number }>();

  constructor(
    private readonly table: Table,
    key: string,
    block = 1024,
  ) {
    for (let from = 0; from < table.numRows; from += block) {
      const records = recordsFromTable(table.slice(from, Math.min(table.numRows, from + block)));
      records.forEach((r, j) => this.rows.set(String(r[key]), { h: rowHash(JSON.stringify(r)), i: from + j }));
      if ((from + block) % GC_EVERY_ROWS === 0) collectGarbage();
    }
  }

  /** The whole previous row, read back only for the rows whose hash differs. */
  record(i: number): Record<string, unknown> {
    return recordsFromTable(this.table.slice(i, i + 1))[0]!;
  }

  /**
   * The same changes as diffRecords(previous records, after, key): a row whose JSON
   * hashes the same as before is unchanged (53-bit hash of the JSON text: an accidental
   * collision between a row and its own previous version is not a practical risk);
   * the others are compared column by column.
   */
  diff(after: Iterable<Record<string, unknown>>, key: string): Change[] {
    const changes: Change[] = [];
    const seen = new Set<string>();
    let n = 0;
    for (const record of after) {
      if (++n % GC_EVERY_ROWS === 0) collectGarbage();
      const id = String(record[key]);
      seen.add(id);
      const previous = this.rows.get(id);
      if (!previous) {
        changes.push({ id, change: "added", fields: [] });
        continue;
      }
      if (rowHash(JSON.stringify(record)) === previous.h) continue;
      const [change] = diffRecords([this.record(previous.i)], [record], key);
      if (change) changes.push(change);
    }
    for (const id of this.rows.keys()) if (!seen.has(id)) changes.push({ id, change: "removed", fields: [] });
    return changes.sort((a, b) => compareText(a.id, b.id));
  }
}

/**
 * 53-bit hash of a row's JSON (cyrb53: two 32-bit multiply-xorshift lanes), in plain
 * JS: a native hash object per row (createHash) left ~1 GB of freed-but-kept malloc
 * memory after 500k rows. A changed row has a 2^-53 chance to look unchanged.
 */
function rowHash(json: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
