// A small pool of worker threads running batches of documents (parallel/worker.ts).
// Batches go to the worker with the fewest in flight; each worker answers its batches
// in the order it got them, and the caller puts them in order. No package: the
// protocol is two messages.
//
// Each worker is given up to IN_FLIGHT batches at once, so that it has the next one
// in its own message queue when it finishes one: a batch handed out only when the
// previous one comes back waits for this thread's event loop, which is busy for
// 0.1-0.45 s at a time writing a chunk of documents (docs.ts finish). Measured on
// 2 CPUs, cold build of 10,000 bench documents, four alternating pairs: docs pass
// 11.0-11.5 s in three pairs and 12.4 s in one, against 11.5-12.6 s with one batch
// per worker.
import { Worker } from "node:worker_threads";
import type { DocResult, DocTask } from "./task.js";

/** Batches given to a worker before it has answered the first (see above). */
const IN_FLIGHT = 3;

interface Job {
  id: number;
  tasks: DocTask[];
  resolve: (r: DocResult[]) => void;
  reject: (e: Error) => void;
}

export class DocPool {
  /** Started workers; the first batch goes to the one with the fewest in flight. */
  private readonly ready: Worker[] = [];
  private readonly queue: Job[] = [];
  /** Per worker, its batches in the order it was given them (it answers in that order). */
  private readonly running = new Map<Worker, Job[]>();
  private readonly workers: Worker[] = [];
  private nextId = 0;
  private failed: Error | null = null;
  private closing = false;

  /** `bundle`: the worker module bundled as JavaScript (worker-bundle.ts); without it, workers load worker.ts through tsx. */
  constructor(size: number, bundle: string | null = null) {
    const boot = new URL("./boot.mjs", import.meta.url);
    const entry = new URL("./worker.ts", import.meta.url).href;
    for (let i = 0; i < size; i++) {
      // execArgv []: the bundle needs no loader, and boot.mjs registers tsx itself (inheriting the parent's --import tsx would register it twice).
      const w = bundle ? new Worker(bundle, { execArgv: [] }) : new Worker(boot, { workerData: { entry }, execArgv: [] });
      this.workers.push(w);
      w.on("message", (m: { ready?: boolean; id?: number; results?: DocResult[]; error?: string }) => {
        if (m.ready) {
          this.ready.push(w);
          this.running.set(w, []);
          this.pump();
          return;
        }
        const job = this.running.get(w)?.shift();
        if (job) {
          if (m.error) job.reject(new Error(`worker failed on a batch: ${m.error}`));
          else job.resolve(m.results!);
        }
        this.pump();
      });
      w.on("error", (e) => this.fail(e));
      w.on("exit", (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`worker thread exited with code ${code}`));
      });
    }
  }

  private fail(e: Error): void {
    this.failed ??= e;
    for (const jobs of this.running.values()) for (const job of jobs.splice(0)) job.reject(e);
    for (const job of this.queue.splice(0)) job.reject(e);
  }

  private pump(): void {
    while (this.queue.length) {
      let best: Job[] | null = null;
      let worker: Worker | null = null;
      for (const w of this.ready) {
        const jobs = this.running.get(w)!;
        if (jobs.length < IN_FLIGHT && (!best || jobs.length < best.length)) {
          best = jobs;
          worker = w;
        }
      }
      if (!best || !worker) return;
      const job = this.queue.shift()!;
      best.push(job);
      worker.postMessage({ id: job.id, tasks: job.tasks });
    }
  }

  run(tasks: DocTask[]): Promise<DocResult[]> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, tasks, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
