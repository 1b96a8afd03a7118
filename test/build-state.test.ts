// Issue 7, the no-op rebuild (cache/state.ts, cache/stat-digest.ts): its two costs at
// 100,000 files, the stat of every listed file and the search for unlisted files, made
// cheaper without ever taking a changed corpus for an unchanged one.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildData } from "../pipeline/bin/build-data.js";
import { unchangedBuild } from "../pipeline/cache/state.js";
import { digestShares, statDigest, statShares, STAT_CHUNK, type StatWorkerStart } from "../pipeline/cache/stat-digest.js";
import { archived, corpusWithProblems } from "./helpers/corpus.js";
import { racyStamp, RACY_MS } from "../pipeline/corpus-files.js";

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "build-state-"));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const boot = new URL("../pipeline/parallel/boot.mjs", import.meta.url);
const statWorker: StatWorkerStart = { boot, entry: new URL("../pipeline/cache/stat-worker.ts", import.meta.url).href };

describe("statDigest: a worker thread stats a share of the files, the digest is the same", () => {
  let data: string;
  let files: string[];
  beforeAll(() => {
    data = path.join(tmp, "many");
    fs.mkdirSync(path.join(data, "raw", "sub"), { recursive: true });
    files = [];
    // Enough files for several shares, and every kind of line: stamps, a missing file, a folder, a link out, a lexical refusal.
    for (let i = 0; i < 2 * STAT_CHUNK + 300; i++) {
      const f = i % 7 === 0 ? `raw/sub/f${i}.txt` : `raw/f${i}.txt`;
      fs.writeFileSync(path.join(data, f), `article ${i}\n`);
      files.push(f);
    }
    fs.symlinkSync("/etc/hostname", path.join(data, "raw", "out.txt"));
    files.splice(100, 0, "raw/missing.txt", "raw/sub", "raw/out.txt", "../escape.txt", "raw/f5.txt");
  });

  it("gives the inline digest with a worker, and changes when one file does", async () => {
    const inline = await statDigest(data, files);
    expect(await statDigest(data, files, statWorker, 0)).toBe(inline);
    // Below the threshold no worker starts: same digest still.
    expect(await statDigest(data, files, statWorker)).toBe(inline);
    fs.appendFileSync(path.join(data, files[files.length - 1]!), "x");
    const after = await statDigest(data, files, statWorker, 0);
    expect(after).not.toBe(inline);
    expect(after).toBe(await statDigest(data, files));
  }, 60_000);

  it("the worker module stats the shares it takes as this thread does", async () => {
    const next = new Int32Array(new SharedArrayBuffer(4));
    const w = new Worker(boot, { workerData: { entry: statWorker.entry }, execArgv: [] });
    try {
      const answer = new Promise<Map<number, string>>((resolve, reject) => {
        w.once("message", resolve);
        w.once("error", reject);
      });
      w.postMessage({ data, files, next: next.buffer });
      // Alone, it takes every share.
      const theirs = await answer;
      expect([...theirs.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2]);
      expect(theirs).toEqual(statShares(data, files, new Int32Array(new SharedArrayBuffer(4))));
    } finally {
      await w.terminate();
    }
  }, 60_000);

  it("shares are hashed in file order whichever thread did them; a share nobody returned is stat'ed again", () => {
    const all = statShares(data, files, new Int32Array(new SharedArrayBuffer(4)));
    const expected = createHash("sha256").update([0, 1, 2].map((k) => all.get(k)).join("")).digest("hex");
    const only = (...keys: number[]) => new Map(keys.map((k) => [k, all.get(k)!]));
    const restated: number[] = [];
    const restat = (k: number) => (restated.push(k), all.get(k)!);
    expect(digestShares(3, [only(0, 2), only(1)], restat)).toBe(expected);
    expect(digestShares(3, [only(1), only(0, 2)], restat)).toBe(expected);
    expect(restated).toEqual([]);
    // The worker took share 1 and failed.
    expect(digestShares(3, [only(0, 2), new Map()], restat)).toBe(expected);
    expect(restated).toEqual([1]);
    expect(digestShares(3, [only(0), only(2)], () => "")).not.toBe(expected);
  });

  it("a worker that cannot start or fails changes nothing", async () => {
    const broken = path.join(tmp, "broken-worker.mjs");
    // Takes every share it can, then dies without answering.
    fs.writeFileSync(broken, `import { parentPort } from "node:worker_threads";\nparentPort.once("message", (job) => { const n = new Int32Array(job.next); while (Atomics.add(n, 0, 1) * ${STAT_CHUNK} < job.files.length); throw new Error("boom"); });\n`);
    const inline = await statDigest(data, files);
    expect(await statDigest(data, files, { file: broken }, 0)).toBe(inline);
    expect(await statDigest(data, files, { file: path.join(tmp, "no-such-worker.mjs") }, 0)).toBe(inline);
  }, 60_000);
});

describe("the unlisted files are not looked for again while no corpus folder changed", () => {
  let corpus: { data: string; dist: string };
  const statePath = () => path.join(corpus.data, "interim", "cache", "build-state.json");
  const readState = () => JSON.parse(fs.readFileSync(statePath(), "utf8")) as Record<string, unknown>;
  /** Rewrites the recorded state (its own stamp is not checked). */
  const patchState = (patch: Record<string, unknown>) => fs.writeFileSync(statePath(), JSON.stringify({ ...readState(), ...patch }));
  let recorded: Record<string, unknown>;

  beforeAll(async () => {
    corpus = corpusWithProblems(path.join(tmp, "folders"), 6);
    fs.mkdirSync(path.join(corpus.data, "raw", "sub"));
    await buildData({ ...corpus, strict: false, workers: 1, cache: true });
    recorded = readState();
  }, 60_000);

  it("records the stamp of every folder it read, and what the manifest lists beyond the files", () => {
    expect(Object.keys(recorded.folders as object).sort()).toEqual(["", "raw", "raw/sub"]);
    // The manifest row whose file is missing is among the files (its line says why it cannot be read).
    expect(recorded.listedAfterFiles).toEqual([]);
    expect(recorded.format).toBe(3);
  });

  it("folder stamps taken within two seconds of a change are not trusted: the folders are read again", async () => {
    // Just built: the corpus folders changed moments before their stamps were taken.
    patchState({ unlistedDigest: "0".repeat(64) });
    expect(await unchangedBuild(corpus.data, corpus.dist)).toBeNull();
    patchState({ unlistedDigest: recorded.unlistedDigest });
    expect(await unchangedBuild(corpus.data, corpus.dist)).not.toBeNull();
  });

  it("trusted, unchanged folder stamps stand for the list of unlisted files", async () => {
    // As if the stamps had been taken long after the folders last changed: the wrong digest is not even looked at.
    patchState({ foldersTakenMs: Date.now() + 3600_000, unlistedDigest: "0".repeat(64) });
    expect(await unchangedBuild(corpus.data, corpus.dist)).not.toBeNull();
  });

  it("a file added to or removed from any folder is noticed, however the stamps are trusted", async () => {
    patchState({ ...recorded, foldersTakenMs: Date.now() + 3600_000 });
    expect(await unchangedBuild(corpus.data, corpus.dist)).not.toBeNull();
    for (const rel of ["raw/sub/new.txt", "raw/new.txt", "new.txt"]) {
      const f = path.join(corpus.data, rel);
      fs.writeFileSync(f, "Un article que personne ne cite.\n");
      expect(await unchangedBuild(corpus.data, corpus.dist), rel).toBeNull();
      fs.rmSync(f);
      // Removed again: the folder's stamp has still changed, so the folders are read, and they hold what they held.
      expect(await unchangedBuild(corpus.data, corpus.dist), rel).not.toBeNull();
    }
    // A sub-folder removed and made again, empty: the stamps differ, the folders are read (and the wrong digest seen).
    fs.rmSync(path.join(corpus.data, "raw", "sub"), { recursive: true });
    fs.mkdirSync(path.join(corpus.data, "raw", "sub"));
    patchState({ ...recorded, foldersTakenMs: Date.now() + 3600_000, unlistedDigest: "0".repeat(64) });
    expect(await unchangedBuild(corpus.data, corpus.dist)).toBeNull();
  });

  it("an unlisted file in a new sub-folder makes the next build report it", async () => {
    patchState({ ...recorded });
    fs.mkdirSync(path.join(corpus.data, "raw", "late"));
    fs.writeFileSync(path.join(corpus.data, "raw", "late", "x.txt"), "Arrivé après.\n");
    const s = await buildData({ ...corpus, strict: false, workers: 1, cache: true });
    expect(s.cache?.nothing).toBe(false);
    expect(s.problems).toBe(3);
  }, 60_000);
});

describe("a stamp taken within two seconds of a change proves nothing (racyStamp)", () => {
  const ns = (ms: number) => `${BigInt(ms) * 1_000_000n}`;
  const stamp = (mtimeMs: number, ctimeMs: number) => ({ dev: 1, ino: 2, size: 3, mtimeNs: ns(mtimeMs), ctimeNs: ns(ctimeMs) });
  const taken = Date.UTC(2026, 11, 6, 12);

  it("is racy only when both times are that recent: a later change gives both times anew", () => {
    expect(racyStamp(stamp(taken - 100, taken - 100), taken)).toBe(true);
    expect(racyStamp(stamp(taken - RACY_MS, taken - RACY_MS), taken)).toBe(true);
    expect(racyStamp(stamp(taken - RACY_MS - 1, taken - RACY_MS - 1), taken)).toBe(false);
    // An archive's file copied in just now (old mtime, new ctime), or a time set in the future: a change still shows.
    expect(racyStamp(stamp(taken - 86_400_000, taken - 10), taken)).toBe(false);
    expect(racyStamp(stamp(taken + 86_400_000, taken - 86_400_000), taken)).toBe(false);
    // Both in the future (another machine's clock): never trusted.
    expect(racyStamp(stamp(taken + 5000, taken + 5000), taken)).toBe(true);
  });

  let corpus: { data: string; dist: string };
  beforeAll(async () => {
    corpus = corpusWithProblems(path.join(tmp, "racy"), 6);
    const first = await buildData({ ...corpus, strict: false, workers: 1, cache: true });
    expect(first.cache).toMatchObject({ nothing: false, filesRead: 6 });
  }, 60_000);

  const build = () => buildData({ ...corpus, strict: false, workers: 1, cache: true });
  const statePath = () => path.join(corpus.data, "interim", "cache", "build-state.json");
  const state = () => JSON.parse(fs.readFileSync(statePath(), "utf8")) as { racy: [string, string][] };
  const sha256 = (f: string) => createHash("sha256").update(fs.readFileSync(f)).digest("hex");

  it("a file changed just before the build is read again by the no-op check: only its bytes make the next build a no-op", async () => {
    expect((await build()).cache?.nothing).toBe(true);
    const name = fs.readdirSync(path.join(corpus.data, "raw")).find((f) => f.startsWith("s0000002"))!;
    const file = path.join(corpus.data, "raw", name);
    // Same size, other bytes: only the stamp tells, and a change in the same clock tick would not.
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 2] = bytes[bytes.length - 2] === 0x2e ? 0x21 : 0x2e;
    fs.writeFileSync(file, bytes);
    expect((await build()).cache).toMatchObject({ nothing: false, filesRead: 1 });
    expect(state().racy).toEqual([[`raw/${name}`, sha256(file)]]);
    // The no-op check read it again and found the bytes the build used.
    expect((await build()).cache?.nothing).toBe(true);
    // Bytes changed within the tick would keep the stamp: as if they had, the recorded digest differs.
    fs.writeFileSync(statePath(), JSON.stringify({ ...state(), racy: [[`raw/${name}`, "0".repeat(64)]] }));
    const again = await build();
    // Its stamp was not put in the stat index either: read again (and found the same, so nothing else is recomputed).
    expect(again.cache).toMatchObject({ nothing: false, filesRead: 1, copied: 6 });
    expect(again.release).toMatch(/^unchanged: /);
    // Once its stamp is an old one, it is trusted by its stamp again.
    archived(file);
    expect((await build()).cache).toMatchObject({ nothing: false, filesRead: 1 });
    expect(state().racy).toEqual([]);
    expect((await build()).cache?.nothing).toBe(true);
  }, 60_000);

  it("a manifest changed just before the build is read again by the no-op check too", async () => {
    const manifest = path.join(corpus.data, "sources.csv");
    fs.writeFileSync(manifest, fs.readFileSync(manifest));
    expect((await build()).cache).toMatchObject({ nothing: false, filesRead: 0 });
    expect(state().racy).toEqual([["sources.csv", sha256(manifest)]]);
    expect((await build()).cache?.nothing).toBe(true);
    fs.writeFileSync(statePath(), JSON.stringify({ ...state(), racy: [["sources.csv", "0".repeat(64)]] }));
    expect((await build()).cache?.nothing).toBe(false);
    archived(manifest);
    await build();
    expect(state().racy).toEqual([]);
    expect((await build()).cache?.nothing).toBe(true);
  }, 60_000);
});
