// The worker thread's module from the pipeline's bundle (pipeline/bundle.mjs, the one the
// commands run from), so that worker threads start without tsx; NK_NO_BUNDLE=1 in the
// environment makes them load it through tsx.
import path from "node:path";
import { pipelineBundle } from "../bundle.mjs";

/** The bundled worker module's path, or why it could not be made (the pool then loads worker.ts through tsx). */
export async function workerBundle(): Promise<{ file: string } | { error: string }> {
  try {
    const dir = await pipelineBundle();
    return { file: path.join(dir, "worker.mjs") };
  } catch (e) {
    return { error: (e as Error).message.split("\n")[0]! };
  }
}
