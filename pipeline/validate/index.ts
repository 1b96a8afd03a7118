// The validate stage, pure: records in, valid records and rejected records (with
// every reason) out. Nothing is dropped: each input is in exactly one of the two lists.
import type { Claim, DocumentRow } from "../generated/types.js";
import { claimColumns, documentColumns } from "../schema/columns.js";
import { claimSchema, documentSchema } from "../schema/schemas.js";
import { claimRuleErrors } from "./claim-rules.js";
import { validateClaimSchema, validateDocumentSchema } from "./compiled.js";
import { fromAjv, type RecordError } from "./errors.js";

export type { RecordError } from "./errors.js";
export { pointerTo } from "./errors.js";

export interface Rejected {
  doc_id: string | null;
  record: unknown;
  errors: RecordError[];
}

export interface Validated<T> {
  valid: T[];
  rejected: Rejected[];
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Rebuilds a valid record with its keys in column order, so written files are byte-stable. */
function inColumnOrder<T>(record: Record<string, unknown>, columns: readonly string[]): T {
  return Object.fromEntries(columns.map((c) => [c, record[c]])) as T;
}

/** Errors of one claim: schema errors, then the cross-field rules. */
export function claimErrors(record: unknown): RecordError[] {
  if (!isObject(record)) return [{ pointer: "", message: "a claim must be a JSON object" }];
  const schemaErrors = validateClaimSchema(record) ? [] : fromAjv(validateClaimSchema.errors, claimSchema);
  return [...schemaErrors, ...claimRuleErrors(record)];
}

export function documentErrors(record: unknown): RecordError[] {
  if (!isObject(record)) return [{ pointer: "", message: "a document row must be a JSON object" }];
  return validateDocumentSchema(record) ? [] : fromAjv(validateDocumentSchema.errors, documentSchema);
}

function docIdOf(record: unknown): string | null {
  return isObject(record) && typeof record.doc_id === "string" ? record.doc_id : null;
}

function partition<T>(
  records: readonly unknown[],
  errorsOf: (r: unknown) => RecordError[],
  columns: readonly string[],
  key: string,
): Validated<T> {
  const valid: T[] = [];
  const rejected: Rejected[] = [];
  // The first column is the table's primary key: a second record with the same key would make the published table ambiguous.
  const seen = new Map<string, number>();
  records.forEach((record, i) => {
    const errors = errorsOf(record);
    if (errors.length === 0 && isObject(record)) {
      const id = record[key] as string;
      const first = seen.get(id);
      if (first !== undefined) {
        errors.push({ pointer: `/${key}`, message: `duplicate ${key}: same as input record ${first + 1}` });
      } else {
        seen.set(id, i);
        valid.push(inColumnOrder<T>(record, columns));
        return;
      }
    }
    rejected.push({ doc_id: docIdOf(record), record, errors });
  });
  return { valid, rejected };
}

export function validateClaims(records: readonly unknown[]): Validated<Claim> {
  return partition<Claim>(records, claimErrors, claimColumns, "claim_id");
}

export function validateDocuments(records: readonly unknown[]): Validated<DocumentRow> {
  return partition<DocumentRow>(records, documentErrors, documentColumns, "doc_id");
}
