// Issue 7: the parallel, incremental build gives the same bytes as the
// stage-by-stage, single-threaded build without cache, through a history of
// edits (first build, no-op rebuild, one article added, one edited, a corrupt
// cache, a touched corpus). Every file of the releases and of the interim folder
// is compared. No timing assertion: speed is measured with `npm run bench`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildData, type BuildOptions, type BuildSummary } from "../pipeline/bin/build-data.js";
import { archived, corpusWithProblems, addGeneratedArticle } from "./helpers/corpus.js";
import { generateDoc, sourcesLine } from "../pipeline/bench/corpus.js";
import { parseDocPayload } from "../pipeline/parallel/docs.js";

const N = 40;
let tmp: string;

/** Every file under `dir` (relative path -> bytes), recursively; `skip` names top-level entries left out. */
function files(dir: string, skip: string[] = []): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (!rel && skip.includes(e.name)) continue;
      if (e.isDirectory()) walk(r);
      else out.set(r, fs.readFileSync(path.join(dir, r)));
    }
  };
  walk("");
  return out;
}

function expectSameTree(a: string, b: string, skip: string[] = []): void {
  const fa = files(a, skip);
  const fb = files(b, skip);
  expect([...fa.keys()].sort()).toEqual([...fb.keys()].sort());
  for (const [name, bytes] of fa) expect(bytes.equals(fb.get(name)!), `${name} differs`).toBe(true);
}

/** Two corpus folders given the same edits; A is built with cache and workers, B stage by stage. */
interface Pair {
  a: { data: string; dist: string };
  b: { data: string; dist: string };
}

let pair: Pair;
// minParallelTasks 0: the worker threads start however few documents there are, so they are tested.
const fast: Partial<BuildOptions> = { workers: 2, cache: true, minParallelTasks: 0 };
const reference: Partial<BuildOptions> = { stages: true };

async function buildBoth(): Promise<[BuildSummary, BuildSummary]> {
  const sa = await buildData({ ...pair.a, strict: false, ...fast });
  const sb = await buildData({ ...pair.b, strict: false, ...reference });
  return [sa, sb];
}

const counts = (s: BuildSummary) => ({ ...s, lines: [], cache: undefined, release: undefined, threadSeconds: undefined });

/** A build-state.json gone: the next build cannot be a no-op and goes through the cache. */
const forgetState = () => fs.rmSync(path.join(pair.a.data, "interim", "cache", "build-state.json"), { force: true });

function expectSameOutputs(): void {
  expectSameTree(pair.a.dist, pair.b.dist);
  // interim/: the same files, but A also has its cache folder.
  expectSameTree(path.join(pair.a.data, "interim"), path.join(pair.b.data, "interim"), ["cache"]);
}

/** Applies an edit to both corpus folders. */
function edit(fn: (data: string) => void): void {
  fn(pair.a.data);
  fn(pair.b.data);
}

const addArticle = (data: string, index: number) => addGeneratedArticle(data, 4242, index);

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "incremental-"));
  // An unreadable row and an unlisted file: problems must come out the same too.
  pair = { a: corpusWithProblems(path.join(tmp, "a"), N), b: corpusWithProblems(path.join(tmp, "b"), N) };
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("parallel incremental build vs stage-by-stage build", () => {
  it("first build: same interim files and release", async () => {
    const [sa, sb] = await buildBoth();
    expect(sa.cache).toMatchObject({ nothing: false, filesRead: N, cleanHits: 0, extractHits: 0 });
    expect(sb.cache).toBeUndefined();
    expect(counts(sa)).toEqual(counts(sb));
    expect(sa.problems).toBe(2);
    expectSameOutputs();
  });

  it("no-op rebuild: nothing recomputed, summary and files unchanged", async () => {
    const before = files(pair.a.dist);
    const [sa, sb] = await buildBoth();
    expect(sa.cache?.nothing).toBe(true);
    expect(sa.release).toMatch(/^unchanged: /);
    expect(counts(sa)).toEqual(counts(sb));
    expect(sa.release.replace(pair.a.dist, "DIST")).toBe(sb.release.replace(pair.b.dist, "DIST"));
    expectSameTree(pair.a.dist, pair.b.dist);
    expect([...files(pair.a.dist)].every(([n, b]) => before.get(n)?.equals(b))).toBe(true);
  });

  it("no-op rebuild: a latest/ file edited or replaced since is noticed and restored", async () => {
    const latestCsv = path.join(pair.a.dist, "latest", "claims.csv");
    const good = fs.readFileSync(latestCsv);
    // Same size, so only the stamps (mtime, ctime) tell.
    const bad = Buffer.from(good);
    bad[bad.length - 2] = bad[bad.length - 2] === 0x78 ? 0x79 : 0x78;
    fs.writeFileSync(latestCsv, bad);
    let sa = await buildData({ ...pair.a, strict: false, ...fast });
    expect(sa.cache?.nothing).toBe(true);
    expect(fs.readFileSync(latestCsv).equals(good)).toBe(true);
    // Replaced by another file (new inode) with the same bytes as the version: still a copy, left as is or recopied.
    fs.rmSync(latestCsv);
    fs.writeFileSync(latestCsv, good);
    sa = await buildData({ ...pair.a, strict: false, ...fast });
    expect(sa.cache?.nothing).toBe(true);
    expectSameTree(pair.a.dist, pair.b.dist);
  });

  it("adding one article cleans and extracts only that article", async () => {
    edit((d) => addArticle(d, 7));
    const [sa] = await buildBoth();
    // The others' interim bytes are copied from the previous files (cache/ledger.ts).
    expect(sa.cache).toMatchObject({ nothing: false, filesRead: 1, cleanHits: N, extractHits: N, copied: N });
    expect(sa.release).toMatch(/^published 1\.1\.0/);
    // The CSV rows of the other articles were copied from 1.0.0's files (publish/csv-splice.ts), and still equal B's rendering.
    expect(sa.release).toMatch(/; CSV rows copied from 1\.0\.0: \d+ of \d+ claims, \d+ of \d+ documents$/);
    expectSameOutputs();
  });

  it("editing one article's bytes and one manifest row recomputes those only", async () => {
    edit((d) => {
      const f = path.join(d, "raw", "added-7.txt");
      fs.writeFileSync(f, fs.readFileSync(f, "utf8").replace(/\./, ". Phrase ajoutée."));
      const m = path.join(d, "sources.csv");
      const lines = fs.readFileSync(m, "utf8").split("\n");
      lines[1] = lines[1]!.replace(/,fr$/, ",fr").replace(/^([^,]+),([^,]+),([^,]+),/, "$1,$2,Éditeur corrigé,");
      fs.writeFileSync(m, lines.join("\n"));
      archived(f, m);
    });
    const [sa] = await buildBoth();
    // One file read (the edited one); the row whose publisher changed keeps its cleaned text but is extracted again.
    expect(sa.cache).toMatchObject({ filesRead: 1, cleanHits: N, extractHits: N - 1, copied: N - 1 });
    expectSameOutputs();
  });

  it("a corrupt cache is recomputed, never trusted", async () => {
    const cache = path.join(pair.a.data, "interim", "cache");
    for (const name of ["clean.pack", "docs.pack"]) {
      const f = path.join(cache, name);
      const bytes = fs.readFileSync(f);
      // Flip bytes inside payloads all along the pack; cut the last record in half.
      for (let i = 200; i < bytes.length; i += 997) bytes[i] = bytes[i]! ^ 0x20;
      fs.writeFileSync(f, bytes.subarray(0, bytes.length - 50));
    }
    fs.writeFileSync(path.join(cache, "files.json"), "{not json");
    // Without its ledger, the build cannot copy the previous interim files and reads the packs.
    fs.writeFileSync(path.join(cache, "ledger.json"), "{not json");
    forgetState();
    const [sa] = await buildBoth();
    expect(sa.cache!.filesRead).toBe(N + 1);
    expect(sa.cache!.copied).toBe(0);
    expect(sa.cache!.corrupt).toBeGreaterThan(0);
    expectSameOutputs();
    // And the cache it rewrote is whole again.
    forgetState();
    const [again] = await buildBoth();
    expect(again.cache).toMatchObject({ filesRead: 0, cleanHits: N + 1, extractHits: N + 1, corrupt: 0, copied: N + 1 });
    expectSameOutputs();
  });

  it("a ledger that does not tile the interim files is not used", async () => {
    const file = path.join(pair.a.data, "interim", "cache", "ledger.json");
    const ledger = JSON.parse(fs.readFileSync(file, "utf8")) as { docs: [string, string, unknown, unknown, number, number, number, number[]][] };
    // One document's clean.jsonl bytes one too many: every later offset would be off by one.
    ledger.docs[3]![7][0]! += 1;
    fs.writeFileSync(file, JSON.stringify(ledger));
    forgetState();
    const [sa] = await buildBoth();
    expect(sa.cache).toMatchObject({ filesRead: 0, copied: 0, cleanHits: N + 1, extractHits: N + 1 });
    expectSameOutputs();
  });

  it("a ledger of the wrong shape is ignored, never a crash", async () => {
    const file = path.join(pair.a.data, "interim", "cache", "ledger.json");
    const shapes: ((first: unknown[]) => unknown[])[] = [
      () => [5],
      () => [["only-an-id"]],
      (first) => [[...first.slice(0, 7), (first[7] as number[]).map(String)]],
      (first) => [[first[0], first[1], "not a list", ...first.slice(3)]],
    ];
    for (const shape of shapes) {
      // The stamps of the files there now (each build rewrites them), so only the entries are wrong.
      const good = JSON.parse(fs.readFileSync(file, "utf8")) as { stamps: unknown[]; docs: unknown[][] };
      fs.writeFileSync(file, JSON.stringify({ ...good, docs: shape(good.docs[0]!) }));
      forgetState();
      const [sa] = await buildBoth();
      expect(sa.cache).toMatchObject({ filesRead: 0, copied: 0 });
      expectSameOutputs();
    }
  });

  it("adding an article before the others copies their bytes around it", async () => {
    edit((data) => {
      const d = generateDoc(4242, 77);
      const source = { ...d.source, doc_id: "0-first", file: "raw/0-first.txt" };
      fs.writeFileSync(path.join(data, source.file), d.bytes);
      fs.appendFileSync(path.join(data, "sources.csv"), sourcesLine(source));
      archived(path.join(data, source.file), path.join(data, "sources.csv"));
    });
    const [sa] = await buildBoth();
    expect(sa.cache).toMatchObject({ filesRead: 1, copied: N + 1 });
    expectSameOutputs();
  });

  it("a document kept with a problem reports it again when its bytes are copied", async () => {
    edit((data) => {
      // Nothing but a share widget: cleaning empties it, and the document is kept with a problem.
      fs.writeFileSync(path.join(data, "raw", "empty.txt"), "Partager sur Facebook\nPartager sur X\n");
      fs.appendFileSync(path.join(data, "sources.csv"), "empty-doc,raw/empty.txt,X,,2024-11-02,fr\n");
      archived(path.join(data, "raw", "empty.txt"), path.join(data, "sources.csv"));
    });
    const [first, firstRef] = await buildBoth();
    expect(counts(first)).toEqual(counts(firstRef));
    edit((data) => addArticle(data, 31));
    const [sa, sb] = await buildBoth();
    expect(sa.cache).toMatchObject({ filesRead: 1, copied: N + 3 });
    expect(counts(sa)).toEqual(counts(sb));
    expect(sa.problems).toBe(first.problems);
    expectSameOutputs();
    expect(fs.readFileSync(path.join(pair.a.data, "interim", "problems.clean.jsonl"), "utf8")).toContain("empty-doc");
  });

  it("removing an article from the manifest copies the others around its bytes", async () => {
    edit((data) => {
      const m = path.join(data, "sources.csv");
      const lines = fs.readFileSync(m, "utf8").split("\n");
      // A row in the middle: the ranges before and after it are no longer contiguous.
      lines.splice(Math.floor(N / 2), 1);
      fs.writeFileSync(m, lines.join("\n"));
      archived(m);
    });
    const [sa] = await buildBoth();
    expect(sa.cache).toMatchObject({ filesRead: 0, copied: N + 3 });
    expectSameOutputs();
  });

  it("same bytes in-process without cache (--workers 1 --no-cache)", async () => {
    edit((d) => addArticle(d, 9));
    const s = await buildData({ ...pair.a, strict: false, workers: 1, cache: false });
    expect(s.cache).toMatchObject({ filesRead: N + 4, cleanHits: 0, extractHits: 0, copied: 0 });
    await buildData({ ...pair.b, strict: false, ...reference });
    expectSameOutputs();
  });

  it("an interim file rewritten by a stage script run alone is noticed", async () => {
    const { runExtract } = await import("../pipeline/bin/extract.js");
    await runExtract({ data: pair.a.data });
    const [sa] = await buildBoth();
    expect(sa.cache?.nothing).toBe(false);
    // The ledger describes the claims.jsonl that was replaced: nothing is copied.
    expect(sa.cache?.copied).toBe(0);
    expectSameOutputs();
  });
});

describe("cached extract payloads (docs.pack)", () => {
  const claim = JSON.stringify({ claim_id: "a".repeat(16) });
  const header = (c: number, v: number, r: number) => JSON.stringify({ u: null, c, v, r });

  it("take a valid line that repeats a claims line as =n, n one of the document's claims", () => {
    expect(parseDocPayload([header(2, 2, 0), claim, claim, "=1", "=0"].join("\n"))).toHaveLength(5);
    expect(parseDocPayload([header(1, 1, 0), claim, claim].join("\n"))).toHaveLength(3);
  });

  it("are refused when a reference names no claims line, or the counts do not match the lines", () => {
    for (const bad of ["=1", "=01", "=-1", "=x", "=", "=1e0"]) expect(parseDocPayload([header(1, 1, 0), claim, bad].join("\n")), bad).toBeNull();
    expect(parseDocPayload([header(1, 1, 0), claim].join("\n"))).toBeNull();
    expect(parseDocPayload([JSON.stringify({ u: "en", c: 0, v: 0, r: 0 }), claim].join("\n"))).toBeNull();
    expect(parseDocPayload("{not json")).toBeNull();
  });
});
