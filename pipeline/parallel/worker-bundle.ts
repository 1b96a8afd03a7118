// Worker threads load the per-document code as one JavaScript file made by esbuild,
// not through tsx: tsx registers loader hooks in every worker (a hooks thread, then each
// of ~60 modules resolved and transformed through it). Measured on 2 CPUs: two workers
// took 1.9-2.1 s wall and 3.7-4.1 CPU-s to be ready through tsx, 0.39-0.45 s and
// 0.7-0.8 CPU-s from the bundle.
//
// The bundle is cached in node_modules/.cache/nk-troops-claims/ under a name that is a
// hash of the esbuild version and of the bytes of every source file in it; the list of
// those files is kept beside it. Any edit to one of them gives a new bundle, so a stale
// one is never run. npm packages are not bundled: the bundle imports them from
// node_modules, as the main thread does. Each module's `import.meta.url` is replaced by
// its own source file's URL, so paths computed from it (data/reference/, the repo root)
// are the same as under tsx.
import fs from "node:fs";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { fileURLToPath, pathToFileURL } from "node:url";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CACHE = path.join(REPO, "node_modules", ".cache", "nk-troops-claims");

interface Manifest {
  format: 1;
  key: string;
  /** Repository-relative paths of the bundled files. */
  inputs: string[];
}

function keyOf(esbuildVersion: string, contents: ReadonlyMap<string, Buffer>): string {
  const h = createHash("sha256");
  h.update(`worker-bundle-1\0esbuild ${esbuildVersion}\0`);
  for (const rel of [...contents.keys()].sort()) {
    h.update(`${rel}\0${contents.get(rel)!.length}\0`);
    h.update(contents.get(rel)!);
  }
  return h.digest("hex");
}

function writeAtomic(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

/** Where the sources are and where bundles are kept (tests use folders of their own). */
export interface BundleDirs {
  root: string;
  cache: string;
}

const DEFAULT_DIRS: BundleDirs = { root: REPO, cache: CACHE };

function bundleFile(dirs: BundleDirs, name: string, key: string): string {
  return path.join(dirs.cache, `${name}-${key.slice(0, 24)}.mjs`);
}

/** The cached bundle of `name`, when the files it was made from are unchanged. */
function cachedBundle(dirs: BundleDirs, name: string, esbuildVersion: string): string | null {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dirs.cache, `${name}.json`), "utf8")) as Manifest;
    if (m.format !== 1 || !Array.isArray(m.inputs)) return null;
    const contents = new Map(m.inputs.map((rel) => [rel, fs.readFileSync(path.join(dirs.root, rel))]));
    if (keyOf(esbuildVersion, contents) !== m.key) return null;
    const file = bundleFile(dirs, name, m.key);
    return fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/** Bundles of earlier code, left for an hour in case a build that started before is still loading one. */
function removeOldBundles(dirs: BundleDirs, name: string, keep: string): void {
  const hourAgo = Date.now() - 3600_000;
  for (const f of fs.readdirSync(dirs.cache)) {
    const file = path.join(dirs.cache, f);
    if (file === keep || !f.startsWith(`${name}-`) || !f.endsWith(".mjs")) continue;
    try {
      if (fs.statSync(file).mtimeMs < hourAgo) fs.rmSync(file, { force: true });
    } catch {
      // gone already
    }
  }
}

/**
 * The path of a bundle of the TypeScript module `entry` (repository-relative), built or
 * taken from the cache; throws when esbuild cannot build it.
 */
export async function bundled(entry: string, name: string, dirs: BundleDirs = DEFAULT_DIRS): Promise<string> {
  const esbuild = await import("esbuild");
  const cached = cachedBundle(dirs, name, esbuild.version);
  if (cached) return cached;
  // The bytes each file had when esbuild read it: the key names exactly what was bundled.
  const contents = new Map<string, Buffer>();
  const result = await esbuild.build({
    entryPoints: [path.join(dirs.root, entry)],
    absWorkingDir: dirs.root,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    write: false,
    logLevel: "silent",
    plugins: [
      {
        name: "own-import-meta-url",
        setup(build) {
          build.onLoad({ filter: /\.(?:ts|mts|js|mjs|json)$/ }, (args) => {
            const rel = path.relative(dirs.root, args.path);
            if (rel.startsWith("..") || rel.split(path.sep).includes("node_modules")) return undefined;
            const bytes = fs.readFileSync(args.path);
            contents.set(rel.split(path.sep).join("/"), bytes);
            if (args.path.endsWith(".json")) return { contents: bytes, loader: "json" };
            const url = JSON.stringify(pathToFileURL(args.path).href);
            const text = bytes.toString("utf8").replace(/\bimport\.meta\.url\b/g, url);
            return { contents: text, loader: /\.m?ts$/.test(args.path) ? "ts" : "js" };
          });
        },
      },
    ],
  });
  const key = keyOf(esbuild.version, contents);
  fs.mkdirSync(dirs.cache, { recursive: true });
  const file = bundleFile(dirs, name, key);
  writeAtomic(file, result.outputFiles[0]!.contents);
  const manifest: Manifest = { format: 1, key, inputs: [...contents.keys()].sort() };
  writeAtomic(path.join(dirs.cache, `${name}.json`), JSON.stringify(manifest));
  removeOldBundles(dirs, name, file);
  return file;
}

/** The worker thread's module as a bundle, or null (the pool then loads it through tsx) with the reason. */
export async function workerBundle(): Promise<{ file: string } | { error: string }> {
  try {
    return { file: await bundled("pipeline/parallel/worker.ts", "worker") };
  } catch (e) {
    return { error: (e as Error).message.split("\n")[0]! };
  }
}
