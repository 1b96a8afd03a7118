// What a release must contain, computed from its build's interim files (the
// source records), and the list of releases made by make-releases.ts.
import fs from "node:fs";
import path from "node:path";

export function releases() {
  const file = process.env.INTEROP_RELEASES;
  if (!file) throw new Error("INTEROP_RELEASES is not set: run test/interop/run.sh");
  return JSON.parse(fs.readFileSync(file, "utf8")).map((r) => ({ ...r, dir: path.join(r.dist, "latest") }));
}

function jsonl(file) {
  return fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l));
}

const byId = (key) => (a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);

/** The published claims, as the source records (valid.jsonl) say, sorted by claim_id. */
export function expectedClaims(release) {
  return jsonl(path.join(release.data, "interim", "valid.jsonl")).sort(byId("claim_id"));
}

/** The documents table, from clean.jsonl and the claims (the column rules of the publish README). */
export function expectedDocuments(release) {
  const claims = expectedClaims(release);
  return jsonl(path.join(release.data, "interim", "clean.jsonl"))
    .map((d) => ({
      doc_id: d.doc_id, file: d.file, publisher: d.publisher, url: d.url, published_at: d.published_at, language: d.language,
      encoding: d.encoding, raw_sha256: d.raw_sha256, raw_bytes: d.raw_bytes, cleaned_length: d.text.length,
      claims: claims.filter((c) => c.doc_id === d.doc_id).length, removed_blocks: d.removed.length,
    }))
    .sort(byId("doc_id"));
}

// Column facts come from the JSON Schema, the single source of truth, not restated here.
function columns(schemaFile) {
  const schema = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "..", "..", "schema", schemaFile), "utf8"));
  const entries = Object.entries(schema.properties);
  const has = (p, t) => (Array.isArray(p.type) ? p.type : [p.type]).includes(t);
  return {
    all: entries.map(([n]) => n),
    integer: entries.filter(([, p]) => has(p, "integer")).map(([n]) => n),
    date: entries.filter(([, p]) => p.format === "date").map(([n]) => n),
    list: entries.filter(([, p]) => has(p, "array")).map(([n]) => n),
  };
}
export const CLAIMS = columns("claim.schema.json");
export const DOCUMENTS = columns("document.schema.json");

/** The CSV's formula neutralisation undone, as the dataset card tells readers to. */
export function unescapeFormula(cell) {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** A JS Date (polars date column) as YYYY-MM-DD. */
export function isoDate(value) {
  return value === null || value === undefined ? null : new Date(value).toISOString().slice(0, 10);
}
