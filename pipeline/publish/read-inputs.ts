// Reads the interim files the publish stage works from (file I/O: used by the
// publish script, not by the pure modules).
import fs from "node:fs";
import path from "node:path";
import type { Claim } from "../generated/types.js";
import type { CleanedDoc, Problem } from "../types.js";
import { UserError } from "../bin/cli.js";
import { sha256Hex } from "./checksums.js";
import type { PublishInput, RejectedRecord } from "./inputs.js";
import { compareText } from "./order.js";

function parseJsonl<T>(file: string, text: string): T[] {
  const out: T[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    try {
      out.push(JSON.parse(line) as T);
    } catch (e) {
      throw new UserError(`${file}:${i + 1}: not JSON (${(e as Error).message}); rerun the stage that wrote it`);
    }
  });
  return out;
}

/**
 * Reads DATA/interim/{valid,rejected,clean,problems.*}.jsonl. valid.jsonl and
 * clean.jsonl must exist; rejected.jsonl and problems files are optional (a
 * stage that found nothing may not write one). The inputs hash covers every
 * file read, by name and content, in a fixed order.
 */
export function readPublishInput(data: string): PublishInput {
  const dir = path.join(data, "interim");
  const required = ["valid.jsonl", "clean.jsonl"];
  for (const name of required) {
    if (!fs.existsSync(path.join(dir, name))) throw new UserError(`${path.join(dir, name)} does not exist: run the earlier stages first (npm run build-data runs them all)`);
  }
  const problemFiles = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => /^problems\.[^/]+\.jsonl$/.test(n)).sort(compareText) : [];
  const names = [...required, ...(fs.existsSync(path.join(dir, "rejected.jsonl")) ? ["rejected.jsonl"] : []), ...problemFiles];
  const texts = new Map<string, string>();
  const digest: string[] = [];
  for (const name of names) {
    const bytes = fs.readFileSync(path.join(dir, name));
    texts.set(name, bytes.toString("utf8"));
    digest.push(`${sha256Hex(bytes)}  ${name}\n`);
  }
  const read = <T>(name: string): T[] => (texts.has(name) ? parseJsonl<T>(path.join(dir, name), texts.get(name)!) : []);
  return {
    claims: read<Claim>("valid.jsonl"),
    docs: read<CleanedDoc>("clean.jsonl"),
    rejected: read<RejectedRecord>("rejected.jsonl"),
    problems: problemFiles.flatMap((n) => read<Problem>(n)),
    inputsSha256: sha256Hex(digest.join("")),
  };
}
