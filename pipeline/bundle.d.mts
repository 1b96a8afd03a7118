// Types of bundle.mjs (plain JavaScript: it runs before TypeScript can be loaded).

/** Where the sources are and where bundles are kept (tests use folders of their own). */
export interface BundleDirs {
  root: string;
  cache: string;
}

export interface BundleOptions {
  /** Names the bundle in the cache; one current bundle per name. */
  name: string;
  /** Repository-relative TypeScript modules; each gives `<folder>/<base name>.mjs`. */
  entries: string[];
  /** Dynamically imported modules become chunks loaded when imported (default false: one file per entry). */
  splitting?: boolean;
}

export const DEFAULT_DIRS: BundleDirs;

/** The scripts a command can name (pipeline/bin/<name>.ts). */
export const SCRIPTS: readonly string[];

/** The pipeline's one bundle: every script and the worker thread's module, sharing chunks. */
export const PIPELINE: Required<BundleOptions>;

export function bundled(options: BundleOptions, dirs?: BundleDirs): Promise<string>;

/** The file listing the inputs of the bundle `name` made from the sources in `dirs.root`. */
export function manifestOf(dirs: BundleDirs, name: string): string;

/** bundled(PIPELINE), unless NK_NO_BUNDLE=1 in the environment, which makes it throw (callers then use tsx). */
export function pipelineBundle(dirs?: BundleDirs): Promise<string>;
