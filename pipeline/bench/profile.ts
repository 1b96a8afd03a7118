// Summary of a V8 CPU profile (`node --cpu-prof`): where the time goes, by
// function (self and inclusive time) and by source file or npm package.
// Pure: takes the parsed .cpuprofile JSON, returns tables.

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileRow {
  name: string;
  self_ms: number;
  total_ms: number;
}

export interface ProfileSummary {
  total_ms: number;
  functions: ProfileRow[];
  files: ProfileRow[];
}

/** "node_modules/linkedom" for a package, the repo-relative path for our code, "(node)" for node internals. */
export function fileLabel(url: string, root: string): string {
  if (!url) return "(native/V8)";
  if (url.startsWith("node:")) return "(node internals)";
  const u = url.replace(/^file:\/\//, "");
  const nm = u.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const rest = u.slice(nm + "/node_modules/".length).split("/");
    return `node_modules/${rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  return root && u.startsWith(root) ? u.slice(root.length).replace(/^\//, "") : u;
}

export function summarizeProfile(p: CpuProfile, root = ""): ProfileSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const fnKey = (id: number) => {
    const cf = byId.get(id)!.callFrame;
    const name = cf.functionName || "(anonymous)";
    // Code run through tsx is one line per module in V8's eyes: a line number of 1 says nothing.
    return cf.url ? `${name} ${fileLabel(cf.url, root)}${cf.lineNumber > 0 ? `:${cf.lineNumber + 1}` : ""}` : name;
  };
  const fileKey = (id: number) => fileLabel(byId.get(id)!.callFrame.url, root);
  const fnSelf = new Map<string, number>();
  const fnTotal = new Map<string, number>();
  const fileSelf = new Map<string, number>();
  const fileTotal = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    // timeDeltas[i] is the time before sample i; the sample's own duration is the next delta.
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    if (dt <= 0) continue;
    const leaf = p.samples[i]!;
    const leafFrame = byId.get(leaf)?.callFrame;
    if (!leafFrame || leafFrame.functionName === "(idle)") continue;
    total += dt;
    add(fnSelf, fnKey(leaf), dt);
    add(fileSelf, fileKey(leaf), dt);
    const seenFn = new Set<string>();
    const seenFile = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const f = fnKey(id);
      if (!seenFn.has(f)) {
        seenFn.add(f);
        add(fnTotal, f, dt);
      }
      const fl = fileKey(id);
      if (!seenFile.has(fl)) {
        seenFile.add(fl);
        add(fileTotal, fl, dt);
      }
    }
  }
  const rows = (self: Map<string, number>, tot: Map<string, number>) =>
    [...tot.keys()].map((k) => ({ name: k, self_ms: self.get(k) ?? 0, total_ms: tot.get(k) ?? 0 }));
  return {
    total_ms: total,
    functions: rows(fnSelf, fnTotal).sort((a, b) => b.self_ms - a.self_ms),
    files: rows(fileSelf, fileTotal).sort((a, b) => b.self_ms - a.self_ms),
  };
}

/** Text table of the top rows. */
export function formatSummary(s: ProfileSummary, top = 25): string[] {
  const pct = (x: number) => `${((100 * x) / s.total_ms).toFixed(1).padStart(5)} %`;
  const line = (r: ProfileRow) => `  ${pct(r.self_ms)} self ${pct(r.total_ms)} total  ${r.name}`;
  const skip = (r: ProfileRow) => r.name.startsWith("(root)") || r.name.startsWith("(program)");
  return [
    `profile: ${(s.total_ms / 1000).toFixed(2)} s of samples (idle excluded)`,
    "by file / package (self time; total = with callees):",
    ...s.files.slice(0, top).map(line),
    "by function (self time):",
    ...s.functions.filter((r) => !skip(r)).slice(0, top).map(line),
  ];
}
