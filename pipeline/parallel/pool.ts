// The worker threads of the parallel build (tinypool), each running batches of documents
// (parallel/worker.ts). Each batch's promise gets its own results; the caller puts them in order.
// tinypool rather than piscina: piscina 5 depends on a native package built per platform
// (@napi-rs/nice), the kind a clean install here can fail on (shared notes on libraries).
// Against the pool of our own that it replaced, in alternating pairs of cold bench builds
// (2026-12-06/07): at 10,000 articles, eight pairs, docs pass 9.79-11.66 s against 9.56-12.25 s
// (median ratio about 1.0), peak RSS 376-437 MiB against 355-403; at 100,000, three pairs, docs
// pass 74.6-92.2 s against 71.0-102.0 s (ratios 0.85, 0.90, 1.12), the docs process's peak RSS
// 675-694 MiB against 599-626, the build's (publish's) 743-760 against 742-745.
//
// Each worker is given up to IN_FLIGHT batches at once, so that it has the next one
// in its own message queue when it finishes one: a batch handed out only when the
// previous one comes back waits for this thread's event loop, which is busy for
// 0.1-0.45 s at a time writing a chunk of documents (docs.ts finish). Measured on
// 2 CPUs, cold build of 10,000 bench documents, four alternating pairs: docs pass
// 11.0-11.5 s in three pairs and 12.4 s in one, against 11.5-12.6 s with one batch
// per worker.
import { Tinypool } from "tinypool";
import type { DocResult, DocTask } from "./task.js";

/** Batches given to a worker before it has answered the first (see above). */
const IN_FLIGHT = 3;

export class DocPool {
  private readonly pool: Tinypool;
  /** Why the pool stopped: a worker failed with no batch of its own to reject, or exited. */
  private failed: Error | null = null;
  /** Rejects each batch not answered yet (see stop). */
  private readonly pending = new Set<(e: Error) => void>();
  private closing = false;
  /** The threads' termination once the pool stopped. */
  private terminated: Promise<void> = Promise.resolve();

  /** `bundle`: the worker module bundled as JavaScript (worker-bundle.ts); without it, workers load worker.ts through tsx. */
  constructor(size: number, bundle: string | null = null) {
    this.pool = new Tinypool({
      // Without a bundle, boot.mjs registers tsx and loads worker.ts (workerData.entry).
      filename: bundle ?? new URL("./boot.mjs", import.meta.url).href,
      workerData: bundle ? undefined : { entry: new URL("./worker.ts", import.meta.url).href },
      minThreads: size,
      maxThreads: size,
      concurrentTasksPerWorker: IN_FLIGHT,
      // The bundle needs no loader, and boot.mjs registers tsx itself (inheriting the parent's --import tsx would register it twice).
      execArgv: [],
    });
    // tinypool emits "error" for a worker that fails while it has no batch (one that cannot load its
    // module, say) and starts no other; a worker thread that exits (process.exit) is not noticed at
    // all. Either way the batches queued or in flight would wait forever: they are rejected here.
    this.pool.on("error", (e: Error) => this.stop(e));
    for (const w of this.pool.threads) {
      // A thread that threw exits after its "error": the error is the reason, not the exit.
      let error: Error | null = null;
      w.on("error", (e: Error) => (error ??= e));
      w.on("exit", (code: number) => {
        if (!this.closing) this.stop(error ?? new Error(`worker thread exited with code ${code}`));
      });
    }
  }

  /**
   * Rejects every batch not answered yet and ends the threads. Not with tinypool's destroy(): it
   * waits for the "exit" of each thread, which one that has already exited never gives again, and a
   * thread's "error" while it waits throws in this thread (tinypool 2.2: `events.once` on its thread
   * wrapper, which has no removeListener).
   */
  private stop(e: Error): void {
    this.failed ??= e;
    this.closing = true;
    for (const reject of this.pending) reject(this.failed);
    this.pending.clear();
    this.terminated = this.terminateThreads();
  }

  private async terminateThreads(): Promise<void> {
    await Promise.allSettled(this.pool.threads.map((t) => t.terminate()));
  }

  /** The results of `tasks`, in their order; rejects when the batch threw, or a worker died or exited. */
  run(tasks: DocTask[]): Promise<DocResult[]> {
    const failed = (e: Error) => new Error(`worker failed on a batch: ${e.stack ?? e.message}`);
    if (this.failed) return Promise.reject(failed(this.failed));
    return new Promise((resolve, reject) => {
      const fail = (e: Error) => reject(failed(e));
      this.pending.add(fail);
      this.pool.run(tasks).then(
        (r: DocResult[]) => resolve(r),
        (e: Error) => fail(this.failed ?? e),
      ).finally(() => this.pending.delete(fail));
    });
  }

  async close(): Promise<void> {
    if (this.failed) {
      await this.terminated;
      // And any thread tinypool started in place of one that failed.
      await this.terminateThreads();
      return;
    }
    this.closing = true;
    await this.pool.destroy();
  }
}
