// End to end: the README's build command on the seed corpus, and on a corpus
// folder outside the repository.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { snapshot } from "./helpers/tree.js";

const repo = path.resolve(import.meta.dirname, "..");

function tmp(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function copyCorpus(to: string): void {
  fs.mkdirSync(path.join(to, "raw"), { recursive: true });
  fs.copyFileSync(path.join(repo, "data", "sources.csv"), path.join(to, "sources.csv"));
  for (const f of fs.readdirSync(path.join(repo, "data", "raw"))) {
    fs.copyFileSync(path.join(repo, "data", "raw", f), path.join(to, "raw", f));
  }
}

/** What `npm run build-data -- ARGS` runs (package.json): the launcher, which runs the bundled script. */
function build(args: string[]) {
  const script = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")).scripts["build-data"] as string;
  const [cmd, ...pre] = script.split(" ");
  expect(cmd).toBe("node");
  return spawnSync(process.execPath, [...pre, ...args], { cwd: repo, encoding: "utf8" });
}

describe("npm run build-data", () => {
  it("builds a corpus folder outside the repository into another output folder", () => {
    const data = tmp("corpus-");
    const dist = tmp("dist-");
    copyCorpus(data);
    const r = build(["--data", data, "--dist", dist]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/documents read\s+5/);
    expect(r.stdout).toMatch(/documents cleaned\s+5/);
    const latest = fs.readFileSync(path.join(dist, "latest", "claims.csv"), "utf8");
    const header = latest.split(/\r?\n/)[0]!;
    expect(header.startsWith("claim_id,doc_id,")).toBe(true);
    // Every seed document contributes claims to the release.
    for (const doc of ["000_34d2db624d6465cf", "001_44ef34f5a87a39db", "002_fd0b306409274ced", "003_979c77e09e908fdc", "004_c25c54cb5abeab04"]) {
      expect(latest).toContain(doc);
    }
    // The versioned folder sits beside latest/ with the same claims.
    const versions = fs.readdirSync(dist).filter((d) => /^v\d+\.\d+\.\d+$/.test(d));
    expect(versions).toEqual(["v1.0.0"]);
    expect(fs.readFileSync(path.join(dist, "v1.0.0", "claims.csv"), "utf8")).toBe(latest);
    // No machine path leaks into any output.
    for (const [name, bytes] of snapshot(dist)) {
      expect(bytes.includes(Buffer.from(data)), name).toBe(false);
      expect(bytes.includes(Buffer.from(os.tmpdir() + "/")), name).toBe(false);
    }
  });

  it("rebuilding the repository's corpus leaves the committed dist/ byte-identical", () => {
    const committed = path.join(repo, "dist");
    const dist = tmp("dist-copy-");
    fs.cpSync(committed, dist, { recursive: true });
    const before = snapshot(dist);
    expect(before.size, "dist/ is committed").toBeGreaterThan(0);
    const data = tmp("corpus-");
    copyCorpus(data);
    const r = build(["--data", data, "--dist", dist]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/unchanged/i);
    const after = snapshot(dist);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes), name).toBe(true);
  });

  it("stops with a one-line reason when the corpus folder has no manifest", () => {
    const data = tmp("empty-corpus-");
    const dist = tmp("dist-");
    const r = build(["--data", data, "--dist", dist]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/sources\.csv/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace for a user error
  });

  it("refuses an output folder inside the corpus folder, before writing anything", () => {
    const data = tmp("corpus-");
    copyCorpus(data);
    for (const dist of [path.join(data, "dist"), data]) {
      const r = build(["--data", data, "--dist", dist]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`--dist ${dist} is inside the corpus folder ${data}`);
      expect(fs.existsSync(path.join(data, "dist"))).toBe(false);
      expect(fs.existsSync(path.join(data, "interim"))).toBe(false);
    }
  });

  it("prints its usage for --help and builds nothing", () => {
    const r = build(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run build-data/);
    expect(r.stdout).not.toMatch(/Build summary/);
  });

  it("rejects an unknown option", () => {
    const r = build(["--dats", "x"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option --dats/);
  });
});

describe("the repository", () => {
  it("keeps interim files out of git", () => {
    const ignored = execFileSync("git", ["check-ignore", "data/interim/clean.jsonl"], { cwd: repo, encoding: "utf8" });
    expect(ignored.trim()).toBe("data/interim/clean.jsonl");
  });
});
