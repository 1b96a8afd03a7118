// The worker thread's module from the pipeline's bundle (pipeline/bundle.mjs, the one the
// commands run from), so that worker threads start without tsx; NK_NO_BUNDLE=1 in the
// environment makes them load it through tsx.
import path from "node:path";
import { bundled, PIPELINE } from "../bundle.mjs";

/** The bundled worker module's path, or why it could not be made (the pool then loads worker.ts through tsx). */
export async function workerBundle(): Promise<{ file: string } | { error: string }> {
  try {
    if (process.env.NK_NO_BUNDLE === "1") throw new Error("NK_NO_BUNDLE=1");
    const dir = await bundled(PIPELINE);
    return { file: path.join(dir, "worker.mjs") };
  } catch (e) {
    return { error: (e as Error).message.split("\n")[0]! };
  }
}
