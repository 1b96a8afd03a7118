// Row order of every published table: by one key, compared by UTF-16 code
// units (never locale-aware, which would depend on the machine's ICU data).

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A sorted copy; throws on a repeated key, since a key must identify one row. */
export function byKey<T>(rows: readonly T[], key: (row: T) => string): T[] {
  const sorted = [...rows].sort((a, b) => compareText(key(a), key(b)));
  for (let i = 1; i < sorted.length; i++) {
    if (key(sorted[i]!) === key(sorted[i - 1]!)) throw new Error(`duplicate key ${key(sorted[i]!)}`);
  }
  return sorted;
}
