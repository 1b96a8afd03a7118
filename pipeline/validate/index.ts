// The validate stage, pure: records in, valid records and rejected records (with
// every reason) out. Nothing is dropped: each input is in exactly one of the two lists.
import type { Claim, DocumentRow } from "../generated/types.js";
import { claimColumns, documentColumns } from "../schema/columns.js";
import { claimSchema, documentSchema } from "../schema/schemas.js";
import { claimRuleErrors } from "./claim-rules.js";
import { validateClaimSchema, validateDocumentSchema } from "./compiled.js";
import { fromAjv, pointerTo, type RecordError } from "./errors.js";

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
  // Records made by this pipeline already have exactly the columns, in order: no copy needed.
  const keys = Object.keys(record);
  if (keys.length === columns.length && keys.every((k, i) => k === columns[i])) return record as T;
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

export type Checked<T> = { valid: T; rejected?: undefined } | { valid?: undefined; rejected: Rejected };

/**
 * Checks records one at a time (so a stage can stream a large file) while
 * remembering primary keys: the first column is the table's primary key, and a
 * second record with the same key would make the published table ambiguous.
 */
export class RecordChecker<T> {
  private readonly seen = new Map<string, number>();
  private index = 0;

  constructor(
    private readonly errorsOf: (r: unknown) => RecordError[],
    private readonly columns: readonly string[],
  ) {}

  check(record: unknown): Checked<T> {
    const i = this.index++;
    const errors = this.errorsOf(record);
    if (errors.length === 0 && isObject(record)) {
      const key = this.columns[0]!;
      const id = record[key] as string;
      const first = this.seen.get(id);
      if (first === undefined) {
        this.seen.set(id, i);
        return { valid: inColumnOrder<T>(record, this.columns) };
      }
      errors.push({ pointer: pointerTo(key), message: `duplicate ${key}: same as record ${first + 1} of this input` });
    }
    return { rejected: { doc_id: docIdOf(record), record, errors } };
  }
}

export const claimChecker = () => new RecordChecker<Claim>(claimErrors, claimColumns);
export const documentChecker = () => new RecordChecker<DocumentRow>(documentErrors, documentColumns);

function partition<T>(records: readonly unknown[], checker: RecordChecker<T>): Validated<T> {
  const out: Validated<T> = { valid: [], rejected: [] };
  for (const record of records) {
    const r = checker.check(record);
    if (r.rejected) out.rejected.push(r.rejected);
    else out.valid.push(r.valid);
  }
  return out;
}

export function validateClaims(records: readonly unknown[]): Validated<Claim> {
  return partition(records, claimChecker());
}

export function validateDocuments(records: readonly unknown[]): Validated<DocumentRow> {
  return partition(records, documentChecker());
}
