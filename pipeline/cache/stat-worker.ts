// Worker thread of statDigest (cache/stat-digest.ts): stats shares of the files until none is left.
import { parentPort } from "node:worker_threads";
import { statShares, type StatJob } from "./stat-digest.js";

parentPort!.once("message", (job: StatJob) => {
  parentPort!.postMessage(statShares(job.data, job.files, new Int32Array(job.next)));
});
