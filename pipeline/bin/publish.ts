// `npm run publish-release -- [--data DIR] [--dist DIR] [--strict]`: the publish stage,
//   DATA/interim/*.jsonl -> DIST/vX.Y.Z/ (new version, or none when nothing changed),
//   DIST/latest/ (copy of the newest version), DIST/index.json (every version).
// Under --strict the release is still written (it records the rejected records and
// problems), but the exit code is 1 when there are any, as in the validate stage.
import path from "node:path";
import type { RecordSchema } from "../schema/index.js";
import { withBuildLock } from "../lock.js";
import type { ChangeKind } from "../publish/changes.js";
import { listVersions, readFolder, removeLeftovers, StagedVersion, updateIndex, updateLatest, versionDir } from "../publish/dist-store.js";
import { readPublishInput } from "../publish/read-inputs.js";
import { buildRelease, type ReleaseCounts } from "../publish/release.js";
import type { Bump } from "../publish/version.js";
import { isMain, parseStageArgs, runMain } from "./cli.js";

export interface PublishOptions {
  data: string;
  dist: string;
  strict: boolean;
  /** Defaults to the environment's SOURCE_DATE_EPOCH. */
  sourceDateEpoch?: string;
  /** Record schemas to publish under; default schema/*.json (tests pass changed ones). */
  claimSchema?: RecordSchema;
  documentSchema?: RecordSchema;
}

export interface PublishSummary {
  status: "published" | "unchanged";
  /** The version written, or for "unchanged" the newest existing one. */
  version: string;
  previousVersion: string | null;
  bump: Bump | null;
  counts: ReleaseCounts;
  changes: Record<ChangeKind, number> | null;
  /** Folder of the version (written or unchanged). */
  path: string;
  exitCode: number;
  message: string;
}

const PREVIOUS_FILES = ["claims.arrow", "documents.arrow", "datapackage.json", "SHA256SUMS"];

export async function runPublish(opts: PublishOptions): Promise<PublishSummary> {
  const input = readPublishInput(opts.data);
  removeLeftovers(opts.dist);
  const versions = listVersions(opts.dist);
  const newest = versions.at(-1) ?? null;
  // Only what the comparison needs: the CSV and kept-aside files are compared through SHA256SUMS, not loaded.
  const previous = newest === null ? null : { version: newest, files: readFolder(versionDir(opts.dist, newest), PREVIOUS_FILES) };
  // The new version's files go to a staging folder as they are made, then it is renamed into place.
  const staged = new StagedVersion(opts.dist);
  let plan;
  try {
    plan = await buildRelease(
      input,
      previous,
      {
        claimSchema: opts.claimSchema,
        documentSchema: opts.documentSchema,
        sourceDateEpoch: opts.sourceDateEpoch ?? process.env.SOURCE_DATE_EPOCH,
      },
      staged,
    );
    if (plan.status === "new") staged.install(plan.version);
  } finally {
    staged.discard();
  }
  updateLatest(opts.dist, plan.version);
  await updateIndex(
    opts.dist,
    plan.status === "new"
      ? {
          version: plan.version,
          created: plan.created,
          path: `v${plan.version}/`,
          // indexEntry()'s key order.
          claims: plan.counts.claims,
          documents: plan.counts.documents,
          rejected: plan.counts.rejected,
          problems: plan.counts.problems,
          added: plan.changes.added,
          changed: plan.changes.changed,
          removed: plan.changes.removed,
        }
      : undefined,
  );

  const dir = versionDir(opts.dist, plan.version);
  const relative = path.relative(process.cwd(), dir);
  const shown = relative && !relative.startsWith("..") ? relative : dir;
  const c = plan.counts;
  const tally = `${c.claims} claims, ${c.documents} documents, ${c.rejected} rejected, ${c.problems} problems`;
  const message =
    plan.status === "unchanged"
      ? `unchanged: the data equal release ${plan.version} (${shown}); no new version (${tally})`
      : `published ${plan.version} (${plan.bump}${plan.previousVersion ? ` after ${plan.previousVersion}` : ""}: ` +
        `${plan.changes.added} added, ${plan.changes.changed} changed, ${plan.changes.removed} removed) in ${shown} (${tally})`;
  return {
    status: plan.status === "new" ? "published" : "unchanged",
    version: plan.version,
    previousVersion: plan.status === "new" ? plan.previousVersion : plan.version,
    bump: plan.status === "new" ? plan.bump : null,
    counts: plan.counts,
    changes: plan.status === "new" ? plan.changes : null,
    path: dir,
    exitCode: opts.strict && (c.rejected > 0 || c.problems > 0) ? 1 : 0,
    message,
  };
}

if (isMain(import.meta.url)) {
  runMain("publish", async () => {
    const args = parseStageArgs(process.argv.slice(2));
    const s = await withBuildLock(args.dist, () => runPublish(args));
    console.log(`publish: ${s.message}`);
    if (s.exitCode) console.log(`publish: --strict: ${s.counts.rejected} rejected record(s), ${s.counts.problems} problem(s)`);
    return s.exitCode;
  });
}
