// The Frictionless Data Package (v2) descriptor of a release.
import type { DocumentRow } from "../generated/types.js";
import { tableSchema, type RecordSchema } from "../schema/index.js";
import type { FileDigest } from "./checksums.js";
import { PROBLEM_COLUMNS } from "./kept-aside.js";

export const PACKAGE_NAME = "nk-troops-claims";
export const PACKAGE_TITLE = "Reports on North Korean troops in Russia's war against Ukraine";
export const LICENSE = {
  name: "CC-BY-4.0",
  path: "https://creativecommons.org/licenses/by/4.0/",
  title: "Creative Commons Attribution 4.0 International",
} as const;

/** The CSV files' dialect: what encodeCsv writes ("\n" line ends, RFC 4180 quoting). */
const CSV_DIALECT = {
  $schema: "https://datapackage.org/profiles/2.0/tabledialect.json",
  header: true,
  delimiter: ",",
  lineTerminator: "\n",
  quoteChar: '"',
  doubleQuote: true,
} as const;

const CHANGES_SCHEMA = {
  $schema: "https://datapackage.org/profiles/2.0/tableschema.json",
  fields: [
    { name: "claim_id", type: "string", description: "Identifier of the claim record (joins to claims.claim_id of this or the previous release).", constraints: { required: true } },
    { name: "change", type: "string", description: "added (new in this release), removed (in the previous release, not in this one) or changed.", constraints: { required: true, enum: ["added", "removed", "changed"] } },
    { name: "fields", type: "string", description: "For changed records, the columns whose value changed, joined with ';'." },
  ],
  missingValues: [""],
};

const PROBLEMS_SCHEMA = {
  $schema: "https://datapackage.org/profiles/2.0/tableschema.json",
  fields: PROBLEM_COLUMNS.map((name) => ({
    name,
    type: name === "line" ? "integer" : "string",
    description: {
      stage: "Build stage that met the problem (manifest, read, clean, extract, validate, publish).",
      doc_id: "Document concerned, if any.",
      file: "Raw file concerned, relative to the corpus folder, if any.",
      line: "1-based line of the corpus manifest, when the problem is about a manifest row.",
      reason: "What is wrong and what was done about it.",
    }[name],
  })),
  missingValues: [""],
};

export interface DatapackageInput {
  version: string;
  created: string;
  documents: readonly DocumentRow[];
  /** Every file of the release so far, by name; resources are described for those present. */
  files: ReadonlyMap<string, FileDigest>;
  claimSchema: RecordSchema;
  documentSchema: RecordSchema;
}

interface ResourceSpec {
  name: string;
  path: string;
  format: string;
  mediatype: string;
  text: boolean;
  description: string;
  schema?: object;
  dialect?: object;
}

function resourceSpecs(input: DatapackageInput): ResourceSpec[] {
  const claims = tableSchema(input.claimSchema);
  const documents = tableSchema(input.documentSchema);
  const claimsText = "Claim records, one row per attributed statement (see README.md).";
  const documentsText = "Source articles, one row per document read.";
  return [
    { name: "claims", path: "claims.csv", format: "csv", mediatype: "text/csv", text: true, description: claimsText, schema: claims, dialect: CSV_DIALECT },
    { name: "claims-arrow", path: "claims.arrow", format: "arrow", mediatype: "application/vnd.apache.arrow.file", text: false, description: `${claimsText} Arrow IPC file, typed columns.`, schema: claims },
    { name: "claims-parquet", path: "claims.parquet", format: "parquet", mediatype: "application/vnd.apache.parquet", text: false, description: `${claimsText} Parquet, zstd.`, schema: claims },
    { name: "documents", path: "documents.csv", format: "csv", mediatype: "text/csv", text: true, description: documentsText, schema: documents, dialect: CSV_DIALECT },
    { name: "documents-arrow", path: "documents.arrow", format: "arrow", mediatype: "application/vnd.apache.arrow.file", text: false, description: `${documentsText} Arrow IPC file, typed columns.`, schema: documents },
    { name: "changes", path: "CHANGES.csv", format: "csv", mediatype: "text/csv", text: true, description: "Claim records added, removed or changed since the previous release.", schema: CHANGES_SCHEMA, dialect: CSV_DIALECT },
    { name: "rejected", path: "rejected.jsonl", format: "jsonl", mediatype: "application/x-ndjson", text: true, description: "Extracted records that failed validation, each with its errors; not in the claims table." },
    { name: "problems", path: "problems.csv", format: "csv", mediatype: "text/csv", text: true, description: "Documents or manifest rows a build stage could not process, with the reason.", schema: PROBLEMS_SCHEMA, dialect: CSV_DIALECT },
  ];
}

export function datapackage(input: DatapackageInput): object {
  const resources = resourceSpecs(input)
    .filter((spec) => input.files.has(spec.path))
    .map((spec) => {
      const file = input.files.get(spec.path)!;
      return {
        name: spec.name,
        path: spec.path,
        ...(spec.schema ? { type: "table" } : {}),
        description: spec.description,
        format: spec.format,
        mediatype: spec.mediatype,
        ...(spec.text ? { encoding: "utf-8" } : {}),
        bytes: file.bytes,
        hash: `sha256:${file.sha256}`,
        ...(spec.dialect ? { dialect: spec.dialect } : {}),
        ...(spec.schema ? { schema: spec.schema } : {}),
      };
    });
  return {
    $schema: "https://datapackage.org/profiles/2.0/datapackage.json",
    name: PACKAGE_NAME,
    title: PACKAGE_TITLE,
    description:
      "Attributed claims about North Korean military personnel in connection with Russia's war against Ukraine, extracted from French news articles, one record per claim.",
    version: input.version,
    created: input.created,
    licenses: [LICENSE],
    contributors: [{ title: "nk-troops-claims maintainers", roles: ["creator"] }],
    keywords: ["North Korea", "Russia", "Ukraine", "war", "news", "claims"],
    sources: input.documents.map((d) => ({
      title: `${d.publisher}, ${d.published_at} (${d.doc_id})`,
      ...(d.url ? { path: d.url } : {}),
    })),
    resources,
  };
}
