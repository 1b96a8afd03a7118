// Entry of a worker thread: makes TypeScript loadable (tsx), then loads the worker module.
// Plain JavaScript, because a worker does not inherit the loader hooks of the thread
// that started it when that thread is a test runner's or a plain `node --import tsx` one.
// The module to load is workerData.entry: the Worker's own (cache/stat-digest.ts) or, in a
// tinypool thread (parallel/pool.ts), the pool's. Its default export is this module's: the
// function tinypool calls.
import { workerData } from "node:worker_threads";

const { entry } = workerData?.entry ? workerData : (await import("tinypool")).Tinypool.workerData;
const { register } = await import("tsx/esm/api");
register();
const loaded = await import(entry);
export default loaded.default;
