// Release numbering, after the Frictionless "data package version" recipe:
// a schema change is a major release (readers' code may break), added records
// a minor one, corrections and removals a patch, and no change no release.

export type Bump = "initial" | "major" | "minor" | "patch";

export const FIRST_VERSION = "1.0.0";
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export function parseVersion(v: string): [number, number, number] {
  const m = SEMVER.exec(v);
  if (!m) throw new Error(`not a MAJOR.MINOR.PATCH version: ${v}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function isVersion(v: string): boolean {
  return SEMVER.test(v);
}

export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

export interface ReleaseDifference {
  /** JSON Schema $id, or the list of column names and types, differs for some table. */
  schemaChanged: boolean;
  /** Rows added to the claims or documents table. */
  added: number;
  /** Rows removed or corrected, or anything else published that differs (rejected records, problems, descriptions). */
  corrected: boolean;
}

/** The bump a difference calls for (the highest that applies), or null when nothing differs. */
export function bumpFor(d: ReleaseDifference): Exclude<Bump, "initial"> | null {
  if (d.schemaChanged) return "major";
  if (d.added > 0) return "minor";
  if (d.corrected) return "patch";
  return null;
}

export function bumpVersion(previous: string, bump: Exclude<Bump, "initial">): string {
  const [major, minor, patch] = parseVersion(previous);
  if (bump === "major") return `${major + 1}.0.0`;
  if (bump === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}
