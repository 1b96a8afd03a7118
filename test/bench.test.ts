// The benchmark corpus generator and `npm run bench`. No timing assertions:
// speed and memory are figures the bench prints, never test verdicts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_SEED, generateCorpus, generateDoc, sourcesLine } from "../pipeline/bench/corpus.js";
import { frenchWords } from "../pipeline/bench/french.js";
import { Rng } from "../pipeline/bench/prng.js";
import { writeCorpus } from "../pipeline/bin/bench.js";
import { parseManifest } from "../pipeline/manifest.js";
import { decode } from "../pipeline/decode.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bench-test-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** sha256 over every file of a folder, in sorted path order, with the paths. */
function treeHash(dir: string): string {
  const h = createHash("sha256");
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else h.update(r).update("\0").update(fs.readFileSync(path.join(dir, r))).update("\0");
    }
  };
  walk("");
  return h.digest("hex");
}

describe("prng", () => {
  it("is a pure function of its seed", () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 100 }, () => a.u32());
    expect(Array.from({ length: 100 }, () => b.u32())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.u32())).not.toEqual(xs);
  });
});

describe("french number words", () => {
  it.each([
    [21, "vingt et un"], [80, "quatre-vingts"], [81, "quatre-vingt-un"], [91, "quatre-vingt-onze"], [200, "deux cents"],
    [1500, "mille cinq cents"], [2600, "deux mille six cents"], [11000, "onze mille"], [80000, "quatre-vingt mille"],
  ])("%i is %s", (n, w) => expect(frenchWords(n)).toBe(w));
});

describe("corpus generator", () => {
  it("gives the same bytes for the same seed and N, written twice", () => {
    const a = path.join(tmp, "a");
    const b = path.join(tmp, "b");
    writeCorpus(a, 120, DEFAULT_SEED);
    writeCorpus(b, 120, DEFAULT_SEED);
    expect(treeHash(a)).toBe(treeHash(b));
    const c = path.join(tmp, "c");
    writeCorpus(c, 120, DEFAULT_SEED + 1);
    expect(treeHash(c)).not.toBe(treeHash(a));
  });

  it("makes document i the same whatever N is", () => {
    const small = [...generateCorpus(5)];
    const large = [...generateCorpus(40)].slice(0, 5);
    expect(small.map((d) => Buffer.from(d.bytes).toString("base64"))).toEqual(large.map((d) => Buffer.from(d.bytes).toString("base64")));
    expect(small.map((d) => sourcesLine(d.source))).toEqual(large.map((d) => sourcesLine(d.source)));
  });

  it("writes N manifest rows that parse with the manifest contract, listing files that exist, about 3 KB each", () => {
    const n = 400;
    const dir = path.join(tmp, "shape");
    const info = writeCorpus(dir, n);
    const text = fs.readFileSync(path.join(dir, "sources.csv"), "utf8");
    expect(text.split("\n")[0]).toBe("doc_id,file,publisher,url,published_at,language");
    const m = parseManifest(text, "sources.csv");
    expect(m.problems).toEqual([]);
    expect(m.sources).toHaveLength(n);
    expect(new Set(m.sources.map((s) => s.doc_id)).size).toBe(n);
    let bytes = 0;
    for (const s of m.sources) {
      const file = path.join(dir, s.file);
      expect(fs.existsSync(file)).toBe(true);
      const raw = fs.readFileSync(file);
      bytes += raw.length;
      const d = decode(raw);
      expect("text" in d ? d.text.length : d.error).toBeGreaterThan(500);
    }
    expect(bytes).toBe(info.bytes);
    const avg = bytes / n;
    expect(avg).toBeGreaterThan(2500);
    expect(avg).toBeLessThan(3600);
    // Mostly French, a few English; several publishers, quoted where the CSV needs it.
    const langs = m.sources.map((s) => s.language);
    expect(langs.filter((l) => l === "fr").length).toBeGreaterThan(0.9 * n);
    expect(langs).toContain("en");
    expect(new Set(m.sources.map((s) => s.publisher)).size).toBeGreaterThan(10);
    expect(new Set(m.sources.map((s) => s.published_at)).size).toBeGreaterThan(100);
    expect(m.sources.some((s) => s.publisher.includes(","))).toBe(true);
    // Files are not all alike: several shapes and encodings, and claims planted.
    expect(Object.keys(info.shapes).length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(info.encodings).sort()).toEqual(["utf-8", "utf-8-bom", "windows-1252"]);
    expect(info.planted).toBeGreaterThan(n);
  });

  it("varies claims and keeps the seeds' distractors and boilerplate", () => {
    const texts = Array.from({ length: 300 }, (_, i) => generateDoc(7, i))
      .filter((d) => d.encoding === "utf-8")
      .map((d) => Buffer.from(d.bytes).toString("utf8"))
      .join("\n");
    for (const needle of ["soldats nord-coréens", "seraient", "ont été", "Selon", "«", "“", "environ", "mille", "millions de dollars", " %", "Partager", "PUBLICITÉ", "Lire aussi", "class=\"jsx-", "<p>"]) {
      expect(texts, needle).toContain(needle);
    }
  });
});

describe("npm run bench", () => {
  it("runs end to end on 50 documents and ends with one JSON line carrying the figures", () => {
    const hasRg = spawnSync("rg", ["--version"]).status === 0;
    const keep = path.join(tmp, "kept");
    const r = spawnSync(process.execPath, ["--import", "tsx", "pipeline/bin/bench.ts", "--docs", "50", "--json", "--add-one", "--keep", keep, ...(hasRg ? [] : ["--no-rg"])], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 300_000,
    });
    const lines = r.stdout.trim().split("\n");
    const last = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
    for (const k of ["docs", "seconds", "docs_per_s", "mb_per_s", "peak_rss_mb", "stages", "rg"]) expect(last, k).toHaveProperty(k);
    expect(last.docs).toBe(50);
    expect(last.ok, String(last.error ?? r.stderr)).toBe(true);
    expect(r.status).toBe(0);
    // build-data runs clean + extract + validate as one parallel pass ("docs"), then publish.
    expect(Object.keys(last.stages as object)).toEqual(["docs", "publish"]);
    expect(typeof last.peak_rss_mb).toBe("number");
    // Within the docs pass, each stage's time summed over the threads that ran it: all three ran, and their sum is CPU time spent.
    const threads = last.docs_thread_seconds as Record<string, number>;
    expect(Object.keys(threads)).toEqual(["clean", "extract", "validate"]);
    for (const v of Object.values(threads)) expect(v).toBeGreaterThan(0);
    const cpu = last.cpu_seconds as { user: number; system: number };
    expect(threads.clean! + threads.extract! + threads.validate!).toBeLessThan(cpu.user + cpu.system);
    expect(lines.some((l) => /^ {4}extract +\d+\.\d\d s of thread time +\d+\.\d\d ms\/doc$/.test(l))).toBe(true);
    if (hasRg) expect(typeof last.build_rg_ratio).toBe("number");
    // The speed probe: a fixed workload timed before the build.
    const probe = last.speed_probe as { docs: number; clean_us: number; extract_us: number; output_sha256: string };
    expect(probe.docs).toBe(400);
    expect(probe.clean_us).toBeGreaterThan(0);
    expect(probe.extract_us).toBeGreaterThan(0);
    expect(probe.output_sha256).toMatch(/^[0-9a-f]{64}$/);
    // --add-one: one more article, and only it read, cleaned and extracted.
    const one = last.add_one as { doc_id: string; ok: boolean; cache: Record<string, number | boolean>; release: string; stages: Record<string, number> };
    expect(one.ok).toBe(true);
    expect(one.cache).toMatchObject({ nothing: false, filesRead: 1, cleanHits: 50, extractHits: 50 });
    expect(one.release).toMatch(/^published 1\.1\.0 \(minor after 1\.0\.0: \d+ added, 0 changed, 0 removed\)/);
    expect(Object.keys(one.stages)).toEqual(["docs", "publish"]);
    // The kept corpus is the one its marker describes again: 50 rows, and the added file gone.
    const manifest = fs.readFileSync(path.join(keep, "corpus", "sources.csv"), "utf8").trim().split("\n");
    expect(manifest.length).toBe(51);
    expect(manifest.some((l) => l.startsWith(`${one.doc_id},`))).toBe(false);
    expect(fs.readdirSync(path.join(keep, "corpus", "raw")).some((f) => f.startsWith(one.doc_id))).toBe(false);
  });
});

describe("bench-docs (per-document cost in one thread)", () => {
  it("times the seed articles after the warm-up ones, and gives the claims of the committed release", async () => {
    const { benchDocs } = await import("../pipeline/bin/bench-docs.js");
    const data = path.join(ROOT, "data");
    const all = benchDocs(data, 0, null);
    const index = JSON.parse(fs.readFileSync(path.join(ROOT, "dist", "index.json"), "utf8")) as { versions: { claims: number }[] };
    expect(all.docs).toBe(5);
    // Every claim extracted from the seeds is valid and published.
    expect(all.claims).toBe(index.versions.at(-1)!.claims);
    expect(all.clean_us).toBeGreaterThan(0);
    expect(all.extract_us).toBeGreaterThan(0);
    // The output digest depends on the documents timed, never on the run.
    expect(benchDocs(data, 0, null).output_sha256).toBe(all.output_sha256);
    const later = benchDocs(data, 2, 2);
    expect(later.docs).toBe(2);
    expect(later.output_sha256).not.toBe(all.output_sha256);
  });

  it("refuses a warm-up that leaves nothing to time, naming the corpus size", async () => {
    const { benchDocs } = await import("../pipeline/bin/bench-docs.js");
    expect(() => benchDocs(path.join(ROOT, "data"), 5, null)).toThrow(/--warm 5: the corpus has 5 documents/);
    expect(() => benchDocs(path.join(tmp, "no-such-folder"), 0, null)).toThrow();
  });
});

describe("bench-docs --against (this checkout against another, alternated)", () => {
  const result = (us: number, sha: string) => ({ data: "d", warm: 0, docs: 5, clean_us: us, extract_us: us, claims: 30, output_sha256: sha });

  it("alternates the two checkouts, swapping the order every pair, and takes the median ratio", async () => {
    const { compareCheckouts } = await import("../pipeline/bin/bench-docs.js");
    const calls: string[] = [];
    const times: Record<string, number[]> = { self: [100, 120, 90], other: [200, 100, 100] };
    const c = await compareCheckouts("/elsewhere", ["--data", "d"], 3, (root, args) => {
      expect(args).toEqual(["--data", "d"]);
      const who = root === "/elsewhere" ? "other" : "self";
      calls.push(who);
      return result(times[who]!.shift()!, "same");
    });
    expect(calls).toEqual(["self", "other", "other", "self", "self", "other"]);
    expect(c.pairs.map((p) => p.ratio)).toEqual([0.5, 1.2, 0.9]);
    expect(c.median_ratio).toBe(0.9);
    // Pairs 1 and 2 ran in both orders: their geometric mean; the odd third pair has no partner.
    expect(c.balanced_ratios).toHaveLength(1);
    expect(c.balanced_ratios[0]).toBeCloseTo(Math.sqrt(0.6), 12);
    expect(c.median_balanced).toBeCloseTo(Math.sqrt(0.6), 12);
    expect(c.same_output).toBe(true);
    const differs = await compareCheckouts("/elsewhere", [], 2, (root) => result(100, root === "/elsewhere" ? "b" : "a"));
    expect(differs.same_output).toBe(false);
  });

  it("runs both in child processes (here this checkout against itself): same output", async () => {
    const { compareCheckouts } = await import("../pipeline/bin/bench-docs.js");
    const c = await compareCheckouts(ROOT, ["--data", path.join(ROOT, "data"), "--warm", "3"], 1);
    expect(c.pairs).toHaveLength(1);
    expect(c.pairs[0]!.self.docs).toBe(2);
    expect(c.same_output).toBe(true);
    expect(c.median_ratio).toBeGreaterThan(0);
    expect(c.median_balanced).toBeNull();
  });
});

describe("bench-docs --against --side-by-side (both at once, one per CPU)", () => {
  const result = (us: number, sha: string) => ({ data: "d", warm: 0, docs: 5, clean_us: us, extract_us: us, claims: 30, output_sha256: sha });

  it("runs the two checkouts at the same time, swapping CPUs every round", async () => {
    const { compareSideBySide } = await import("../pipeline/bin/bench-docs.js");
    const started: [string, number | null][] = [];
    let waiting: (() => void)[] = [];
    // Each run finishes only once the other of its round has started: run one after the other, they would never finish.
    const run = (root: string, _args: readonly string[], cpu: number | null) =>
      new Promise<ReturnType<typeof result>>((resolve) => {
        started.push([root === "/elsewhere" ? "other" : "self", cpu]);
        const done = () => resolve(result(root === "/elsewhere" ? 200 : 100, "same"));
        if (waiting.length > 0) {
          for (const w of waiting) w();
          waiting = [];
          done();
        } else waiting.push(done);
      });
    const c = await compareSideBySide("/elsewhere", ["--data", "d"], 3, true, run);
    expect(started).toEqual([["self", 0], ["other", 1], ["self", 1], ["other", 0], ["self", 0], ["other", 1]]);
    expect(c.pairs.map((p) => p.ratio)).toEqual([0.5, 0.5, 0.5]);
    expect(c.balanced_ratios).toEqual([0.5]);
    expect(c.same_output).toBe(true);
    // A CPU faster than the other: single ratios alternate, swapped pairs do not.
    let round = 0;
    const skewed = await compareSideBySide("/elsewhere", [], 4, true, async (root, _a, cpu) => {
      round++;
      return result((root === "/elsewhere" ? 100 : 90) * (cpu === 0 ? 0.7 : 1), "same");
    });
    expect(round).toBe(8);
    expect(skewed.pairs.map((p) => Number(p.ratio.toFixed(3)))).toEqual([0.63, 1.286, 0.63, 1.286]);
    expect(skewed.balanced_ratios.map((r) => Number(r.toFixed(6)))).toEqual([0.9, 0.9]);
    expect(skewed.median_balanced).toBeCloseTo(0.9, 12);
    const unpinned: (number | null)[] = [];
    await compareSideBySide("/elsewhere", [], 1, false, async (root, _a, cpu) => (unpinned.push(cpu), result(100, root)));
    expect(unpinned).toEqual([null, null]);
  });

  it("runs both in child processes (here this checkout against itself): same output", async () => {
    const { compareSideBySide } = await import("../pipeline/bin/bench-docs.js");
    const c = await compareSideBySide(ROOT, ["--data", path.join(ROOT, "data"), "--warm", "3"], 1, false);
    expect(c.pairs[0]!.self.docs).toBe(2);
    expect(c.pairs[0]!.other.docs).toBe(2);
    expect(c.same_output).toBe(true);
  });

  it("names the checkout whose run failed", async () => {
    const { compareSideBySide } = await import("../pipeline/bin/bench-docs.js");
    await expect(compareSideBySide(ROOT, ["--data", path.join(tmp, "no-such-corpus")], 1, false)).rejects.toThrow(new RegExp(`bench-docs in ${ROOT.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} failed`));
  });
});

describe("bench-writes (the docs pass's writes, replayed)", () => {
  it("replays a built corpus's interim lines into files equal to them, and packs that give them back", async () => {
    const { readBuiltLines, replayWrites } = await import("../pipeline/bench/write-replay.js");
    const { buildData } = await import("../pipeline/bin/build-data.js");
    const { PackStore } = await import("../pipeline/cache/pack.js");
    const data = path.join(tmp, "writes-corpus");
    fs.cpSync(path.join(ROOT, "data"), data, { recursive: true });
    await buildData({ data, dist: path.join(tmp, "writes-dist"), strict: false });
    const built = readBuiltLines(data);
    const interim = (f: string) => fs.readFileSync(path.join(data, "interim", f), "utf8");
    expect(built.clean.length).toBe(5);
    // Claims grouped by document, in the documents' order: together they are claims.jsonl.
    expect(built.claims.flat().join("\n") + "\n").toBe(interim("claims.jsonl"));
    const out = path.join(tmp, "writes-out");
    const r = replayWrites(built, out);
    expect(fs.readFileSync(path.join(out, "clean.jsonl"), "utf8")).toBe(interim("clean.jsonl"));
    expect(fs.readFileSync(path.join(out, "claims.jsonl"), "utf8")).toBe(interim("claims.jsonl"));
    expect(fs.readFileSync(path.join(out, "valid.jsonl"), "utf8")).toBe(interim("claims.jsonl"));
    const docs = new PackStore(path.join(out, "cache"), "docs");
    expect(docs.corrupt).toBe(0);
    docs.close();
    expect(r.documents).toBe(5);
    expect(r.bytes).toBeGreaterThan(interim("clean.jsonl").length);
  });

  it("names the missing build when the corpus was never built", async () => {
    const { benchWrites } = await import("../pipeline/bin/bench-writes.js");
    expect(() => benchWrites(path.join(tmp, "never-built"), 1)).toThrow(/no interim\/clean\.jsonl; build the corpus first/);
  });
});
