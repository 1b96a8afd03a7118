// Child process for test/publish-crash.test.ts: loads the publish stage, says
// "ready", runs one publish when told, says "done". The parent SIGKILLs it at a
// random moment of that run.
import { runPublish } from "../pipeline/bin/publish.js";

process.on("message", (m: { data: string; dist: string }) => {
  runPublish({ data: m.data, dist: m.dist, strict: false }).then(
    (s) => process.send!({ done: s.version }),
    (e: unknown) => process.send!({ error: String(e) }),
  );
});
process.send!({ ready: true });
