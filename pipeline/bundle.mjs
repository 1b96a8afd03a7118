// The pipeline's TypeScript bundled into JavaScript by esbuild, so that commands and
// worker threads run it without tsx. Plain JavaScript because it is what runs before
// TypeScript can be loaded (pipeline/bin/run.mjs); its types are in bundle.d.mts.
//
// tsx transforms and resolves each module through loader hooks on a thread of their
// own: measured on 2 CPUs, two worker threads took 1.9-2.1 s wall and 3.7-4.1 CPU-s to
// be ready through tsx, 0.39-0.45 s and 0.7-0.8 CPU-s from a bundle.
//
// Bundles are kept in node_modules/.cache/nk-troops-claims/, each in a folder named by a
// hash of the esbuild version and of the bytes of every source file in it; the list of
// those files is kept beside it. Any edit to one of them gives a new bundle, so a stale
// one never runs. The hash also covers the folder of the sources: a bundle names its source
// files (below), so a copy of the checkout elsewhere, or a worktree sharing this
// node_modules, gets a bundle of its own; with the same sources it was given the first
// folder's, whose scripts then did nothing (their files were not the one run) and exited 0.
// npm packages are not bundled: the bundle imports them from node_modules, as tsx would. Each module's `import.meta.url` is replaced by its own
// source file's URL, so paths computed from it (data/reference/, the repo root) and the
// "is this the script being run" test are the same as under tsx.
import fs from "node:fs";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { fileURLToPath, pathToFileURL } from "node:url";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** @type {import("./bundle.d.mts").BundleDirs} */
export const DEFAULT_DIRS = { root: REPO, cache: path.join(REPO, "node_modules", ".cache", "nk-troops-claims") };

function keyOf(root, esbuildVersion, options, contents) {
  const h = createHash("sha256");
  h.update(`bundle-4\0${root}\0esbuild ${esbuildVersion}\0${JSON.stringify(options)}\0`);
  for (const rel of [...contents.keys()].sort()) {
    h.update(`${rel}\0${contents.get(rel).length}\0`);
    h.update(contents.get(rel));
  }
  return h.digest("hex");
}

function folderOf(dirs, name, key) {
  return path.join(dirs.cache, `${name}-${key.slice(0, 24)}`);
}

/** The file listing the inputs of the bundle `name` of this folder of sources (one per folder: see keyOf). */
export function manifestOf(dirs, name) {
  const root = createHash("sha256").update(dirs.root).digest("hex").slice(0, 12);
  return path.join(dirs.cache, `${name}.${root}.json`);
}

/** The folder of the cached bundle `name`, when the files it was made from are unchanged; else null. */
function cached(dirs, name, esbuildVersion, options) {
  try {
    const m = JSON.parse(fs.readFileSync(manifestOf(dirs, name), "utf8"));
    if (m.format !== 2 || !Array.isArray(m.inputs)) return null;
    const contents = new Map(m.inputs.map((rel) => [rel, fs.readFileSync(path.join(dirs.root, rel))]));
    if (keyOf(dirs.root, esbuildVersion, options, contents) !== m.key) return null;
    const dir = folderOf(dirs, name, m.key);
    if (!fs.existsSync(path.join(dir, ".complete"))) return null;
    // Its time says when it was last used (see removeOld).
    const now = new Date();
    fs.utimesSync(dir, now, now);
    return dir;
  } catch {
    return null;
  }
}

/**
 * Bundles of earlier code, once unused for a day: a command that started before the code
 * changed may still load chunks of its bundle (publish's, after a long docs pass).
 */
function removeOld(dirs, name, keep) {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const f of fs.readdirSync(dirs.cache)) {
    const p = path.join(dirs.cache, f);
    if (p === keep || !f.startsWith(`${name}-`)) continue;
    try {
      if (fs.statSync(p).mtimeMs < dayAgo) fs.rmSync(p, { recursive: true, force: true });
    } catch {
      // gone already
    }
  }
}

/** The scripts a command can name (pipeline/bin/<name>.ts). */
export const SCRIPTS = ["build-data", "clean", "extract", "validate", "publish", "eval", "gen", "bench", "bench-docs", "bench-writes", "docs-pass"];

/**
 * The pipeline's one bundle: every script and the worker thread's module, sharing chunks, so an
 * edit costs one esbuild run and a command and its workers load the same code.
 */
export const PIPELINE = { name: "pipeline", entries: [...SCRIPTS.map((s) => `pipeline/bin/${s}.ts`), "pipeline/parallel/worker.ts", "pipeline/cache/stat-worker.ts"], splitting: true };

/**
 * The folder of the PIPELINE bundle, as the launcher and the worker pool load it. With
 * NK_NO_BUNDLE=1 in the environment it throws instead, and both then run through tsx.
 */
export async function pipelineBundle(dirs = DEFAULT_DIRS) {
  if (process.env.NK_NO_BUNDLE === "1") throw new Error("NK_NO_BUNDLE=1");
  return bundled(PIPELINE, dirs);
}

/**
 * The folder holding a bundle of the TypeScript modules `entries` (repository-relative):
 * `<folder>/<entry's base name>.mjs` for each, and, with `splitting`, shared chunks (a
 * module imported dynamically stays a chunk loaded when it is imported). Built, or taken
 * from the cache; throws when esbuild cannot build it.
 *
 * @param {import("./bundle.d.mts").BundleOptions} options
 * @param {import("./bundle.d.mts").BundleDirs} [dirs]
 * @returns {Promise<string>}
 */
export async function bundled(options, dirs = DEFAULT_DIRS) {
  const esbuild = await import("esbuild");
  const { name, entries, splitting = false } = options;
  const hit = cached(dirs, name, esbuild.version, { entries, splitting });
  if (hit) return hit;
  // The bytes each file had when esbuild read it: the key names exactly what was bundled.
  const contents = new Map();
  const result = await esbuild.build({
    entryPoints: entries.map((e) => path.join(dirs.root, e)),
    absWorkingDir: dirs.root,
    outdir: "out",
    outExtension: { ".js": ".mjs" },
    entryNames: "[name]",
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting,
    platform: "node",
    format: "esm",
    target: "node20",
    // esbuild turns a regex literal with \p{...} outside brackets into `new RegExp(...)` for
    // node20, which builds a RegExp object each time the line runs (0.19 against 0.03 us per
    // use in a micro-benchmark). Node 20 reads these literals itself.
    supported: { "regexp-unicode-property-escapes": true },
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
  const key = keyOf(dirs.root, esbuild.version, { entries, splitting }, contents);
  const dir = folderOf(dirs, name, key);
  fs.mkdirSync(dirs.cache, { recursive: true });
  if (!fs.existsSync(path.join(dir, ".complete"))) {
    // Written in a folder of its own and renamed into place: a command starting meanwhile sees all of it or none.
    const tmp = `${dir}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    const out = path.join(dirs.root, "out");
    for (const f of result.outputFiles) {
      const target = path.join(tmp, path.relative(out, f.path));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, f.contents);
    }
    fs.writeFileSync(path.join(tmp, ".complete"), "");
    try {
      fs.renameSync(tmp, dir);
    } catch {
      // Another command made the same bundle first.
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  const manifestFile = manifestOf(dirs, name);
  const tmpManifest = `${manifestFile}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  fs.writeFileSync(tmpManifest, JSON.stringify({ format: 2, key, inputs: [...contents.keys()].sort() }));
  fs.renameSync(tmpManifest, manifestFile);
  removeOld(dirs, name, dir);
  return dir;
}
