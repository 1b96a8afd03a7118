// build-data's docs pass (docs.ts) in a child process, for large corpora. What the
// pass allocates (cache indexes, the ledger, worker threads' heaps and the allocator's
// arenas they leave behind) goes back to the system when that process exits, so
// publish starts from a small process instead of stacking its own peak on that
// memory. Measured at 100,000 bench articles: the process still held about 380 MB
// of RSS after an in-process docs pass, with only ~160 MB of it V8's heap.
//
// Protocol (bin/docs-pass.ts): the options go to the child in one IPC message, and
// the summary (or the error) comes back in one. Progress and problem lines go to the
// same stdout and stderr as this process's.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { UserError } from "../bin/cli.js";
import type { DocsOptions, DocsSummary } from "./docs.js";

/** The child's own peak RSS (null when /proc is not there) and CPU time, in bytes and microseconds. */
export interface ChildUsage {
  peakRssBytes: number | null;
  cpuUserUs: number;
  cpuSystemUs: number;
}

/** What the child sends back: exactly one of the two. */
export type DocsAnswer = { summary: DocsSummary; process: ChildUsage } | { error: { message: string; user: boolean; stack: string } };

/** Options as they cross to the child: no callback. */
export type DocsRequest = Omit<DocsOptions, "log">;

/** Runs the docs pass in a child process (`node pipeline/bin/run.mjs docs-pass`) and returns its summary. */
export function runDocsInChild(opts: DocsRequest): Promise<DocsSummary & { process: ChildUsage }> {
  const launcher = fileURLToPath(new URL("../bin/run.mjs", import.meta.url));
  // A profiled build (`bench --cpu-prof`) profiles its docs pass too.
  const profiling = process.execArgv.filter((a) => a.startsWith("--cpu-prof"));
  const child = spawn(process.execPath, [...profiling, launcher, "docs-pass"], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    serialization: "advanced",
  });
  return new Promise((resolve, reject) => {
    let answer: DocsAnswer | null = null;
    child.on("message", (m: DocsAnswer) => {
      answer ??= m;
    });
    child.on("error", (e) => reject(new Error(`could not start the docs pass's process: ${e.message}`)));
    child.on("exit", (code, signal) => {
      if (answer && "summary" in answer && code === 0) resolve({ ...answer.summary, process: answer.process });
      else if (answer && "error" in answer) {
        const e = answer.error.user ? new UserError(answer.error.message) : new Error(answer.error.message);
        if (!answer.error.user) e.stack = answer.error.stack;
        reject(e);
      } else {
        reject(new Error(`the docs pass's process ${signal ? `was killed by ${signal}` : `exited with code ${code}`} before it finished; nothing was published (the next build redoes the pass)`));
      }
    });
    // The options by name: an object with more in it (a log callback) would not cross.
    const { data, workers, cache, minParallelTasks } = opts;
    child.send({ data, workers, cache, minParallelTasks } satisfies DocsRequest);
  });
}
