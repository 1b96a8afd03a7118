// Worker thread of the parallel build: tinypool (parallel/pool.ts) calls the default
// export with a batch of DocTask and posts what it returns back.
import { runBatch } from "./task.js";

export default runBatch;
