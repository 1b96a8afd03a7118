// File side of the evaluation: gold folder, claims files (CSV or JSONL), and
// running the pipeline over a corpus into a temporary folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import type { GoldDoc, Row } from "./score.js";

export function readGold(dir: string): GoldDoc[] {
  const out: GoldDoc[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith(".json")) continue;
    const d = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as { doc_id: string; claims: Row[] };
    out.push({ doc_id: d.doc_id, claims: d.claims });
  }
  return out;
}

/** Claims from a CSV with the codebook's column names (places '; '- or '|'-joined, or a JSON array) or from JSONL. */
export function readClaims(file: string): Row[] {
  const content = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  if (/\.jsonl$|\.ndjson$/i.test(file) || /^\s*\{/.test(content)) {
    return content
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Row);
  }
  const parsed = Papa.parse<Record<string, string>>(content, { header: true, skipEmptyLines: true });
  return parsed.data.map((r) => ({ ...r, places: splitPlaces(r.places ?? "") }));
}

function splitPlaces(cell: string): string[] {
  const t = cell.trim();
  if (t === "") return [];
  if (t.startsWith("[")) {
    try {
      return JSON.parse(t) as string[];
    } catch {
      // fall through
    }
  }
  return t.split(t.includes("; ") ? "; " : "|").map((x) => x.trim());
}

/** A copy of the corpus folder (without its interim/) in a new temporary folder. */
export function copyCorpus(data: string): { dir: string; data: string; dist: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nk-eval-"));
  const copy = path.join(dir, "data");
  fs.cpSync(data, copy, { recursive: true, filter: (src) => !["interim", "dist", "reference"].includes(path.basename(src)) });
  return { dir, data: copy, dist: path.join(dir, "dist") };
}

/** Build the corpus the way users get it (clean, extract, validate, publish) and return DIST/latest/claims.csv's rows. */
export async function claimsFromBuild(data: string): Promise<Row[]> {
  const { buildData } = await import("../bin/build-data.js");
  const tmp = copyCorpus(data);
  try {
    const summary = await buildData({ data: tmp.data, dist: tmp.dist, strict: false });
    if (summary.exitCode !== 0 && summary.exitCode !== 1) throw new Error(`build-data exited ${summary.exitCode}`);
    return readClaims(path.join(tmp.dist, "latest", "claims.csv"));
  } finally {
    fs.rmSync(tmp.dir, { recursive: true, force: true });
  }
}

/** Run only the clean and extract stages, in process, and return interim/claims.jsonl's records. */
export async function claimsFromStages(data: string): Promise<Row[]> {
  const { runClean } = await import("../bin/clean.js");
  const { runExtract } = await import("../bin/extract.js");
  const tmp = copyCorpus(data);
  try {
    await runClean({ data: tmp.data, log: () => {} });
    await runExtract({ data: tmp.data });
    return readClaims(path.join(tmp.data, "interim", "claims.jsonl"));
  } finally {
    fs.rmSync(tmp.dir, { recursive: true, force: true });
  }
}
