// A small pool of worker threads running batches of documents (parallel/worker.ts).
// Batches go to whichever worker is free; results come back by batch id, and the
// caller puts them in order. No package: the protocol is two messages.
import { Worker } from "node:worker_threads";
import type { DocResult, DocTask } from "./task.js";

interface Job {
  id: number;
  tasks: DocTask[];
  resolve: (r: DocResult[]) => void;
  reject: (e: Error) => void;
}

export class DocPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
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
          this.idle.push(w);
          this.pump();
          return;
        }
        const job = this.running.get(w);
        this.running.delete(w);
        this.idle.push(w);
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
    for (const job of this.running.values()) job.reject(e);
    this.running.clear();
    for (const job of this.queue.splice(0)) job.reject(e);
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.running.set(w, job);
      w.postMessage({ id: job.id, tasks: job.tasks });
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
