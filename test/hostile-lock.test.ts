// Two builds on one dist/ must not interleave: the second stops, naming the lock and its holder.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LOCK_NAME, withBuildLock } from "../pipeline/lock.js";
import { UserError } from "../pipeline/bin/cli.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
let dist: string;

beforeEach(() => {
  dist = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lock-")), "dist");
});
afterEach(() => {
  fs.rmSync(path.dirname(dist), { recursive: true, force: true });
});

const lockDir = () => path.join(dist, LOCK_NAME);

describe("withBuildLock", () => {
  it("runs the build, returns its value and leaves no lock behind", async () => {
    const seen: boolean[] = [];
    const v = await withBuildLock(dist, async () => {
      seen.push(fs.existsSync(lockDir()));
      return 42;
    });
    expect(v).toBe(42);
    expect(seen).toEqual([true]);
    expect(fs.readdirSync(dist)).toEqual([]);
  });

  it("releases the lock when the build throws", async () => {
    await expect(withBuildLock(dist, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(fs.readdirSync(dist)).toEqual([]);
  });

  it("stops a second build at once with a message naming the lock and the holder's pid", async () => {
    let release!: () => void;
    const first = withBuildLock(dist, () => new Promise<string>((r) => (release = () => r("first done"))));
    await waitFor(() => fs.existsSync(lockDir() + ".json"));
    const second = withBuildLock(dist, async () => "second ran");
    await expect(second).rejects.toBeInstanceOf(UserError);
    await expect(second).rejects.toThrow(
      new RegExp(`^another build is using .*: lock ${escape(lockDir())} is held \\(pid ${process.pid} on `),
    );
    release();
    await expect(first).resolves.toBe("first done");
  });

  it("with waitMs, waits a bounded time for the holder to finish", async () => {
    let release!: () => void;
    const order: string[] = [];
    const first = withBuildLock(dist, () => new Promise<void>((r) => (release = () => { order.push("first"); r(); })));
    await waitFor(() => fs.existsSync(lockDir() + ".json"));
    const second = withBuildLock(dist, async () => { order.push("second"); }, { waitMs: 5000 });
    setTimeout(() => release(), 300);
    await Promise.all([first, second]);
    expect(order).toEqual(["first", "second"]);
  });

  it("takes over a lock left by a killed build once it is stale", async () => {
    fs.mkdirSync(lockDir(), { recursive: true });
    fs.writeFileSync(lockDir() + ".json", JSON.stringify({ pid: 999999, host: "gone", started: "2024-01-01T00:00:00Z" }));
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockDir(), old, old);
    await expect(withBuildLock(dist, async () => "took over")).resolves.toBe("took over");
  });

  it("refuses while another process holds the lock, naming that process", async () => {
    const script = path.join(path.dirname(dist), "holder.mts");
    fs.writeFileSync(
      script,
      `import { withBuildLock } from ${JSON.stringify(path.join(repo, "pipeline/lock.ts"))};\n` +
        `await withBuildLock(${JSON.stringify(dist)}, async () => {\n` +
        `  process.stdout.write("locked " + process.pid + "\\n");\n` +
        `  await new Promise((r) => process.stdin.once("end", r).resume());\n` +
        `});\n`,
    );
    const child = spawn(path.join(repo, "node_modules/.bin/tsx"), [script], { stdio: ["pipe", "pipe", "inherit"] });
    const exited = new Promise<number | null>((r) => child.once("exit", r));
    try {
      // tsx runs the script in a node process of its own: the holder reports its pid.
      const holderPid = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (d: Buffer) => {
          const m = /locked (\d+)/.exec(d.toString());
          if (m) resolve(m[1]!);
        });
        void exited.then((code) => reject(new Error(`holder exited early (${code})`)));
      });
      await expect(withBuildLock(dist, async () => "ran")).rejects.toThrow(`(pid ${holderPid} on `);
    } finally {
      child.stdin.end();
      await exited;
    }
    await expect(withBuildLock(dist, async () => "after")).resolves.toBe("after");
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function waitFor(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}
