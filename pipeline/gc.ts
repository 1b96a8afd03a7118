// A full garbage collection on demand, for the few places that walk every document
// or row of a large corpus (the docs pass, publish). V8 sizes the old generation by
// the machine's memory (up to 4 GB here) and lets the short-lived strings and
// objects of a 500k-row walk pile up in it before collecting: measured +800 MB of RSS during the diff against
// the previous release, all of it garbage (heap back to ~420 MB after one collection).
// A collection every 64k rows keeps the walk within its live size, at ~0.1-0.3 s each.
import v8 from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | null | undefined;

/** Heap in use right after the last collection made here. */
let liveAfterLast = 0;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString("--expose-gc");
      gc = runInNewContext("gc") as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
  liveAfterLast = v8.getHeapStatistics().used_heap_size;
}

/**
 * A collection only once the heap has grown by `growth` bytes since the last one:
 * for a loop whose garbage per step varies (a chunk of cache hits makes megabytes of
 * strings, a chunk copied from the previous interim files almost none).
 */
export function collectGarbageIfGrown(growth: number): void {
  if (v8.getHeapStatistics().used_heap_size >= liveAfterLast + growth) collectGarbage();
}

/** Rows between two collections in a walk over a whole table. */
export const GC_EVERY_ROWS = 65536;
