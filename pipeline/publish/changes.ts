// Row-by-row difference between two releases of a table, keyed by its id column.
import type { Table } from "apache-arrow";
import Papa from "papaparse";
import { recordsFromTable } from "./arrow-read.js";
import { collectGarbage, GC_EVERY_ROWS } from "../gc.js";
import { compareText } from "./order.js";
import { rowHash } from "./row-digests.js";

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
 * The previous release's rows as a compact map, id -> row number, with each row's
 * digest (row-digests.ts): built from the digests kept by the publish that made the
 * release, or else a block of rows at a time from its Arrow table. The previous
 * release is never held as records (at 500k claims those were ~1 GB of objects), and
 * its Arrow table is read only when a row's digest differs.
 */
export class PreviousRows {
  private constructor(
    private readonly index: Map<string, number>,
    private readonly hashes: ArrayLike<number>,
    private readonly table: () => Table,
  ) {}

  static fromTable(table: Table, key: string, block = 1024): PreviousRows {
    const index = new Map<string, number>();
    const hashes: number[] = [];
    for (let from = 0; from < table.numRows; from += block) {
      const records = recordsFromTable(table.slice(from, Math.min(table.numRows, from + block)));
      records.forEach((r, j) => {
        index.set(String(r[key]), from + j);
        hashes.push(rowHash(JSON.stringify(r)));
      });
      if ((from + block) % GC_EVERY_ROWS === 0) collectGarbage();
    }
    return new PreviousRows(index, hashes, () => table);
  }

  /** From digests in row order; `table` is called (once) only if some row's digest differs. */
  static fromDigests(ids: readonly string[], hashes: ArrayLike<number>, table: () => Table): PreviousRows {
    const index = new Map<string, number>();
    ids.forEach((id, i) => index.set(id, i));
    let loaded: Table | undefined;
    return new PreviousRows(index, hashes, () => (loaded ??= table()));
  }

  /** The whole previous row, read back only for the rows whose digest differs. */
  record(i: number): Record<string, unknown> {
    return recordsFromTable(this.table().slice(i, i + 1))[0]!;
  }

  /**
   * The same changes as diffRecords(previous records, new records, key), for new rows
   * given by id and digest (`record(i)` gives the i-th new row as published, asked only
   * when its digest differs from the previous row's): equal digests mean unchanged
   * (a 2^-53 risk of missing a change, see rowHash); the other rows are compared
   * column by column.
   */
  diff(ids: readonly string[], hashes: ArrayLike<number>, record: (i: number) => Record<string, unknown>, key: string): Change[] {
    const changes: Change[] = [];
    const seen = new Set<string>();
    let compared = 0;
    for (let n = 0; n < ids.length; n++) {
      const id = ids[n]!;
      seen.add(id);
      const previous = this.index.get(id);
      if (previous === undefined) {
        changes.push({ id, change: "added", fields: [] });
        continue;
      }
      if (hashes[n] === this.hashes[previous]) continue;
      // Each comparison reads a row back from Arrow: collect its garbage as the walk did (gc.ts).
      if (++compared % GC_EVERY_ROWS === 0) collectGarbage();
      const [change] = diffRecords([this.record(previous)], [record(n)], key);
      if (change) changes.push(change);
    }
    for (const id of this.index.keys()) if (!seen.has(id)) changes.push({ id, change: "removed", fields: [] });
    return changes.sort((a, b) => compareText(a.id, b.id));
  }
}
