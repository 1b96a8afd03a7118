// Issue 6: the clean stage survives bad data and loses nothing. Each hostile
// input of test/fixtures/hostile/make.ts goes through runClean on a generated
// corpus; every outcome is checked with its message.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runClean, type CleanSummary } from "../pipeline/bin/clean.js";
import type { CleanedDoc, Problem } from "../pipeline/types.js";
import { lineOf, makeHostileCorpus, ROWS } from "./fixtures/hostile/make.js";

let root: string;
let corpus: string;
let summary: CleanSummary;
const printed: string[] = [];
const docs = new Map<string, CleanedDoc>();
let problemsFile: Problem[];

const interim = (name: string) => path.join(corpus, "interim", name);
const readJsonl = <T>(file: string): T[] =>
  fs.readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as T);

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "hostile-"));
  corpus = makeHostileCorpus(root);
  summary = await runClean({ data: corpus, log: (l) => printed.push(l) });
  for (const d of readJsonl<CleanedDoc>(interim("clean.jsonl"))) docs.set(d.doc_id, d);
  problemsFile = readJsonl<Problem>(interim("problems.clean.jsonl"));
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** The one problem about the manifest row of `docId` (by line), checked in all three places it appears. */
function problemOf(docId: string, line = lineOf(docId)): Problem {
  const found = summary.problems.filter((p) => p.line === line);
  expect(found, `problems for line ${line}`).toHaveLength(1);
  const p = found[0]!;
  expect(problemsFile).toContainEqual(p);
  expect(printed).toContain(`${p.file ?? "-"}: ${p.doc_id ?? "-"}: ${p.reason}`.replace(/\u0007/g, "\\u0007"));
  return p;
}

function expectNotBuilt(docId: string, reason: string, stage: Problem["stage"] = "read") {
  const p = problemOf(docId);
  expect(p).toMatchObject({ stage, doc_id: docId, file: ROWS[lineOf(docId) - 2]!.file });
  expect(p.reason).toBe(reason);
  expect(docs.has(docId)).toBe(false);
}

function expectRowRejected(line: number, reason: string) {
  const p = summary.problems.find((q) => q.line === line);
  expect(p, `problem for line ${line}`).toBeDefined();
  expect(p!.stage).toBe("manifest");
  expect(p!.reason).toBe(`sources.csv line ${line}: ${reason}`);
  expect(problemsFile).toContainEqual(p);
}

describe("hostile corpus through runClean: files", () => {
  it("refuses an empty file", () => expectNotBuilt("empty", "empty file; document not built"));

  it("refuses a whitespace-only file", () => expectNotBuilt("blank", "no text (whitespace only); document not built"));

  it("refuses a PNG renamed .txt", () => expectNotBuilt("png", "binary file (PNG image?); document not built"));

  it("refuses the 50 MB file by its size", () =>
    expectNotBuilt("big", "file too large: 50.0 MB (52428800 bytes), the limit is 10.0 MB; document not built"));

  it("reports a listed file that does not exist", () =>
    expectNotBuilt("missing", "file not found: raw/missing.txt; document not built"));

  it("refuses a directory listed as a file", () => expectNotBuilt("directory", "is a directory, not a file; document not built"));

  it("refuses a FIFO without blocking on it", () =>
    expectNotBuilt("fifo", "not a regular file (device, FIFO or socket); document not built"));

  it("refuses a symlink that leads outside the corpus folder", () =>
    expectNotBuilt("escape-symlink", "file raw/link-out.txt resolves outside the corpus folder (symlink?); not read; document not built"));

  it("refuses a path through a symlinked folder that leads outside the corpus folder", () =>
    expectNotBuilt("escape-dirlink", "file elsewhere/secret.txt resolves outside the corpus folder (symlink?); not read; document not built"));

  it("reports a file no manifest row lists, and builds nothing from it", () => {
    const p = summary.problems.filter((q) => q.file === "raw/unlisted.txt");
    expect(p).toEqual([{ stage: "read", doc_id: null, file: "raw/unlisted.txt", line: null, reason: "raw/unlisted.txt is not listed in sources.csv; not built" }]);
    expect(printed).toContain("raw/unlisted.txt: -: raw/unlisted.txt is not listed in sources.csv; not built");
    expect([...docs.values()].some((d) => d.text.includes("le manifeste ne cite pas"))).toBe(false);
  });

  it("does not report dot-files, the manifest or interim/ as unlisted", () => {
    expect(summary.problems.filter((p) => p.line === null).map((p) => p.file)).toEqual(["raw/unlisted.txt"]);
  });

  it("keeps an article with one invalid UTF-8 byte, replaced and recorded", () => {
    const d = docs.get("bad-utf8")!;
    expect(d.encoding).toBe("utf-8 (with 1 invalid byte replaced)");
    expect(d.text).toContain("\uFFFDplusieurs milliers");
    expect(d.text.replace("\uFFFD", "")).toBe(docs.get("good")!.text);
  });
});

describe("hostile corpus through runClean: decodable twins clean to the same text", () => {
  it.each([
    ["cp1252", "cp1252-twin", "windows-1252"],
    ["latin1", "good", "iso-8859-1"],
    ["utf16le", "good", "utf-16le"],
    ["utf16be", "good", "utf-16be"],
    ["bom-crlf", "good", "utf-8"],
  ])("%s reads as its UTF-8 twin %s", (docId, twin, encoding) => {
    const d = docs.get(docId)!;
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(docs.get(twin)!.text);
    expect(d.text.length).toBeGreaterThan(300);
  });

  it("an HTML page yields the body sentences of its twin, without page chrome", () => {
    const d = docs.get("html")!;
    expect(d.encoding).toBe("utf-8+html");
    const sentences = docs.get("good")!.text.split(/(?<=[.»])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
    expect(sentences.length).toBeGreaterThan(5);
    for (const s of sentences) expect(d.text).toContain(s);
    for (const noise of ["Accueil", "Abonnez-vous", "Tous droits réservés", "Lire aussi", "font-family", "<p>"]) {
      expect(d.text).not.toContain(noise);
    }
  });
});

describe("hostile corpus through runClean: manifest rows", () => {
  it("keeps the first of two rows with one doc_id and rejects the second", () => {
    expectRowRejected(16, 'duplicate doc_id "good" (first on line 2, which is kept); row rejected');
    expect(docs.get("good")!.file).toBe("raw/good.txt");
    expect([...docs.values()].some((d) => d.text.includes("doc_id déjà pris"))).toBe(false);
  });

  it("rejects ../../etc/passwd", () =>
    expectRowRejected(lineOf("escape-dotdot"), 'file "../../etc/passwd" escapes the corpus folder (..); row rejected'));

  it("rejects an absolute path", () =>
    expectRowRejected(lineOf("escape-absolute"), 'file "/etc/passwd" is an absolute path: it must be relative to the corpus folder; row rejected'));

  it("rejects a doc_id with a slash", () => expectRowRejected(lineOf("a/b"), 'doc_id "a/b" contains a slash; row rejected'));

  it("rejects a doc_id with a control character, escaped in the message and on the terminal", () => {
    expectRowRejected(lineOf("bell\u0007id"), 'doc_id "bell\\u0007id" contains control characters; row rejected');
    expect(printed.join("\n")).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it("rejects published_at 2024-13-45 and 2024-02-30", () => {
    expectRowRejected(lineOf("bad-date"), 'invalid published_at "2024-13-45": expected a real date YYYY-MM-DD; row rejected');
    expectRowRejected(lineOf("feb-30"), 'invalid published_at "2024-02-30": expected a real date YYYY-MM-DD; row rejected');
  });

  it("rejects an unsupported language and keeps an English one", () => {
    expectRowRejected(lineOf("german"), 'unsupported language "de" (supported: fr, en); row rejected');
    expect(docs.get("english")!.language).toBe("en");
  });

  it("keeps a document whose url is malformed, with url null and a problem", () => {
    expectRowRejected(lineOf("bad-url"), 'malformed url "javascript:alert(1)": only absolute http(s) URLs are kept; url recorded as null, document kept');
    expect(docs.get("bad-url")!.url).toBeNull();
  });

  it("records an empty publisher as unknown", () => {
    expect(docs.get("good")).toMatchObject({ publisher: "unknown", url: "https://example.org/article?id=1" });
  });
});

describe("hostile corpus through runClean: nothing lost, nothing leaked", () => {
  it("accounts for every manifest row: built or reported", () => {
    ROWS.forEach((row, i) => {
      const line = i + 2;
      const built = docs.get(row.doc_id);
      const reported = summary.problems.some((p) => p.line === line);
      expect(built !== undefined && lineOf(row.doc_id) === line || reported, `line ${line} (${row.doc_id})`).toBe(true);
    });
  });

  it("reads nothing outside the corpus folder", () => {
    const out = fs.readFileSync(interim("clean.jsonl"), "utf8");
    expect(out).not.toContain("SECRET");
    expect(out).not.toContain("root:");
  });

  it("gives the figures: documents read, cleaned, problems", () => {
    expect({ read: summary.read, cleaned: summary.cleaned, problems: summary.problems.length }).toEqual({ read: 14, cleaned: 11, problems: 19 });
    expect([...docs.keys()].sort()).toEqual(
      ["bad-url", "bad-utf8", "bom-crlf", "cp1252", "cp1252-twin", "english", "good", "html", "latin1", "utf16be", "utf16le"],
    );
    expect(problemsFile).toEqual(summary.problems);
  });

  it("writes clean.jsonl sorted by doc_id with the raw bytes' sha256 and size", async () => {
    const ids = readJsonl<CleanedDoc>(interim("clean.jsonl")).map((d) => d.doc_id);
    expect(ids).toEqual([...ids].sort());
    const { createHash } = await import("node:crypto");
    const raw = fs.readFileSync(path.join(corpus, "raw/utf16le.txt"));
    expect(docs.get("utf16le")).toMatchObject({ raw_bytes: raw.length, raw_sha256: createHash("sha256").update(raw).digest("hex") });
  });

  it("leaves no temporary file behind and gives the same bytes on a rerun", async () => {
    expect(fs.readdirSync(path.join(corpus, "interim")).sort()).toEqual(["clean.jsonl", "problems.clean.jsonl"]);
    const before = [fs.readFileSync(interim("clean.jsonl")), fs.readFileSync(interim("problems.clean.jsonl"))];
    await runClean({ data: corpus, log: () => {} });
    expect(fs.readFileSync(interim("clean.jsonl")).equals(before[0]!)).toBe(true);
    expect(fs.readFileSync(interim("problems.clean.jsonl")).equals(before[1]!)).toBe(true);
  });
});
