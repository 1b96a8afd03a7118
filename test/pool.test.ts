// The worker pool hands each worker several batches at once (pool.ts IN_FLIGHT): each
// answer must still reach the batch it belongs to, and a failed batch only its caller.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocPool } from "../pipeline/parallel/pool.js";
import { workerBundle } from "../pipeline/parallel/worker-bundle.js";
import { runTask, type DocResult, type DocTask } from "../pipeline/parallel/task.js";
import { docMeta } from "../pipeline/parallel/doc-lines.js";
import { readManifestBytes } from "../pipeline/bin/clean.js";

let pool: DocPool;

beforeAll(async () => {
  const b = await workerBundle();
  pool = new DocPool(2, "file" in b ? b.file : null);
});

/** The seed articles under n new ids (`tag`: a test's own): five documents repeated, each batch a different mix. */
function seedTasks(n: number, tag: string): DocTask[] {
  const sources = readManifestBytes("data", () => {})!.sources;
  return Array.from({ length: n }, (_, i) => {
    const s = sources[i % sources.length]!;
    const bytes = new Uint8Array(fs.readFileSync(path.join("data", s.file)));
    return { meta: { ...docMeta(s), doc_id: `${s.doc_id}-${tag}${i}` }, raw_sha256: String(i).padStart(64, "0"), raw_bytes: bytes.length, bytes };
  });
}

afterAll(() => pool.close());

/** Batches of 1, 2, 3, ... tasks, in order. */
function batches(all: DocTask[]): DocTask[][] {
  const out: DocTask[][] = [];
  for (let i = 0, n = 1; i < all.length; i += n, n++) out.push(all.slice(i, i + n));
  return out;
}

/** A result without its thread time (DocResult.ms), which differs from run to run. */
const timeless = (r: DocResult) => ({ ...r, ms: undefined });

describe("DocPool", () => {
  it("answers every batch with its own results when all are queued at once", async () => {
    const bs = batches(seedTasks(30, "a"));
    expect(bs.length).toBeGreaterThan(6); // more than two workers times IN_FLIGHT
    const results = await Promise.all(bs.map((b) => pool.run(b)));
    results.forEach((r, i) => expect(r.map(timeless)).toEqual(bs[i]!.map((t) => timeless(runTask(t)))));
    // Each result says how long its thread spent on it; what it gives does not depend on that.
    expect(results.flat().every((r) => r.ms.length === 3 && r.ms.every((ms) => ms >= 0) && r.ms[0] > 0)).toBe(true);
    expect(results.flat().reduce((n, r) => n + (r.extract?.claims.length ?? 0), 0)).toBeGreaterThan(100);
  });

  it("rejects only the batch that failed; the batches queued behind it on the same worker still resolve", async () => {
    const bs = batches(seedTasks(15, "b"));
    // Not a list of tasks: runBatch throws in the worker.
    const runs = bs.map((b, i) => (i === 2 ? pool.run(null as unknown as DocTask[]) : pool.run(b)));
    const settled = await Promise.allSettled(runs);
    settled.forEach((s, i) => {
      if (i === 2) {
        expect(s.status).toBe("rejected");
        expect(String((s as PromiseRejectedResult).reason)).toMatch(/worker failed on a batch: TypeError/);
      } else {
        expect(s.status).toBe("fulfilled");
        expect((s as PromiseFulfilledResult<DocResult[]>).value.map(timeless)).toEqual(bs[i]!.map((t) => timeless(runTask(t))));
      }
    });
  });

  it("a document gives the same result whatever the thread checked before it (what the cache keeps depends on it alone)", async () => {
    const [task] = seedTasks(1, "c");
    const first = runTask(task!);
    expect(first.extract!.valid.length).toBeGreaterThan(0);
    expect(first.extract!.rejected).toEqual([]);
    // The same claim ids again in this thread, and in a worker after other documents: still valid, not "duplicates".
    expect(timeless(runTask(task!))).toEqual(timeless(first));
    const [again] = await pool.run([...seedTasks(4, "c").slice(1), task!]).then((r) => r.slice(-1));
    expect(timeless(again!)).toEqual(timeless(first));
  });

  it("rejects, and does not wait forever, when the worker module cannot be loaded", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pool-"));
    const throwing = path.join(dir, "throws.mjs");
    fs.writeFileSync(throwing, "throw new Error('broken worker module');\nexport default () => [];\n");
    // Each thread fails a little later than the one before: the second fails while the pool is being stopped.
    const later = path.join(dir, "throws-later.mjs");
    fs.writeFileSync(
      later,
      "import { threadId } from 'node:worker_threads';\nawait new Promise((r) => setTimeout(r, 150 * (threadId % 4)));\nthrow new Error('broken worker module');\nexport default () => [];\n",
    );
    for (const file of [throwing, later, path.join(dir, "missing.mjs")]) {
      const broken = new DocPool(2, file);
      try {
        // More batches than the workers take at once: those still queued must be rejected too.
        const settled = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => broken.run(seedTasks(2, `d${i}`))));
        for (const s of settled) {
          expect(s.status).toBe("rejected");
          expect(String((s as PromiseRejectedResult).reason)).toMatch(/worker failed on a batch: .*(broken worker module|Cannot find module)/s);
        }
        await expect(broken.run(seedTasks(1, "e"))).rejects.toThrow(/worker failed on a batch/);
      } finally {
        await broken.close();
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }, 20_000);

  it("rejects the batches of a worker thread that exits, and still closes", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pool-"));
    const exits = path.join(dir, "exits.mjs");
    // A batch of two tasks makes its thread exit (what process.exit in a dependency would do); others give [].
    fs.writeFileSync(exits, "export default (tasks) => { if (tasks.length === 2) process.exit(3); return []; };\n");
    const pool = new DocPool(2, exits);
    try {
      const sizes = [1, 2, 1, 1, 1, 1];
      const settled = await Promise.allSettled(sizes.map((n, i) => pool.run(seedTasks(n, `x${i}`))));
      expect(settled[1]!.status).toBe("rejected");
      expect(String((settled[1] as PromiseRejectedResult).reason)).toMatch(/worker failed on a batch: .*worker thread exited with code 3/s);
      // Each batch either got its answer or was rejected: none is left waiting.
      for (const s of settled) if (s.status === "fulfilled") expect(s.value).toEqual([]);
      await expect(pool.run(seedTasks(1, "y"))).rejects.toThrow(/exited with code 3/);
    } finally {
      await pool.close();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }, 20_000);
});
