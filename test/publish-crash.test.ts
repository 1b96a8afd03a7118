// Kill test: a publish SIGKILLed at a random moment must leave every version
// published before it byte-identical, every visible version folder complete,
// latest/ either absent or an exact copy of a complete version, and index.json
// whole; the next run must clean up and catch up.
import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runPublish } from "../pipeline/bin/publish.js";
import { sha256Hex } from "../pipeline/publish/checksums.js";
import { goldCorpus, writeInterim, type Corpus } from "./publish-fixture.js";

const TRIALS = 20;
const CHILD = path.join(import.meta.dirname, "publish-crash.child.ts");

/** A folder as "name digest" lines: compared as one string, so each check stays cheap over many versions. */
function folder(dir: string): string {
  return fs
    .readdirSync(dir)
    .sort()
    .map((n) => `${n} ${sha256Hex(fs.readFileSync(path.join(dir, n)))}`)
    .join("\n");
}

/** The folder is a complete release: SHA256SUMS lists every other file and every digest matches. */
function assertComplete(dir: string): void {
  const sums = path.join(dir, "SHA256SUMS");
  expect(fs.existsSync(sums), `${dir} has SHA256SUMS`).toBe(true);
  const listed = fs.readFileSync(sums, "utf8").trimEnd().split("\n").map((l) => l.split("  ") as [string, string]).map(([hash, name]) => `${name} ${hash}`);
  const actual = folder(dir).split("\n").filter((l) => !l.startsWith("SHA256SUMS "));
  expect(actual, dir).toEqual(listed.sort());
}

function versionsIn(dist: string): string[] {
  return fs.existsSync(dist) ? fs.readdirSync(dist).filter((n) => /^v\d+\.\d+\.\d+$/.test(n)) : [];
}

function corpusWith(base: Corpus, extra: number): Corpus {
  const template = base.claims[0]!;
  const added = Array.from({ length: extra }, (_, i) => ({ ...template, claim_id: `eeeeeeee${i.toString(16).padStart(8, "0")}`, count: 1000 + i }));
  return { ...base, claims: [...base.claims, ...added] };
}

/**
 * The child as one bundled ES module. Through tsx it takes over a second to
 * load (mostly apache-arrow's few hundred modules), the bundle about a tenth of
 * that, which is what keeps 20+ trials fast. parquet-wasm stays outside the
 * bundle, imported by absolute URL, because it loads its .wasm from beside itself.
 */
async function bundleChild(outDir: string): Promise<string> {
  const outfile = path.join(outDir, "publish-crash-child.mjs");
  const parquetWasm = pathToFileURL(createRequire(import.meta.url).resolve("parquet-wasm")).href;
  await build({
    entryPoints: [CHILD],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    logLevel: "error",
    // CommonJS packages in the bundle (papaparse, proper-lockfile) call require().
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
    plugins: [{ name: "parquet-wasm-outside", setup: (b) => b.onResolve({ filter: /^parquet-wasm$/ }, () => ({ path: parquetWasm, external: true })) }],
  });
  return outfile;
}

let childModule = "";

function startChild(): Promise<ChildProcess> {
  // Bundled, every module's import.meta.url is the bundle's: without this the
  // stage scripts' mains would run too, on the default data/ and dist/.
  const child = fork(childModule, [], { stdio: ["ignore", "ignore", "pipe", "ipc"], env: { ...process.env, NK_NO_SCRIPT_MAIN: "1" } });
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`child exited before ready (${code})`)));
  });
}

/** When to kill: after a delay, or a few milliseconds after a DIST entry whose name starts with `prefix` is created, renamed or removed. */
type KillAt = { afterMs: number } | { prefix: string; dist: string };

/** Runs one publish in `child` and kills it as `at` says, unless it finished first. */
function publishIn(child: ChildProcess, data: string, dist: string, at: KillAt): Promise<{ killed: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let finished = false;
    let watcher: fs.FSWatcher | null = null;
    const kill = () => child.kill("SIGKILL");
    child.on("message", (m: { done?: string; error?: string }) => {
      if (m.error) reject(new Error(m.error));
      finished = true;
      kill();
    });
    child.once("exit", () => {
      watcher?.close();
      resolve({ killed: !finished, ms: performance.now() - t0 });
    });
    if ("afterMs" in at) setTimeout(kill, at.afterMs);
    else {
      watcher = fs.watch(at.dist, (_event, name) => {
        if (!name?.startsWith(at.prefix)) return;
        watcher?.close();
        setTimeout(kill, Math.random() * 15);
      });
    }
    child.send({ data, dist });
  });
}

// Steps of a publish that write to DIST, by the names they touch: staging the version, the version
// itself, staging latest/, setting the old latest/ aside, latest/, index.json's temporary file, index.json.
const WRITE_STEPS = [".tmp-v", "v", ".tmp-latest-", ".tmp-old-latest-", "latest", ".tmp-index-", "index.json"];

describe("publish killed at random moments", () => {
  it(`leaves published versions intact and no partial release visible (${TRIALS} trials)`, async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "publish-crash-"));
    const data = path.join(root, "data");
    const dist = path.join(root, "dist");
    const base = goldCorpus();
    childModule = await bundleChild(root);

    // Two uninterrupted runs: the second, which like every trial has a previous release to diff
    // against, measures how long a publish takes, so kills can be spread over it.
    writeInterim(data, corpusWith(base, 0));
    expect((await publishIn(await startChild(), data, dist, { afterMs: 60_000 })).killed).toBe(false);
    writeInterim(data, corpusWith(base, 1));
    const timing = await publishIn(await startChild(), data, dist, { afterMs: 60_000 });
    expect(timing.killed).toBe(false);
    const window = Math.max(timing.ms * 1.5, 100);

    let killed = 0;
    let installed = 0;
    // Loading the stage takes a child about a second (mostly apache-arrow's modules), far longer
    // than a publish: keep a few children loading ahead so the trials do not wait on it.
    const pool = Array.from({ length: 2 }, () => startChild());
    for (let trial = 1; trial <= TRIALS; trial++) {
      writeInterim(data, corpusWith(base, trial + 1));
      const before = new Map(versionsIn(dist).map((v) => [v, folder(path.join(dist, v))]));
      const child = await pool.shift()!;
      if (trial + pool.length <= TRIALS) pool.push(startChild());
      // Every fifth trial runs to the end, so the checks also see runs that got past every step; the
      // others are killed at a random moment of the run, or just after a chosen write step began,
      // where a random moment alone would rarely land.
      const at: KillAt =
        trial % 5 === 0 ? { afterMs: 60_000 } : trial % 2 === 1 ? { afterMs: Math.random() * window } : { prefix: WRITE_STEPS[(trial / 2) % WRITE_STEPS.length]!, dist };
      const run = await publishIn(child, data, dist, at);
      if (run.killed) killed++;
      if (versionsIn(dist).length > before.size) installed++;

      for (const [v, files] of before) expect(folder(path.join(dist, v)), `${v} after trial ${trial}`).toEqual(files);
      const visible = fs.readdirSync(dist).filter((n) => !n.startsWith("."));
      for (const n of visible) expect(["latest", "index.json"].includes(n) || /^v\d+\.\d+\.\d+$/.test(n), n).toBe(true);
      for (const v of versionsIn(dist)) assertComplete(path.join(dist, v));
      const latest = path.join(dist, "latest");
      if (fs.existsSync(latest)) {
        const copy = folder(latest);
        expect(versionsIn(dist).some((v) => folder(path.join(dist, v)) === copy), `latest/ after trial ${trial}`).toBe(true);
      }
      const index = JSON.parse(fs.readFileSync(path.join(dist, "index.json"), "utf8")) as { versions: { version: string }[] };
      for (const { version } of index.versions) expect(versionsIn(dist)).toContain(`v${version}`);
    }
    for (const spare of pool) (await spare).kill("SIGKILL");
    // Both sides of the commit point were hit: kills before the version folder appeared, and runs that got past it.
    expect(killed, "kills that landed before the run finished").toBeGreaterThanOrEqual(TRIALS / 4);
    expect(installed, "trials that installed their version").toBeGreaterThan(0);
    expect(installed, "trials that installed their version").toBeLessThan(TRIALS);

    // The next complete run removes the leftovers and brings latest/ and index.json up to date.
    await runPublish({ data, dist, strict: false });
    expect(fs.readdirSync(dist).filter((n) => n.startsWith(".tmp-"))).toEqual([]);
    const versions = versionsIn(dist).map((v) => v.slice(1)).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    const newest = versions.at(-1)!;
    expect(folder(path.join(dist, "latest"))).toEqual(folder(path.join(dist, `v${newest}`)));
    const index = JSON.parse(fs.readFileSync(path.join(dist, "index.json"), "utf8")) as { latest: string; versions: { version: string }[] };
    expect(index.latest).toBe(newest);
    expect(index.versions.map((v) => v.version).sort()).toEqual([...versions].sort());
  }, 150_000);
});
