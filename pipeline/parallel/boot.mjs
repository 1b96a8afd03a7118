// Entry of a worker thread: makes TypeScript loadable (tsx), then loads the worker module.
// Plain JavaScript, because a worker does not inherit the loader hooks of the thread
// that started it when that thread is a test runner's or a plain `node --import tsx` one.
import { workerData } from "node:worker_threads";

const { register } = await import("tsx/esm/api");
register();
await import(workerData.entry);
