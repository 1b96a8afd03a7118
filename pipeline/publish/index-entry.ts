// One version's entry of DIST/index.json, read back from its folder (row counts from its
// Arrow files, change counts from CHANGES.csv). Apart from dist-store.ts because it loads
// Arrow and papaparse, which updateIndex needs only for a folder index.json does not list.
import fs from "node:fs";
import path from "node:path";
import { tableFromIPC } from "apache-arrow";
import Papa from "papaparse";
import { versionDir, type IndexEntry } from "./dist-store.js";

function countLines(file: string): number {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").filter((l) => l !== "").length : 0;
}

function csvRows(file: string): Record<string, string>[] {
  if (!fs.existsSync(file)) return [];
  return Papa.parse<Record<string, string>>(fs.readFileSync(file, "utf8"), { header: true, skipEmptyLines: true }).data;
}

/** What index.json says about one version, read back from its folder. */
export function indexEntry(dist: string, version: string): IndexEntry {
  const dir = versionDir(dist, version);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "datapackage.json"), "utf8")) as { created: string };
  const changes = csvRows(path.join(dir, "CHANGES.csv"));
  const count = (kind: string) => changes.filter((c) => c.change === kind).length;
  return {
    version,
    created: pkg.created,
    path: `v${version}/`,
    claims: tableFromIPC(fs.readFileSync(path.join(dir, "claims.arrow"))).numRows,
    documents: tableFromIPC(fs.readFileSync(path.join(dir, "documents.arrow"))).numRows,
    rejected: countLines(path.join(dir, "rejected.jsonl")),
    problems: csvRows(path.join(dir, "problems.csv")).length,
    added: count("added"),
    changed: count("changed"),
    removed: count("removed"),
  };
}
