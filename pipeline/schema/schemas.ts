// The published schemas, loaded once. schema/*.json is the single source of
// truth: column order, types, nullability and descriptions are all derived
// from these objects (see columns.ts), never restated by hand.
import claimJson from "../../schema/claim.schema.json" with { type: "json" };
import documentJson from "../../schema/document.schema.json" with { type: "json" };

/** The subset of JSON Schema 2020-12 our record schemas use, as far as the derivations read it. */
export interface PropertySchema {
  type: string | string[];
  description?: string;
  enum?: (string | null)[];
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  items?: PropertySchema;
}

export interface RecordSchema {
  $id: string;
  title: string;
  description: string;
  required: string[];
  properties: Record<string, PropertySchema>;
  [keyword: string]: unknown;
}

export const claimSchema = claimJson as unknown as RecordSchema;
export const documentSchema = documentJson as unknown as RecordSchema;
