// Worker thread of the parallel build: runs batches of DocTask and posts the results back.
import { parentPort } from "node:worker_threads";
import { runBatch, type DocTask } from "./task.js";

parentPort!.on("message", (m: { id: number; tasks: DocTask[] }) => {
  try {
    parentPort!.postMessage({ id: m.id, results: runBatch(m.tasks) });
  } catch (e) {
    const err = e as Error;
    parentPort!.postMessage({ id: m.id, error: err.stack ?? err.message });
  }
});
parentPort!.postMessage({ ready: true });
