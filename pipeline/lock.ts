// One build at a time per dist/ folder.
//
// Two builds writing the same release would interleave files. proper-lockfile
// takes the lock atomically (mkdir of DIST/.build-lock) and keeps its mtime fresh
// while we hold it; a lock whose holder died (kill -9, power loss) goes stale
// after STALE_MS and the next build takes it over without anyone deleting it by
// hand. The lock itself carries no owner, so the holder writes its pid beside it
// (DIST/.build-lock.json) for the message the second build prints.
//
// Policy: the second build does not queue up behind the first. By default it
// stops at once with a message naming the lock and the holder; `waitMs` lets a
// caller wait a bounded time instead.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import lockfile from "proper-lockfile";
import { UserError } from "./bin/cli.js";

export const LOCK_NAME = ".build-lock";
const STALE_MS = 10_000;

export interface LockOptions {
  /** How long to keep trying when another build holds the lock (default 0: fail at once). */
  waitMs?: number;
}

interface Holder {
  pid: number;
  host: string;
  started: string;
}

/** Runs `fn` while holding DIST/.build-lock; throws a UserError naming the holder if it is taken. */
export async function withBuildLock<T>(distDir: string, fn: () => Promise<T>, opts: LockOptions = {}): Promise<T> {
  fs.mkdirSync(distDir, { recursive: true });
  const lockPath = path.join(distDir, LOCK_NAME);
  const ownerPath = `${lockPath}.json`;
  let compromised: Error | null = null;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(distDir, {
      lockfilePath: lockPath,
      realpath: false,
      stale: STALE_MS,
      update: STALE_MS / 2,
      retries: retriesFor(opts.waitMs ?? 0),
      // The default handler throws from a timer, which would kill the process mid-write;
      // record it and fail the build when fn returns instead.
      onCompromised: (err) => {
        compromised = err;
      },
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ELOCKED") throw e;
    const holder = readHolder(ownerPath);
    const who = holder ? `pid ${holder.pid} on ${holder.host}, started ${holder.started}` : "holder unknown";
    throw new UserError(
      `another build is using ${distDir}: lock ${lockPath} is held (${who}). ` +
        `Wait for it to finish; a lock left by a killed build is taken over ${STALE_MS / 1000} s after its holder stopped.`,
    );
  }
  const holder: Holder = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() };
  fs.writeFileSync(ownerPath, JSON.stringify(holder) + "\n");
  try {
    const result = await fn();
    if (compromised) throw new Error(`build lock ${lockPath} was lost while building: ${(compromised as Error).message}`);
    return result;
  } finally {
    fs.rmSync(ownerPath, { force: true });
    await release().catch(() => {
      // Already released because it was compromised: nothing left to undo.
    });
  }
}

function retriesFor(waitMs: number): lockfile.LockOptions["retries"] {
  if (waitMs <= 0) return 0;
  const interval = 200;
  return { retries: Math.ceil(waitMs / interval), factor: 1, minTimeout: interval, maxTimeout: interval };
}

function readHolder(file: string): Holder | null {
  try {
    const h = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Holder>;
    return typeof h.pid === "number" ? { pid: h.pid, host: String(h.host), started: String(h.started) } : null;
  } catch {
    return null;
  }
}
