// The validate script: stage mode in-process (runValidate), user mode on CSV as a
// child process exactly as a user runs it, and on JSONL and Arrow files.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { Table, tableToIPC, vectorFromArray, DataType } from "apache-arrow";
import { afterAll, describe, expect, it } from "vitest";
import { runUserMode, runValidate } from "../pipeline/bin/validate.js";
import { arrowSchema } from "../pipeline/schema/arrow.js";
import { encodeCsv } from "../pipeline/schema/csv.js";
import { claimSchema } from "../pipeline/schema/schemas.js";
import { goldClaims } from "./fixtures/hostile-records/gold-claims.js";

const gold = goldClaims();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "validate-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const readJsonl = (file: string) =>
  fs.readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe("stage mode: runValidate", () => {
  it("puts every input line in exactly one of valid.jsonl and rejected.jsonl", async () => {
    const data = path.join(tmp, "stage");
    fs.mkdirSync(path.join(data, "interim"), { recursive: true });
    const bad = { ...gold[3]!, count_low: 1 };
    const lines = [...gold.map((c) => JSON.stringify(c)), "{not json", JSON.stringify(bad), ""];
    // The blank line in the middle counts: a stage must not write one, so it is shown, not skipped.
    fs.writeFileSync(path.join(data, "interim", "claims.jsonl"), lines.join("\n") + "\n" + JSON.stringify(gold[0]) + "\n");

    const s = await runValidate({ data, strict: false });
    expect(s).toMatchObject({ input: gold.length + 4, valid: gold.length, rejected: 4, exitCode: 0 });
    expect(readJsonl(path.join(data, "interim", "valid.jsonl"))).toEqual(gold);

    const rejected = readJsonl(path.join(data, "interim", "rejected.jsonl"));
    expect(rejected.map((r) => Object.keys(r))).toEqual(Array(4).fill(["doc_id", "record", "errors"]));
    expect(rejected[0]).toMatchObject({ doc_id: null, record: "{not json", errors: [{ pointer: "", message: expect.stringMatching(/^line 37: not JSON/) }] });
    expect(rejected[1]).toMatchObject({ doc_id: bad.doc_id, record: bad, errors: [{ pointer: "/count_low" }] });
    expect(rejected[2]).toMatchObject({ doc_id: null, record: "", errors: [{ message: expect.stringMatching(/^line 39: /) }] });
    expect(rejected[3]).toMatchObject({ doc_id: gold[0]!.doc_id, errors: [{ pointer: "/claim_id" }] });

    expect((await runValidate({ data, strict: true })).exitCode).toBe(1);
  });
});

describe("user mode", () => {
  it("passes a CSV written by the codec (child process, exit 0)", () => {
    const file = path.join(tmp, "good.csv");
    fs.writeFileSync(file, encodeCsv(gold));
    const r = spawnSync("npx", ["tsx", "pipeline/bin/validate.ts", file], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`${file}: csv, ${gold.length} claims rows (row 1 is the header), ${gold.length} valid, no problems`);
  });

  it("names the bad rows and columns of a corrupted CSV and exits 1 (child process)", () => {
    const parsed = Papa.parse<Record<string, string>>(encodeCsv(gold), { header: true, skipEmptyLines: true });
    const rows = parsed.data;
    rows[0]!.measure = "deploy"; // CSV row 2
    rows[3]!.count = "2 600"; // row 5
    rows[6]!.published_at = "2024-10-32"; // row 8
    const columns = parsed.meta.fields!.filter((c) => c !== "extractor_version").concat("confidence");
    const file = path.join(tmp, "bad.csv");
    fs.writeFileSync(file, Papa.unparse(rows.map((r) => ({ ...r, confidence: "high" })), { columns }));

    const r = spawnSync("npx", ["tsx", "pipeline/bin/validate.ts", file], { encoding: "utf8" });
    expect(r.status).toBe(1);
    const out = r.stdout.trim().split("\n");
    expect(out).toEqual([
      `${file}:1:confidence: unknown column`,
      `${file}:1:extractor_version: missing column`,
      `${file}:2:measure: "deploy" is not one of "deployed", "planned", "training", "combat", "killed", "wounded", "killed_or_wounded", "captured"`,
      expect.stringMatching(new RegExp(`^${file}:5:count: must be integer, not "2 600"`)),
      `${file}:5:count: must be integer or null, not "2 600"`,
      `${file}:8:published_at: must match format "date"`,
      `${file}: csv, ${gold.length} claims rows (row 1 is the header), 0 valid, 6 problem(s)`,
    ]);
  });

  it("reports JSONL lines that are not JSON or not valid", () => {
    const file = path.join(tmp, "claims.jsonl");
    fs.writeFileSync(file, [JSON.stringify(gold[0]), "nope", JSON.stringify({ ...gold[1], span_end: 0 })].join("\n") + "\n");
    const out: string[] = [];
    expect(runUserMode(file, "claims", (l) => out.push(l))).toBe(1);
    expect(out.slice(0, 2)).toEqual([
      expect.stringMatching(new RegExp(`^${file}:2:: not JSON`)),
      `${file}:3:span_end: must be >= 1`,
    ]);
  });

  it("reads an Arrow IPC file (Date32 and List back to JSON) and names bad rows", () => {
    const schema = arrowSchema(claimSchema);
    const records = gold.map((c, i) => (i === 2 ? { ...c, statement_date: "2099-01-01" } : c)) as unknown as Record<string, unknown>[];
    const columns = Object.fromEntries(
      schema.fields.map((f) => [
        f.name,
        vectorFromArray(
          records.map((r) => (DataType.isDate(f.type) && r[f.name] !== null ? new Date(`${String(r[f.name])}T00:00:00Z`) : r[f.name])),
          f.type,
        ),
      ]),
    );
    const file = path.join(tmp, "claims.arrow");
    fs.writeFileSync(file, tableToIPC(new Table(columns), "file"));
    const out: string[] = [];
    expect(runUserMode(file, "claims", (l) => out.push(l))).toBe(1);
    expect(out).toEqual([
      `${file}:3:statement_date: statement_date 2099-01-01 is after published_at ${gold[2]!.published_at}`,
      `${file}: arrow, ${gold.length} claims rows, ${gold.length - 1} valid, 1 problem(s)`,
    ]);
  });
});
