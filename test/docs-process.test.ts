// Issue 7: from 20,000 manifest rows build-data runs its docs pass (clean, extract,
// validate) in a child process, so that publish's memory peak does not stack on what
// the pass leaves behind. The child must give the same files, summary and cache as the
// pass run in this process, and report its errors the same way.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildData, DOCS_PROCESS_MIN_ROWS, useDocsProcess, type BuildOptions, type BuildSummary } from "../pipeline/bin/build-data.js";
import { writeCorpus } from "../pipeline/bin/bench.js";
import { corpusWithProblems, addGeneratedArticle } from "./helpers/corpus.js";
import { UserError } from "../pipeline/bin/cli.js";
import { snapshot } from "./helpers/tree.js";
import { childPids } from "../pipeline/proc.js";

const N = 30;
let tmp: string;
let child: { data: string; dist: string };
let here: { data: string; dist: string };

// minParallelTasks 0: the worker threads start, inside the child too.
const opts: Partial<BuildOptions> = { workers: 2, cache: true, minParallelTasks: 0 };
const counts = (s: BuildSummary) => ({ ...s, lines: [], release: undefined, docsProcess: undefined, threadSeconds: undefined });

function expectSameTree(a: string, b: string, skip: (name: string) => boolean = () => false): void {
  const fa = snapshot(a);
  const fb = snapshot(b);
  const keep = (m: Map<string, Buffer>) => [...m.keys()].filter((k) => !skip(k)).sort();
  expect(keep(fa)).toEqual(keep(fb));
  for (const name of keep(fa)) expect(fa.get(name)!.equals(fb.get(name)!), `${name} differs`).toBe(true);
}

const addArticle = (data: string, index: number) => addGeneratedArticle(data, 777, index);

/** The pid of this process's child running docs-pass, polled for up to `ms`; null if none appeared. */
async function docsPassChild(ms: number): Promise<number | null> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    for (const pid of childPids(process.pid)) {
      try {
        if (fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("docs-pass")) return pid;
      } catch {
        // Gone meanwhile.
      }
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return null;
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "docs-process-"));
  // A row whose file is missing and a file no row lists: problems must cross from the child too.
  child = corpusWithProblems(path.join(tmp, "child"), N);
  here = corpusWithProblems(path.join(tmp, "here"), N);
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("docs pass in a child process", () => {
  it("gives the same summary, interim files, cache and release as in this process", async () => {
    const lines: string[] = [];
    const a = await buildData({ ...child, strict: false, ...opts, docsProcess: true }, (l) => lines.push(l));
    const b = await buildData({ ...here, strict: false, ...opts, docsProcess: false });
    expect(lines.find((l) => l.startsWith("[docs"))).toMatch(/2 workers in a child process \(peak RSS \d+ MB, CPU \d+\.\d\d s\)/);
    expect(b.lines.join("\n")).not.toContain("child process");
    expect(a.docsProcess?.peakRssBytes).toBeGreaterThan(0);
    expect(b.docsProcess).toBeUndefined();
    expect(a.problems).toBe(2);
    expect(counts(a)).toEqual(counts(b));
    expectSameTree(child.dist, here.dist);
    // The cache too (its packs and documents table), but for the files that record this folder's stamps and inodes.
    const stamped = /(?:build-state|files|outputs|ledger)\.json$|\.idx$/;
    expectSameTree(path.join(child.data, "interim"), path.join(here.data, "interim"), (n) => stamped.test(n));
    expect(snapshot(path.join(child.data, "interim")).has("cache/docs.pack")).toBe(true);
    // What the child read is recorded for the no-op check: building again changes nothing.
    const again = await buildData({ ...child, strict: false, ...opts, docsProcess: true });
    expect(again.cache?.nothing).toBe(true);
    expect(counts(again)).toEqual({ ...counts(a), cache: again.cache });
  });

  it("leaves a cache the next pass uses, in either process", async () => {
    addArticle(child.data, 1);
    addArticle(here.data, 1);
    const a = await buildData({ ...child, strict: false, ...opts, docsProcess: false });
    const b = await buildData({ ...here, strict: false, ...opts, docsProcess: true });
    expect(a.cache).toMatchObject({ nothing: false, filesRead: 1, cleanHits: N, extractHits: N });
    expect(b.cache).toMatchObject({ nothing: false, filesRead: 1, cleanHits: N, extractHits: N });
    expectSameTree(child.dist, here.dist);
  });

  it("reports a user error with the same message as in this process, and writes no release", async () => {
    const empty = path.join(tmp, "no-manifest");
    fs.mkdirSync(empty);
    const run = (docsProcess: boolean) => buildData({ data: empty, dist: path.join(tmp, `no-manifest-dist-${docsProcess}`), strict: false, ...opts, docsProcess });
    const inHere = await run(false).catch((e: unknown) => e);
    const inChild = await run(true).catch((e: unknown) => e);
    expect(inHere).toBeInstanceOf(UserError);
    expect(inChild).toBeInstanceOf(UserError);
    expect((inChild as Error).message).toBe((inHere as Error).message);
    expect(fs.existsSync(path.join(tmp, "no-manifest-dist-true", "latest"))).toBe(false);
  });

  it("is the default from DOCS_PROCESS_MIN_ROWS manifest rows, and can be forced either way", () => {
    const dir = path.join(tmp, "rows");
    fs.mkdirSync(dir);
    const manifest = (rows: number) => fs.writeFileSync(path.join(dir, "sources.csv"), "doc_id,file,publisher,url,published_at,language\n" + "x,raw/x.txt,P,,2024-11-01,fr\n".repeat(rows));
    manifest(DOCS_PROCESS_MIN_ROWS - 1);
    expect(useDocsProcess({ data: dir })).toBe(false);
    expect(useDocsProcess({ data: dir, docsProcess: true })).toBe(true);
    manifest(DOCS_PROCESS_MIN_ROWS);
    expect(useDocsProcess({ data: dir })).toBe(true);
    expect(useDocsProcess({ data: dir, docsProcess: false })).toBe(false);
    expect(useDocsProcess({ data: path.join(tmp, "absent") })).toBe(false);
  });

  it("a docs pass killed midway fails the build with its reason, and the published release stays as it was", async () => {
    const root = path.join(tmp, "killed");
    const data = path.join(root, "corpus");
    const dist = path.join(root, "dist");
    writeCorpus(data, 400);
    await buildData({ data, dist, strict: false, workers: 1, docsProcess: false });
    const before = snapshot(dist);
    addArticle(data, 2);
    // No cache: the child recomputes every document, which leaves time to find and kill it.
    const build = buildData({ data, dist, strict: false, workers: 1, cache: false, docsProcess: true }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    const pid = await docsPassChild(30_000);
    expect(pid, "the docs pass's process was found").not.toBeNull();
    process.kill(pid!, "SIGKILL");
    const err = await build;
    expect(err?.message).toMatch(/docs pass's process was killed by SIGKILL before it finished/);
    const after = snapshot(dist);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), `${name} changed`).toBe(true);
  });

  it("refuses to run when started by hand rather than by build-data", () => {
    const r = spawnSync(process.execPath, [path.resolve("pipeline/bin/run.mjs"), "docs-pass"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("not by hand");
  });
});
