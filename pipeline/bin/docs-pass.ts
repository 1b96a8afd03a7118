// `node pipeline/bin/run.mjs docs-pass`: build-data's docs pass in a process of its own
// (parallel/docs-process.ts starts it with an IPC channel; it is not a command for users).
// It reads its options from one message and answers with one: the summary, or the error.
import { runDocs } from "../parallel/docs.js";
import type { ChildUsage, DocsAnswer, DocsRequest } from "../parallel/docs-process.js";
import { procStatus } from "../proc.js";
import { isMain, UserError } from "./cli.js";

/** This process's peak RSS (VmHWM, worker threads included) and CPU time, for build-data's figures. */
function ownUsage(): ChildUsage {
  const cpu = process.cpuUsage();
  return { peakRssBytes: procStatus("self")?.hwm ?? null, cpuUserUs: cpu.user, cpuSystemUs: cpu.system };
}

if (isMain(import.meta.url)) {
  if (!process.send) {
    process.stderr.write("docs-pass: started by build-data for large corpora, not by hand (run npm run build-data)\n");
    process.exit(2);
  }
  let answered = false;
  // The build that started this one is gone (killed): stop rather than write interim files nobody will use.
  process.on("disconnect", () => {
    if (!answered) process.exit(1);
  });
  process.once("message", (request: DocsRequest) => {
    const reply = (answer: DocsAnswer, code: number) => {
      answered = true;
      process.send!(answer, () => {
        process.exitCode = code;
        process.disconnect();
      });
    };
    runDocs(request).then(
      (summary) => reply({ summary, process: ownUsage() }, 0),
      (e: unknown) => {
        const err = e instanceof Error ? e : new Error(String(e));
        reply({ error: { message: err.message, user: err instanceof UserError, stack: err.stack ?? err.message } }, 1);
      },
    );
  });
}
