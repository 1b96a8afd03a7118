// Hostile manifests through runClean and through the script's command line.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { runClean } from "../pipeline/bin/clean.js";
import { UserError } from "../pipeline/bin/cli.js";
import type { CleanedDoc, Problem } from "../pipeline/types.js";
import { ARTICLE } from "./fixtures/hostile/make.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hostile-manifest-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A corpus with one article, raw/a.txt, and the given manifest bytes. */
function corpusWith(manifest: string | Uint8Array): string {
  const dir = path.join(tmp, `c${n++}`);
  fs.mkdirSync(path.join(dir, "raw"), { recursive: true });
  fs.writeFileSync(path.join(dir, "raw/a.txt"), ARTICLE);
  fs.writeFileSync(path.join(dir, "sources.csv"), manifest);
  return dir;
}

const jsonl = <T>(file: string): T[] => fs.readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as T);

function cli(...args: string[]) {
  const r = spawnSync(path.join(repo, "node_modules/.bin/tsx"), [path.join(repo, "pipeline/bin/clean.ts"), ...args], {
    encoding: "utf8",
    cwd: tmp,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("manifest variants through runClean", () => {
  it("a missing required column: one problem naming it, nothing built, outputs still written", async () => {
    const dir = corpusWith("doc_id,file,publisher,url,language\na,raw/a.txt,X,,fr\n");
    const s = await runClean({ data: dir, log: () => {} });
    expect(s).toMatchObject({ read: 0, cleaned: 0 });
    expect(s.problems[0]).toMatchObject({ stage: "manifest", file: "sources.csv", line: 1 });
    expect(s.problems[0]!.reason).toMatch(/^manifest unusable: missing required column published_at/);
    // The article is reported as unlisted too: with no usable manifest, nothing lists it.
    expect(s.problems.map((p) => p.file)).toEqual(["sources.csv", "raw/a.txt"]);
    expect(fs.readFileSync(path.join(dir, "interim/clean.jsonl"), "utf8")).toBe("");
    expect(jsonl<Problem>(path.join(dir, "interim/problems.clean.jsonl"))).toEqual(s.problems);
  });

  it("extra columns, a BOM and CRLF: the document is built", async () => {
    const dir = corpusWith("\uFEFFdoc_id,file,publisher,url,published_at,language,retrieved_at,license\r\na,raw/a.txt,X,,2024-10-30,fr,2024-11-01,CC-BY\r\n");
    const s = await runClean({ data: dir, log: () => {} });
    expect(s).toEqual({ read: 1, cleaned: 1, problems: [] });
    const [doc] = jsonl<CleanedDoc>(path.join(dir, "interim/clean.jsonl"));
    expect(doc).toMatchObject({ doc_id: "a", publisher: "X", published_at: "2024-10-30", language: "fr" });
    expect(Object.keys(doc!)).not.toContain("license");
  });

  it("a manifest saved as Windows-1252 is read, accents included", async () => {
    const dir = corpusWith(iconv.encode("doc_id,file,publisher,url,published_at,language\na,raw/a.txt,Le Télégramme,,2024-10-30,fr\n", "windows-1252"));
    const s = await runClean({ data: dir, log: () => {} });
    expect(s.problems).toEqual([]);
    expect(jsonl<CleanedDoc>(path.join(dir, "interim/clean.jsonl"))[0]!.publisher).toBe("Le Télégramme");
  });

  it("a binary manifest is unusable, said in one problem", async () => {
    const s = await runClean({ data: corpusWith(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])), log: () => {} });
    expect(s.problems[0]!.reason).toBe("manifest unusable: binary file (PNG image?); no document built");
  });

  it("a manifest that is a symlink out of the corpus folder is not read", async () => {
    const dir = corpusWith("");
    const secret = path.join(tmp, "secret.csv");
    fs.writeFileSync(secret, "doc_id,file,publisher,url,published_at,language\nsecret,raw/a.txt,X,,2024-10-30,fr\n");
    fs.rmSync(path.join(dir, "sources.csv"));
    fs.symlinkSync(secret, path.join(dir, "sources.csv"));
    const s = await runClean({ data: dir, log: () => {} });
    expect(s.cleaned).toBe(0);
    expect(s.problems[0]!.reason).toBe("manifest unusable: file sources.csv resolves outside the corpus folder (symlink?); not read; no document built");
  });

  it("no manifest at all is a user error, not a problem list", async () => {
    const dir = path.join(tmp, "no-manifest");
    fs.mkdirSync(dir);
    await expect(runClean({ data: dir })).rejects.toBeInstanceOf(UserError);
    await expect(runClean({ data: dir })).rejects.toThrow(/^no sources\.csv in /);
  });
});

describe("the clean script's command line", () => {
  it("prints one line per problem and a summary, exit 0, on a corpus with bad rows", () => {
    const dir = corpusWith("doc_id,file,publisher,url,published_at,language\na,raw/a.txt,X,,2024-10-30,fr\nb,raw/b.txt,X,,2024-13-45,fr\n");
    const r = cli("--data", dir);
    expect(r.stderr).toBe('raw/b.txt: b: sources.csv line 3: invalid published_at "2024-13-45": expected a real date YYYY-MM-DD; row rejected\n');
    expect(r.stdout).toBe("clean: 1 documents read, 1 cleaned, 1 problems\n");
    expect(r.code).toBe(0);
  });

  it("exits 1 when the manifest is unusable", () => {
    const r = cli("--data", corpusWith("doc_id,file\n"));
    expect(r.stderr).toMatch(/^sources\.csv: -: manifest unusable: missing required columns publisher, url, published_at, language/);
    expect(r.code).toBe(1);
  });

  it("a wrong --data gives one line and exit 2, no stack trace", () => {
    const r = cli("--data", path.join(tmp, "nowhere"));
    expect(r.stderr).toBe(`clean: error: corpus folder ${path.join(tmp, "nowhere")} does not exist\n`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(2);
  });
});
