// The whole release as bytes, decided against the previous release: the pure
// core of the publish stage. The script reads inputs and the previous release,
// calls buildRelease, and writes what it returns.
import { tableFromIPC, type Schema } from "apache-arrow";
import type { Claim, DocumentRow } from "../generated/types.js";
import { arrowSchema, claimSchema as defaultClaimSchema, documentSchema as defaultDocumentSchema, tableSchema, type RecordSchema } from "../schema/index.js";
import { arrowFileBytes, recordTable } from "./arrow-table.js";
import { datasetCard } from "./card.js";
import { csvBytes } from "./csv-bytes.js";
import { changesCsv, countChanges, PreviousRows, type Change, type ChangeKind } from "./changes.js";
import { sha256Hex, sha256Sums } from "./checksums.js";
import { datapackage } from "./datapackage.js";
import { documentRows } from "./documents.js";
import type { PublishInput } from "./inputs.js";
import { problemsCsv, rejectedJsonl } from "./kept-aside.js";
import { byKey } from "./order.js";
import { parquetBytes } from "./parquet.js";
import { bumpFor, bumpVersion, FIRST_VERSION, type Bump } from "./version.js";

export interface PreviousRelease {
  version: string;
  /**
   * The previous release's files by name, as published. claims.arrow, documents.arrow,
   * datapackage.json and SHA256SUMS are enough: a content file (CSV, kept-aside) that
   * is absent is compared by its digest in SHA256SUMS.
   */
  files: ReadonlyMap<string, Uint8Array>;
}

export interface ReleaseOptions {
  claimSchema?: RecordSchema;
  documentSchema?: RecordSchema;
  /** Seconds since the epoch, as the SOURCE_DATE_EPOCH convention; fixes `created`. */
  sourceDateEpoch?: string;
}

export interface ReleaseCounts {
  claims: number;
  documents: number;
  rejected: number;
  problems: number;
}

export type ReleasePlan =
  | { status: "unchanged"; version: string; counts: ReleaseCounts }
  | {
      status: "new";
      version: string;
      previousVersion: string | null;
      bump: Bump;
      created: string;
      counts: ReleaseCounts;
      changes: Record<ChangeKind, number>;
      files: Map<string, Uint8Array>;
    };

/** Files whose bytes depend on the data only (not on version or date): equal bytes mean equal content. */
const CONTENT_FILES = ["claims.csv", "documents.csv", "rejected.jsonl", "problems.csv"] as const;

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Writer name recorded in the Parquet footer; fixed, so rebuilds are byte-identical whatever the machine. */
const PARQUET_CREATED_BY = "nk-troops-claims publish (parquet-wasm 0.8)";

export function createdAt(documents: readonly DocumentRow[], sourceDateEpoch: string | undefined): string {
  if (sourceDateEpoch !== undefined && sourceDateEpoch !== "") {
    if (!/^\d+$/.test(sourceDateEpoch)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds, got ${JSON.stringify(sourceDateEpoch)}`);
    return new Date(Number(sourceDateEpoch) * 1000).toISOString().replace(/\.000Z$/, "Z");
  }
  const newest = documents.map((d) => d.published_at).sort().at(-1);
  if (!newest) throw new Error("no documents: nothing to date the release by");
  return `${newest}T00:00:00Z`;
}

/** Column names, types and nullability, in order, plus the JSON Schema $id: what a reader's code depends on. */
function schemaSignature(schema: Schema): string {
  const fields = schema.fields.map((f) => `${f.name}:${String(f.type)}:${f.nullable}`);
  return JSON.stringify([schema.metadata.get("json_schema_id") ?? null, fields]);
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Buffer.from(a).equals(Buffer.from(b));
}

/** The Table Schemas of the claims and documents tables as published in a datapackage.json. */
function publishedTableSchemas(datapackageBytes: Uint8Array): string {
  const pkg = JSON.parse(fromUtf8.decode(datapackageBytes)) as { resources?: { name: string; schema?: unknown }[] };
  const byName = new Map((pkg.resources ?? []).map((r) => [r.name, r.schema ?? null]));
  return JSON.stringify([byName.get("claims") ?? null, byName.get("documents") ?? null]);
}

/** Records as published, one at a time: the schema's columns only, so a stray key never counts as a change. */
function* published(records: readonly object[], schema: RecordSchema): Generator<Record<string, unknown>> {
  const columns = Object.keys(schema.properties);
  for (const r of records) yield Object.fromEntries(columns.map((c) => [c, (r as Record<string, unknown>)[c]]));
}

/**
 * Whether a content file equals the previous release's. When the previous release
 * was read with its SHA256SUMS only (the publish script does not load its CSVs), the
 * digests are compared; else the bytes.
 */
function sameContent(previous: PreviousRelease, name: string, bytes: Uint8Array | undefined): boolean {
  if (previous.files.has(name) || !previous.files.has("SHA256SUMS")) return sameBytes(previous.files.get(name), bytes);
  const sums = new Map<string, string>();
  for (const line of fromUtf8.decode(previous.files.get("SHA256SUMS")!).split("\n")) {
    const m = /^([0-9a-f]{64})  (.+)$/.exec(line);
    if (m) sums.set(m[2]!, m[1]!);
  }
  const before = sums.get(name);
  if (bytes === undefined || before === undefined) return bytes === undefined && before === undefined;
  return sha256Hex(bytes) === before;
}

function previousFile(previous: PreviousRelease, name: string): Uint8Array {
  const bytes = previous.files.get(name);
  if (!bytes) throw new Error(`previous release ${previous.version} has no ${name}`);
  return bytes;
}

export function buildRelease(input: PublishInput, previous: PreviousRelease | null, options: ReleaseOptions = {}): ReleasePlan {
  const claimSchema = options.claimSchema ?? defaultClaimSchema;
  const documentSchema = options.documentSchema ?? defaultDocumentSchema;

  const claims: Claim[] = byKey(input.claims, (c) => c.claim_id);
  const knownDocs = new Set(input.docs.map((d) => d.doc_id));
  const orphans = claims.filter((c) => !knownDocs.has(c.doc_id));
  if (orphans.length > 0) throw new Error(`${orphans.length} claims name a document missing from clean.jsonl, e.g. ${orphans[0]!.claim_id} -> ${orphans[0]!.doc_id}`);
  const documents = documentRows(input.docs, claims);
  const counts: ReleaseCounts = { claims: claims.length, documents: documents.length, rejected: input.rejected.length, problems: input.problems.length };

  const content = new Map<string, Uint8Array>();
  content.set("claims.csv", csvBytes(claims, claimSchema));
  content.set("documents.csv", csvBytes(documents, documentSchema));
  if (input.rejected.length > 0) content.set("rejected.jsonl", utf8.encode(rejectedJsonl(input.rejected)));
  if (input.problems.length > 0) content.set("problems.csv", utf8.encode(problemsCsv(input.problems)));

  let version = FIRST_VERSION;
  let bump: Bump = "initial";
  let changes: Change[] = claims.map((c) => ({ id: c.claim_id, change: "added", fields: [] }));
  if (previous) {
    const before = tableFromIPC(previousFile(previous, "claims.arrow"));
    const beforeDocs = tableFromIPC(previousFile(previous, "documents.arrow"));
    const schemaChanged =
      schemaSignature(before.schema) !== schemaSignature(arrowSchema(claimSchema)) ||
      schemaSignature(beforeDocs.schema) !== schemaSignature(arrowSchema(documentSchema));
    changes = new PreviousRows(before, "claim_id").diff(published(claims, claimSchema), "claim_id");
    const docChanges = new PreviousRows(beforeDocs, "doc_id").diff(published(documents, documentSchema), "doc_id");
    const added = countChanges(changes).added + countChanges(docChanges).added;
    const contentDiffers = CONTENT_FILES.some((name) => !sameContent(previous, name, content.get(name)));
    // Descriptions and constraints live only in datapackage.json; a change there is a correction too.
    const schemasDiffer =
      publishedTableSchemas(previousFile(previous, "datapackage.json")) !== JSON.stringify([tableSchema(claimSchema), tableSchema(documentSchema)]);
    const next = bumpFor({ schemaChanged, added, corrected: contentDiffers || schemasDiffer });
    if (next === null) return { status: "unchanged", version: previous.version, counts };
    bump = next;
    version = bumpVersion(previous.version, next);
  }

  const created = createdAt(documents, options.sourceDateEpoch);
  const metadata = new Map([
    ["dataset_name", "nk-troops-claims"],
    ["dataset_version", version],
    ["dataset_created", created],
    ["inputs_sha256", input.inputsSha256],
  ]);
  const claimsTable = recordTable(claims, claimSchema, metadata);
  const files = new Map<string, Uint8Array>();
  files.set("claims.csv", content.get("claims.csv")!);
  files.set("claims.arrow", arrowFileBytes(claimsTable));
  files.set("claims.parquet", parquetBytes(claimsTable, PARQUET_CREATED_BY));
  files.set("documents.csv", content.get("documents.csv")!);
  files.set("documents.arrow", arrowFileBytes(recordTable(documents, documentSchema, metadata)));
  files.set("CHANGES.csv", utf8.encode(changesCsv(changes)));
  for (const name of ["rejected.jsonl", "problems.csv"]) {
    const bytes = content.get(name);
    if (bytes) files.set(name, bytes);
  }
  const pkg = datapackage({ version, created, documents, files, claimSchema, documentSchema });
  files.set("datapackage.json", utf8.encode(`${JSON.stringify(pkg, null, 2)}\n`));
  const card = datasetCard({
    version,
    previousVersion: previous?.version ?? null,
    bump,
    created,
    claims,
    documents,
    rejected: counts.rejected,
    problems: counts.problems,
    changes,
    claimSchema,
    documentSchema,
  });
  files.set("README.md", utf8.encode(card));
  files.set("SHA256SUMS", utf8.encode(sha256Sums(files)));
  return { status: "new", version, previousVersion: previous?.version ?? null, bump, created, counts, changes: countChanges(changes), files };
}
