// The worker module (worker.ts) for a tinypool worker (parallel/pool.ts) when there is no
// bundle: makes TypeScript loadable (tsx) first. Plain JavaScript, because a worker does
// not inherit the loader hooks of the thread that started it when that thread is a test
// runner's or a plain `node --import tsx` one.
const { register } = await import("tsx/esm/api");
register();
const { default: runBatch } = await import("./worker.ts");
export default runBatch;
