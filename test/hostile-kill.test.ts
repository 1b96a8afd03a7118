// A clean stage killed mid-write leaves the previous clean.jsonl intact, never half a file.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { ARTICLE, manifestCsv } from "./fixtures/hostile/make.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hostile-kill-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it("SIGKILL while clean.jsonl is being written keeps the old file whole", async () => {
  const corpus = path.join(tmp, "corpus");
  fs.mkdirSync(path.join(corpus, "raw"), { recursive: true });
  fs.mkdirSync(path.join(corpus, "interim"));
  // Enough text that the output passes the writer's 1 MB buffer well before the end.
  const docs = 80;
  const big = Array.from({ length: 150 }, (_, i) => ARTICLE.replace("10 000", String(1000 + i))).join("\n\n");
  const rows = Array.from({ length: docs }, (_, i) => ({ doc_id: `d${String(i).padStart(3, "0")}`, file: `raw/d${i}.txt` }));
  rows.forEach((r) => fs.writeFileSync(path.join(corpus, r.file), big));
  fs.writeFileSync(path.join(corpus, "sources.csv"), manifestCsv(rows));
  const old = '{"doc_id":"old"}\n';
  fs.writeFileSync(path.join(corpus, "interim/clean.jsonl"), old);

  // node --import tsx: one process, so the kill reaches the writer itself (tsx's CLI would forward it to a child).
  const child = spawn(process.execPath, ["--import", "tsx", path.join(repo, "pipeline/bin/clean.ts"), "--data", corpus], {
    cwd: repo,
    stdio: "ignore",
  });
  const exited = new Promise<NodeJS.Signals | null>((r) => child.once("exit", (_code, signal) => r(signal)));

  const interim = path.join(corpus, "interim");
  const partial = () => fs.readdirSync(interim).find((f) => f.startsWith("clean.jsonl.tmp-"));
  const deadline = Date.now() + 60_000;
  let tmpName: string | undefined;
  while (Date.now() < deadline) {
    tmpName = partial();
    if (tmpName && fs.statSync(path.join(interim, tmpName), { throwIfNoEntry: false })?.size) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");

  expect(tmpName, "the stage had started writing").toBeDefined();
  expect(fs.readFileSync(path.join(interim, "clean.jsonl"), "utf8")).toBe(old);
});
