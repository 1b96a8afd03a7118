// What Linux's /proc says about processes: memory, children and their CPU time, for the
// benchmark's figures and build-data's docs-pass process. Elsewhere every reader gives
// "nothing known" (null, no children, zero) instead of failing.
import fs from "node:fs";

/** VmRSS / VmHWM of a process in bytes, or null when it is gone (or there is no /proc). */
export function procStatus(pid: number | "self"): { rss: number; hwm: number } | null {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, "m").exec(s)?.[1] ?? 0) * 1024;
    return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
  } catch {
    return null;
  }
}

/** The pids of a process's children (every thread's), empty when unknown. */
export function childPids(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      const c = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
      if (c) out.push(...c.split(/\s+/).map(Number));
    }
  } catch {
    // process gone or no /proc/<pid>/task/*/children: count the process alone
  }
  return out;
}

/** CPU seconds of this process's waited-for children (/proc/self/stat cutime + cstime; 0 where there is no /proc). */
export function childrenCpu(): { user: number; system: number } {
  try {
    // Fields after the command's closing parenthesis; cutime and cstime are the 16th and 17th fields of the line.
    const rest = fs.readFileSync("/proc/self/stat", "utf8").split(") ").at(-1)!.split(" ");
    const tick = 100; // USER_HZ on Linux
    return { user: Number(rest[13]) / tick, system: Number(rest[14]) / tick };
  } catch {
    return { user: 0, system: 0 };
  }
}
