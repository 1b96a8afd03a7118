// Replays what the docs pass's main thread writes for a built corpus (its interim
// clean, claims and valid lines, and a cache pack record per document for cleaning
// and for extraction) through the same writers, AtomicJsonlWriter and PackStore,
// into a scratch folder: the cost of the writes alone, apart from the workers.
// Used by `npm run bench-writes`; the lines are read before the clock starts.
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { AtomicJsonlWriter } from "../bin/io.js";
import { PackStore } from "../cache/pack.js";
import { cleanPayload, docPayloadLines } from "../parallel/docs.js";

export interface BuiltLines {
  clean: string[];
  /** Per document (in clean's order), its claims lines; valid lines are the same lines. */
  claims: string[][];
}

export interface WriteReplay {
  documents: number;
  bytes: number;
  wall_ms: number;
  cpu_ms: number;
  user_ms: number;
  system_ms: number;
}

/** The interim lines of a built corpus, with claims grouped by document. */
export function readBuiltLines(data: string): BuiltLines {
  const lines = (f: string) => fs.readFileSync(path.join(data, "interim", f), "utf8").split("\n").filter((l) => l !== "");
  const clean = lines("clean.jsonl");
  const byDoc = new Map<string, string[]>();
  for (const l of lines("claims.jsonl")) {
    const id = (JSON.parse(l) as { doc_id: string }).doc_id;
    const mine = byDoc.get(id);
    if (mine) mine.push(l);
    else byDoc.set(id, [l]);
  }
  return { clean, claims: clean.map((l) => byDoc.get((JSON.parse(l) as { doc_id: string }).doc_id) ?? []) };
}

export function replayWrites(built: BuiltLines, out: string): WriteReplay {
  const key = (i: number, kind: string) => createHash("sha256").update(`${kind}${i}`).digest("hex");
  const keys = built.clean.map((_, i) => [key(i, "clean"), key(i, "docs")] as const);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const writers = ["clean", "claims", "valid"].map((n) => new AtomicJsonlWriter(path.join(out, `${n}.jsonl`), true));
  const [clean, claims, valid] = writers as [AtomicJsonlWriter, AtomicJsonlWriter, AtomicJsonlWriter];
  const cleanPack = new PackStore(path.join(out, "cache"), "clean");
  const docPack = new PackStore(path.join(out, "cache"), "docs");
  built.clean.forEach((line, i) => {
    const [cleanKey, docKey] = keys[i]!;
    cleanPack.put(cleanKey, cleanPayload({ p: [], e: "utf-8", l: 0, b: 0 }, line.slice(line.indexOf('"text":'))));
    clean.writeLine(line);
    const mine = built.claims[i]!;
    docPack.put(docKey, docPayloadLines({ unsupported: null, claims: mine, valid: mine.map((_, n) => n), rejected: [] }).join("\n"));
    for (const l of mine) claims.writeLine(l);
    for (const l of mine) valid.writeLine(l);
  });
  for (const w of writers) w.close();
  cleanPack.close();
  docPack.close();
  const cpu = process.cpuUsage(c0);
  const bytes = writers.reduce((n, w) => n + w.bytes, 0) + fs.statSync(cleanPack.packPath).size + fs.statSync(docPack.packPath).size;
  return {
    documents: built.clean.length,
    bytes,
    wall_ms: Math.round(performance.now() - t0),
    cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
    user_ms: Math.round(cpu.user / 1000),
    system_ms: Math.round(cpu.system / 1000),
  };
}
