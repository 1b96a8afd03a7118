// Modules bundled by esbuild (pipeline/bundle.mjs) for worker threads and commands:
// each module keeps its own import.meta.url, an unchanged source tree reuses the
// bundle, and any edit to a bundled file makes a new one (a stale bundle never runs).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundled, manifestOf, type BundleDirs } from "../pipeline/bundle.mjs";
import { workerBundle } from "../pipeline/parallel/worker-bundle.js";
import { DocPool } from "../pipeline/parallel/pool.js";
import { runTask, type DocResult } from "../pipeline/parallel/task.js";
import { docMeta } from "../pipeline/parallel/doc-lines.js";
import { readManifestBytes } from "../pipeline/bin/clean.js";

let tmp: string;
let dirs: BundleDirs;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nk-bundle-"));
  dirs = { root: path.join(tmp, "src"), cache: path.join(tmp, "cache") };
  fs.mkdirSync(path.join(dirs.root, "lib"), { recursive: true });
  fs.writeFileSync(path.join(dirs.root, "lib", "where.ts"), `export const where: string = import.meta.url;\n`);
  fs.writeFileSync(path.join(dirs.root, "main.ts"), `import { where } from "./lib/where.js";\nexport const both = [import.meta.url, where];\nexport const n: number = 1;\n`);
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const entry = async (): Promise<string> => path.join(await bundled({ name: "t", entries: ["main.ts"] }, dirs), "main.mjs");

describe("bundled", () => {
  it("keeps each module's own import.meta.url", async () => {
    const file = await entry();
    expect(path.dirname(path.dirname(file))).toBe(dirs.cache);
    const mod = (await import(pathToFileURL(file).href)) as { both: string[] };
    expect(mod.both).toEqual([pathToFileURL(path.join(dirs.root, "main.ts")).href, pathToFileURL(path.join(dirs.root, "lib", "where.ts")).href]);
  });

  it("reuses the bundle while no source changed, and makes a new one after an edit", async () => {
    const first = await entry();
    const stamp = fs.statSync(first).mtimeMs;
    expect(await entry()).toBe(first);
    expect(fs.statSync(first).mtimeMs).toBe(stamp);
    // An edit to an imported module.
    fs.writeFileSync(path.join(dirs.root, "lib", "where.ts"), `export const where: string = import.meta.url + "#edited";\n`);
    const second = await entry();
    expect(second).not.toBe(first);
    expect(((await import(pathToFileURL(second).href)) as { both: string[] }).both[1]).toMatch(/where\.ts#edited$/);
    // An edit that keeps the file's length.
    fs.writeFileSync(path.join(dirs.root, "main.ts"), fs.readFileSync(path.join(dirs.root, "main.ts"), "utf8").replace("n: number = 1", "n: number = 2"));
    const third = await entry();
    expect(third).not.toBe(second);
    const mod = (await import(pathToFileURL(third).href)) as { n: number };
    expect(mod.n).toBe(2);
  });

  it("makes a bundle of its own for a copy of the sources in another folder, sharing the cache", async () => {
    // A moved checkout, or a worktree whose node_modules is a link to another's: the same
    // sources at another path. The first's bundle names the first's files (import.meta.url),
    // so the copy's scripts would not see themselves as the script run, and read the first's data.
    await entry();
    const moved: BundleDirs = { root: path.join(tmp, "moved"), cache: dirs.cache };
    fs.cpSync(dirs.root, moved.root, { recursive: true });
    const file = path.join(await bundled({ name: "t", entries: ["main.ts"] }, moved), "main.mjs");
    const mod = (await import(pathToFileURL(file).href)) as { both: string[] };
    expect(mod.both[0]).toBe(pathToFileURL(path.join(moved.root, "main.ts")).href);
    // (An earlier test may have edited where.ts to add a suffix to its URL.)
    expect(mod.both[1]!.startsWith(pathToFileURL(path.join(moved.root, "lib", "where.ts")).href)).toBe(true);
    // And the first folder still gets its own.
    const back = (await import(pathToFileURL(await entry()).href)) as { both: string[] };
    expect(back.both[0]).toBe(pathToFileURL(path.join(dirs.root, "main.ts")).href);
  });

  it("rebuilds when its list of inputs is damaged", async () => {
    const before = await entry();
    fs.writeFileSync(manifestOf(dirs, "t"), "{not json");
    expect(await entry()).toBe(before);
    expect(JSON.parse(fs.readFileSync(manifestOf(dirs, "t"), "utf8")).inputs).toEqual(["lib/where.ts", "main.ts"]);
  });

  it("with splitting, loads a dynamically imported module only when it is imported", async () => {
    fs.writeFileSync(path.join(dirs.root, "lazy.ts"), `(globalThis as Record<string, unknown>).lazyLoaded = true;\nexport const lazy = "yes";\n`);
    fs.writeFileSync(path.join(dirs.root, "eager.ts"), `export async function load(): Promise<string> {\n  return (await import("./lazy.js")).lazy;\n}\n`);
    const dir = await bundled({ name: "s", entries: ["eager.ts"], splitting: true }, dirs);
    const mod = (await import(pathToFileURL(path.join(dir, "eager.mjs")).href)) as { load: () => Promise<string> };
    expect((globalThis as Record<string, unknown>).lazyLoaded).toBeUndefined();
    expect(await mod.load()).toBe("yes");
    expect((globalThis as Record<string, unknown>).lazyLoaded).toBe(true);
  });

  it("keeps regex literals with Unicode property escapes as literals, built once, not new RegExp(...) at each use", async () => {
    fs.writeFileSync(path.join(dirs.root, "rx.ts"), `export const upper = (s: string): boolean => /\\p{Lu}/u.test(s);\nexport const word = (s: string): boolean => /é\\p{L}+/iu.test(s);\n`);
    const dir = await bundled({ name: "rx", entries: ["rx.ts"] }, dirs);
    const code = fs.readFileSync(path.join(dir, "rx.mjs"), "utf8");
    expect(code).not.toMatch(/new RegExp/);
    expect(code).toContain("/\\p{Lu}/u.test(s)");
    const mod = (await import(pathToFileURL(path.join(dir, "rx.mjs")).href)) as { upper: (s: string) => boolean; word: (s: string) => boolean };
    expect([mod.upper("Été"), mod.upper("été"), mod.word("ÉTÉ"), mod.word("e")]).toEqual([true, false, true, false]);
  });

  it("has no regex literal turned into new RegExp(\"...\") in the pipeline's own bundle", async () => {
    const b = await workerBundle();
    const dir = path.dirname((b as { file: string }).file);
    const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".mjs"));
    const code = files.map((f) => fs.readFileSync(path.join(dir, f), "utf8")).join("\n");
    // The extractor's own new RegExp(...) calls take template strings built from parts, at module level.
    expect(code).toMatch(/AFTER_VERB_RE\d* = new RegExp\(`/);
    expect(code.match(/new RegExp\("/g) ?? []).toEqual([]);
  });

  it("reports a module that does not build", async () => {
    fs.writeFileSync(path.join(dirs.root, "broken.ts"), `export const x = ;\n`);
    await expect(bundled({ name: "b", entries: ["broken.ts"] }, dirs)).rejects.toThrow();
  });
});

describe("the worker bundle", () => {
  it("gives the same results as the modules run here, on the seed articles", async () => {
    const b = await workerBundle();
    expect("file" in b ? null : b.error).toBeNull();
    const file = (b as { file: string }).file;
    // What the pool's threads load (tinypool calls its default export with a batch).
    expect(typeof ((await import(pathToFileURL(file).href)) as { default: unknown }).default).toBe("function");
    const pool = new DocPool(1, file);
    try {
      const sources = readManifestBytes("data", () => {})!.sources;
      expect(sources.length).toBe(5);
      const tasks = sources.map((s) => {
        const bytes = new Uint8Array(fs.readFileSync(path.join("data", s.file)));
        return { meta: docMeta(s), raw_sha256: "0".repeat(64), raw_bytes: bytes.length, bytes };
      });
      const results = await pool.run(tasks);
      const local = tasks.map((t) => runTask(t));
      // Thread times (DocResult.ms) aside, the same results.
      const timeless = (rs: DocResult[]) => rs.map((r) => ({ ...r, ms: undefined }));
      expect(timeless(results)).toEqual(timeless(local));
      expect(local.reduce((n, r) => n + (r.extract?.claims.length ?? 0), 0)).toBeGreaterThan(20);
    } finally {
      await pool.close();
    }
  });
});

describe("old bundles", () => {
  it("are removed once unused for a day, and a bundle in use is not", async () => {
    const d = { root: path.join(tmp, "src"), cache: path.join(tmp, "cache-old") };
    const first = await bundled({ name: "t", entries: ["main.ts"] }, d);
    // Used again two days later (a long-lived checkout): its time is refreshed.
    const twoDaysAgo = new Date(Date.now() - 48 * 3600_000);
    fs.utimesSync(first, twoDaysAgo, twoDaysAgo);
    expect(await bundled({ name: "t", entries: ["main.ts"] }, d)).toBe(first);
    expect(fs.statSync(first).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
    // The code changes: the new bundle is made; the old one, used a minute ago, stays.
    fs.writeFileSync(path.join(d.root, "lib", "where.ts"), `export const where: string = import.meta.url + "#v2";\n`);
    const second = await bundled({ name: "t", entries: ["main.ts"] }, d);
    expect(second).not.toBe(first);
    expect(fs.existsSync(first)).toBe(true);
    // Once unused for over a day, the next new bundle removes it.
    fs.utimesSync(first, twoDaysAgo, twoDaysAgo);
    fs.writeFileSync(path.join(d.root, "lib", "where.ts"), `export const where: string = import.meta.url + "#v3";\n`);
    const third = await bundled({ name: "t", entries: ["main.ts"] }, d);
    expect(fs.existsSync(first)).toBe(false);
    expect(fs.existsSync(second)).toBe(true);
    expect(fs.existsSync(third)).toBe(true);
  });
});

describe("the launcher (pipeline/bin/run.mjs)", () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ["pipeline/bin/run.mjs", ...args], { encoding: "utf8", env: { ...process.env, ...env } });

  it("runs the named script from the bundle, with its arguments", () => {
    const r = run(["validate", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run validate/);
    expect(r.stderr).toBe("");
  });

  it("fails, not exits 0, when the script does not start", () => {
    // What a bundle made for another folder of the same sources did (bundle.mjs keyOf); here
    // the script is told not to see itself as the one run.
    for (const env of [{}, { NK_NO_BUNDLE: "1" }] as Record<string, string>[]) {
      const r = run(["validate", "--help"], { ...env, NK_NO_SCRIPT_MAIN: "1" });
      expect(r.status).toBe(70);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/run: validate did not start: .* does not see itself as .*validate\.ts/);
    }
  });

  it("runs it through tsx, saying so, when told not to bundle", () => {
    const r = run(["validate", "--help"], { NK_NO_BUNDLE: "1" });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run validate/);
    expect(r.stderr).toMatch(/^run: not running a bundle \(NK_NO_BUNDLE=1\); running validate through tsx/);
  });

  it("refuses a name that is not a script", () => {
    const r = run(["../../etc/passwd"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^usage: node pipeline\/bin\/run\.mjs/);
  });
});

describe("worker threads without a bundle", () => {
  it("load the module through tsx and give the same release", async () => {
    const { buildData } = await import("../pipeline/bin/build-data.js");
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "nk-nobundle-"));
    const corpus = (name: string) => {
      const dir = path.join(work, name);
      fs.mkdirSync(path.join(dir, "raw"), { recursive: true });
      fs.copyFileSync(path.join("data", "sources.csv"), path.join(dir, "sources.csv"));
      for (const f of fs.readdirSync(path.join("data", "raw"))) fs.copyFileSync(path.join("data", "raw", f), path.join(dir, "raw", f));
      return dir;
    };
    const opts = { strict: false, workers: 2, cache: false, minParallelTasks: 0 };
    await buildData({ data: corpus("a"), dist: path.join(work, "dist-a"), ...opts });
    process.env.NK_NO_BUNDLE = "1";
    const lines: string[] = [];
    try {
      expect(await workerBundle()).toEqual({ error: "NK_NO_BUNDLE=1" });
      await buildData({ data: corpus("b"), dist: path.join(work, "dist-b"), ...opts }, (l) => lines.push(l));
    } finally {
      delete process.env.NK_NO_BUNDLE;
    }
    expect(lines.join("\n")).toMatch(/; 2 workers; thread time: clean /);
    const release = (d: string) => fs.readFileSync(path.join(work, d, "latest", "SHA256SUMS"), "utf8");
    expect(release("dist-b")).toBe(release("dist-a"));
    expect(release("dist-a")).toBe(fs.readFileSync(path.join("dist", "latest", "SHA256SUMS"), "utf8"));
    fs.rmSync(work, { recursive: true, force: true });
  });
});
