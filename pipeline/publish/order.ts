// Row order of every published table: by one key, compared by UTF-16 code
// units (never locale-aware, which would depend on the machine's ICU data).

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Row numbers in key order; throws on a repeated key, since a key must identify one row. */
export function sortedOrder<T>(rows: readonly T[], key: (row: T) => string): Uint32Array {
  const keys = rows.map(key);
  const order = Uint32Array.from(keys, (_, i) => i).sort((a, b) => compareText(keys[a]!, keys[b]!));
  for (let i = 1; i < order.length; i++) {
    if (keys[order[i]!] === keys[order[i - 1]!]) throw new Error(`duplicate key ${keys[order[i]!]}`);
  }
  return order;
}

/** A sorted copy; throws on a repeated key. */
export function byKey<T>(rows: readonly T[], key: (row: T) => string): T[] {
  return Array.from(sortedOrder(rows, key), (i) => rows[i]!);
}
