// Vitest global setup: every test file and every child process it starts
// makes its temporary folders under one root, removed when the run ends, so
// a test run leaves nothing behind in the system's temporary folder (it left
// hundreds of corpora and releases there before). os.tmpdir() reads TMPDIR on
// each call, and child processes inherit it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "nk-tests-"));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    fs.rmSync(root, { recursive: true, force: true });
  };
}
