// The worker thread's module as a bundle (pipeline/bundle.mjs), so that worker threads
// start without tsx.
import path from "node:path";
import { bundled } from "../bundle.mjs";

/** The bundled worker module's path, or why it could not be made (the pool then loads worker.ts through tsx). */
export async function workerBundle(): Promise<{ file: string } | { error: string }> {
  try {
    const dir = await bundled({ name: "worker", entries: ["pipeline/parallel/worker.ts"] });
    return { file: path.join(dir, "worker.mjs") };
  } catch (e) {
    return { error: (e as Error).message.split("\n")[0]! };
  }
}
