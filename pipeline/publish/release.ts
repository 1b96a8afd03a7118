// The whole release as bytes, decided against the previous release: the pure
// core of the publish stage. The script reads inputs and the previous release,
// calls buildRelease, and writes what it returns.
import { tableFromIPC, type Schema, type Table } from "apache-arrow";
import type { Claim, DocumentRow } from "../generated/types.js";
import { arrowSchema, claimSchema as defaultClaimSchema, documentSchema as defaultDocumentSchema, tableSchema, type RecordSchema } from "../schema/index.js";
import { arrowFileBytes, arrowFileChunks, recordTable } from "./arrow-table.js";
import { datasetCard } from "./card.js";
import { createHash } from "node:crypto";
import { splicedCsvChunks, type PreviousCsv } from "./csv-splice.js";
import { changesCsv, countChanges, PreviousRows, type Change, type ChangeKind } from "./changes.js";
import { sha256Hex, sha256Sums, type FileDigest } from "./checksums.js";
import { datapackage } from "./datapackage.js";
import { documentRows } from "./documents.js";
import type { PublishInput } from "./inputs.js";
import { problemsCsv, rejectedJsonl } from "./kept-aside.js";
import { byKey, sortedOrder } from "./order.js";
import { listedSha256, rowHash, type RowDigests } from "./row-digests.js";
import { parquetChunks } from "./parquet.js";
import { collectGarbage } from "../gc.js";
import { bumpFor, bumpVersion, FIRST_VERSION, type Bump } from "./version.js";

export interface PreviousRelease {
  version: string;
  /**
   * The previous release's files by name, as published. claims.arrow, documents.arrow,
   * datapackage.json and SHA256SUMS are enough: a content file (CSV, kept-aside) that
   * is absent is compared by its digest in SHA256SUMS.
   */
  files: ReadonlyMap<string, Uint8Array>;
  /** A file not in `files`, read when needed (claims.arrow: only when a row's digest differs). */
  load?: (name: string) => Uint8Array;
  /** The previous release's row digests (row-digests.ts), already checked to be this release's. */
  digests?: RowDigests | null;
  /**
   * Byte ranges of its claims.csv or documents.csv, when that file is checked to be the
   * one SHA256SUMS lists and to have the line lengths `lines` (else null): unchanged rows
   * are copied from it (csv-splice.ts).
   */
  csvReader?: (name: "claims.csv" | "documents.csv", lines: readonly number[]) => ((offset: number, length: number) => Uint8Array) | null;
}

/** Where buildRelease writes the files of a new release, one at a time (dist-store.ts StagedVersion). */
export interface ReleaseSink {
  /** The file's bytes as consecutive chunks, consumed once and in order (a chunk may be made only when asked for). */
  write(name: string, chunks: Iterable<Uint8Array>): void;
}

/** A sink that keeps the files in memory (tests, small releases). */
export class MemorySink implements ReleaseSink {
  readonly files = new Map<string, Uint8Array>();
  write(name: string, chunks: Iterable<Uint8Array>): void {
    this.files.set(name, Buffer.concat([...chunks]));
  }
}

export interface ReleaseOptions {
  claimSchema?: RecordSchema;
  documentSchema?: RecordSchema;
  /** Seconds since the epoch, as the SOURCE_DATE_EPOCH convention; fixes `created`. */
  sourceDateEpoch?: string;
  /**
   * What renders the CSVs (the publish code and the schemas): recorded with the row
   * digests, and the previous release's CSV rows are copied only under the same key.
   * Without it, the CSVs are rendered in full and no line lengths are kept.
   */
  csvKey?: string;
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
      /** Size and SHA-256 of each file written to the sink. */
      files: Map<string, FileDigest>;
      /** Its rows' digests, for the next publish to diff against (row-digests.ts). */
      digests: RowDigests;
      /** CSV rows copied from the previous release's files rather than rendered (csv-splice.ts). */
      copiedRows: { claims: number; documents: number };
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

/** The Table Schemas of the claims and documents tables as published in a datapackage.json. */
function publishedTableSchemas(datapackageBytes: Uint8Array): string {
  const pkg = JSON.parse(fromUtf8.decode(datapackageBytes)) as { resources?: { name: string; schema?: unknown }[] };
  const byName = new Map((pkg.resources ?? []).map((r) => [r.name, r.schema ?? null]));
  return JSON.stringify([byName.get("claims") ?? null, byName.get("documents") ?? null]);
}

/** A record as published: the schema's columns only, so a stray key never counts as a change. */
function publishedRecord(record: object, columns: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(columns.map((c) => [c, (record as Record<string, unknown>)[c]]));
}

/** Digests of records as published (what PreviousRows.fromTable computes from an Arrow table). */
function publishedHashes(records: readonly object[], schema: RecordSchema): number[] {
  const columns = Object.keys(schema.properties);
  return records.map((r) => rowHash(JSON.stringify(publishedRecord(r, columns))));
}

/**
 * Whether a content file (by its SHA-256, undefined when absent) equals the previous
 * release's: by the previous file's bytes when given, else by its line in the previous
 * SHA256SUMS (the publish script does not load the previous CSVs).
 */
function sameContent(previous: PreviousRelease, name: string, sha256: string | undefined): boolean {
  let before: string | undefined;
  const bytes = previous.files.get(name);
  if (bytes || !previous.files.has("SHA256SUMS")) {
    before = bytes && sha256Hex(bytes);
  } else {
    before = listedSha256(fromUtf8.decode(previous.files.get("SHA256SUMS")!), name);
  }
  return before === sha256;
}

function previousFile(previous: PreviousRelease, name: string): Uint8Array {
  const bytes = previous.files.get(name) ?? previous.load?.(name);
  if (!bytes) throw new Error(`previous release ${previous.version} has no ${name}`);
  return bytes;
}

/** What buildRelease compares with the previous release. */
interface Compared {
  claimSchema: RecordSchema;
  documentSchema: RecordSchema;
  /** The content files written so far (CSVs, kept-aside), by name. */
  files: ReadonlyMap<string, FileDigest>;
  claims: readonly Claim[];
  claimIds: readonly string[];
  claimHashes: readonly number[];
  documents: readonly DocumentRow[];
  documentIds: readonly string[];
  documentHashes: readonly number[];
}

/**
 * The changes since `previous` and the version bump they make, or null when nothing
 * differs. A function of its own so that the previous release's tables, when they had to
 * be read (no row digests, or a row that differs), are garbage once it returns: at 480k
 * claims the previous claims.arrow is 215 MB, which otherwise stayed through publish's peak.
 */
function compareWithPrevious(previous: PreviousRelease, c: Compared): { changes: Change[]; bump: Exclude<Bump, "initial"> } | null {
  const { claimSchema, documentSchema, files, claims, claimIds, claimHashes, documents, documentIds, documentHashes } = c;
  // With the previous release's digests, its Arrow files are read only if some row differs.
  const digests = previous.digests ?? null;
  let before: Table | undefined;
  let beforeDocs: Table | undefined;
  const beforeTable = () => (before ??= tableFromIPC(previousFile(previous, "claims.arrow")));
  const beforeDocsTable = () => (beforeDocs ??= tableFromIPC(previousFile(previous, "documents.arrow")));
  const schemaChanged =
    (digests?.claims.schema ?? schemaSignature(beforeTable().schema)) !== schemaSignature(arrowSchema(claimSchema)) ||
    (digests?.documents.schema ?? schemaSignature(beforeDocsTable().schema)) !== schemaSignature(arrowSchema(documentSchema));
  const contentDiffers = CONTENT_FILES.some((name) => !sameContent(previous, name, files.get(name)?.sha256));
  // Descriptions and constraints live only in datapackage.json; a change there is a correction too.
  const schemasDiffer =
    publishedTableSchemas(previousFile(previous, "datapackage.json")) !== JSON.stringify([tableSchema(claimSchema), tableSchema(documentSchema)]);
  // Nothing differs: same column types, same CSV bytes (so the same ids: no row added), same
  // kept-aside files and Table Schemas. That is "unchanged" whatever a row-by-row diff would
  // say, so it is not computed (it is the costly part of publishing again at scale).
  if (!schemaChanged && !contentDiffers && !schemasDiffer) return null;
  const claimColumns = Object.keys(claimSchema.properties);
  const documentColumns = Object.keys(documentSchema.properties);
  const claimRows = digests ? PreviousRows.fromDigests(digests.claims.ids, digests.claims.hashes, beforeTable) : PreviousRows.fromTable(beforeTable(), "claim_id");
  const changes = claimRows.diff(claimIds, claimHashes, (i) => publishedRecord(claims[i]!, claimColumns), "claim_id");
  const docRows = digests ? PreviousRows.fromDigests(digests.documents.ids, digests.documents.hashes, beforeDocsTable) : PreviousRows.fromTable(beforeDocsTable(), "doc_id");
  const docChanges = docRows.diff(
    documentIds,
    documentHashes,
    (i) => publishedRecord(documents[i]!, documentColumns),
    "doc_id",
  );
  const added = countChanges(changes).added + countChanges(docChanges).added;
  const bump = bumpFor({ schemaChanged, added, corrected: contentDiffers || schemasDiffer });
  return bump === null ? null : { changes, bump };
}

/**
 * Decides the release and, when there is a new one, writes its files to `sink`.
 * Consumes `input.claims` (emptied once the claims table is built, to free the records).
 */
export async function buildRelease(input: PublishInput, previous: PreviousRelease | null, options: ReleaseOptions = {}, sink: ReleaseSink = new MemorySink()): Promise<ReleasePlan> {
  const claimSchema = options.claimSchema ?? defaultClaimSchema;
  const documentSchema = options.documentSchema ?? defaultDocumentSchema;

  const order = sortedOrder(input.claims, (c) => c.claim_id);
  const claims: Claim[] = Array.from(order, (i) => input.claims[i]!);
  const claimIds = claims.map((c) => c.claim_id);
  // Digests in the same order: the interim lines' when given (readPublishInput), else of the records.
  const claimHashes = input.claimHashes ? Array.from(order, (i) => input.claimHashes![i]!) : publishedHashes(claims, claimSchema);
  const knownDocs = new Set(input.docs.map((d) => d.doc_id));
  const orphans = claims.filter((c) => !knownDocs.has(c.doc_id));
  if (orphans.length > 0) throw new Error(`${orphans.length} claims name a document missing from clean.jsonl, e.g. ${orphans[0]!.claim_id} -> ${orphans[0]!.doc_id}`);
  const documents = documentRows(input.docs, claims);
  const documentIds = documents.map((d) => d.doc_id);
  const documentHashes = publishedHashes(documents, documentSchema);
  const counts: ReleaseCounts = { claims: claims.length, documents: documents.length, rejected: input.rejected.length, problems: input.problems.length };

  // Every file goes to the sink as soon as it is made, and only its size and digest
  // stay: the release is never held in memory whole. The content files are written
  // before the release is decided (the sink's staging folder is discarded when nothing changed).
  const files = new Map<string, FileDigest>();
  const emit = (name: string, bytes: Uint8Array | Iterable<Uint8Array>) => {
    const chunks = bytes instanceof Uint8Array ? [bytes] : bytes;
    const hash = createHash("sha256");
    let size = 0;
    // Digested as the sink takes each chunk: a generated file (the CSVs) is never whole in memory.
    sink.write(
      name,
      (function* () {
        for (const c of chunks) {
          hash.update(c);
          size += c.length;
          yield c;
        }
      })(),
    );
    files.set(name, { bytes: size, sha256: hash.digest("hex") });
  };
  // Rows unchanged since the previous release are copied from its CSVs, when their line lengths were kept under this csvKey.
  const csvKey = options.csvKey;
  const kept = csvKey !== undefined && previous?.digests?.csv?.key === csvKey ? previous.digests : null;
  const previousCsv = (name: "claims.csv" | "documents.csv", table: "claims" | "documents"): PreviousCsv | null => {
    const lines = kept?.csv?.[table];
    const read = lines && previous?.csvReader?.(name, lines);
    return read ? { lines, ids: kept[table].ids, hashes: kept[table].hashes, read } : null;
  };
  const claimLines: number[] = [];
  const documentLines: number[] = [];
  const copiedClaims = { rows: 0 };
  const copiedDocuments = { rows: 0 };
  emit("claims.csv", splicedCsvChunks(claims, claimIds, claimHashes, claimSchema, previousCsv("claims.csv", "claims"), claimLines, copiedClaims));
  emit("documents.csv", splicedCsvChunks(documents, documentIds, documentHashes, documentSchema, previousCsv("documents.csv", "documents"), documentLines, copiedDocuments));
  if (input.rejected.length > 0) emit("rejected.jsonl", utf8.encode(rejectedJsonl(input.rejected)));
  if (input.problems.length > 0) emit("problems.csv", utf8.encode(problemsCsv(input.problems)));

  let version = FIRST_VERSION;
  let bump: Bump = "initial";
  let changes: Change[] = claims.map((c) => ({ id: c.claim_id, change: "added", fields: [] }));
  if (previous) {
    const compared = compareWithPrevious(previous, { claimSchema, documentSchema, files, claims, claimIds, claimHashes, documents, documentIds, documentHashes });
    if (compared === null) return { status: "unchanged", version: previous.version, counts };
    changes = compared.changes;
    bump = compared.bump;
    version = bumpVersion(previous.version, compared.bump);
  }

  const created = createdAt(documents, options.sourceDateEpoch);
  const metadata = new Map([
    ["dataset_name", "nk-troops-claims"],
    ["dataset_version", version],
    ["dataset_created", created],
    ["inputs_sha256", input.inputsSha256],
  ]);
  emit("CHANGES.csv", utf8.encode(changesCsv(changes)));
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
  emit("documents.arrow", arrowFileBytes(recordTable(documents, documentSchema, metadata)));
  // Publish's memory peaks come next (claims table, then parquet-wasm), so the garbage of the
  // diff, CHANGES.csv and the card goes first, and the records as soon as the table holds them.
  collectGarbage();
  let claimsTable: Table | null = recordTable(claims, claimSchema, metadata);
  // The claim records are not needed any more (the table holds the values): let them go.
  claims.length = 0;
  input.claims.length = 0;
  // Measured at 480k claims: the records (~300 MB once strings are shared) otherwise stay on
  // the heap until parquet-wasm's memory has grown; publish's peak RSS 953 -> 875 MB.
  collectGarbage();
  emit("claims.arrow", await arrowFileChunks(claimsTable));
  emit("claims.parquet", await parquetChunks(claimsTable, PARQUET_CREATED_BY));
  claimsTable = null;
  // The table's buffers (218 MB at 480k claims) are garbage now; freed before datapackage.json, whose
  // `sources` list is ~16 MB of JSON at 100k documents, adds to parquet-wasm's memory (never given back).
  collectGarbage();
  const pkg = datapackage({ version, created, documents, files, claimSchema, documentSchema });
  emit("datapackage.json", utf8.encode(`${JSON.stringify(pkg, null, 2)}\n`));
  emit("README.md", utf8.encode(card));
  emit("SHA256SUMS", utf8.encode(sha256Sums(files)));
  const digests: RowDigests = {
    format: 1,
    claimsArrow: files.get("claims.arrow")!.sha256,
    documentsArrow: files.get("documents.arrow")!.sha256,
    claims: { schema: schemaSignature(arrowSchema(claimSchema)), ids: claimIds, hashes: claimHashes },
    documents: { schema: schemaSignature(arrowSchema(documentSchema)), ids: documentIds, hashes: documentHashes },
    ...(csvKey === undefined ? {} : { csv: { key: csvKey, claims: claimLines, documents: documentLines } }),
  };
  const copiedRows = { claims: copiedClaims.rows, documents: copiedDocuments.rows };
  return { status: "new", version, previousVersion: previous?.version ?? null, bump, created, counts, changes: countChanges(changes), files, digests, copiedRows };
}
