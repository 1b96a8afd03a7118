// ajv's errors as { pointer, message } pairs a person can act on.
import type { ErrorObject } from "ajv";

export interface RecordError {
  /** JSON pointer into the record ("" for the record itself). */
  pointer: string;
  message: string;
}

/** Escapes a property name for a JSON pointer segment (RFC 6901). */
export function pointerTo(...segments: (string | number)[]): string {
  return segments.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/** The nearest `$comment` along an error's schema path: the schema's own words for a cross-field rule. */
function ruleComment(schema: unknown, schemaPath: string): string | null {
  let node: unknown = schema;
  let comment: string | null = null;
  for (const raw of schemaPath.replace(/^#\//, "").split("/")) {
    if (node === null || typeof node !== "object") break;
    const here = (node as Record<string, unknown>).$comment;
    if (typeof here === "string") comment = here;
    node = (node as Record<string, unknown>)[raw.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return comment;
}

export function fromAjv(errors: readonly ErrorObject[] | null | undefined, schema: unknown): RecordError[] {
  const out: RecordError[] = [];
  for (const e of errors ?? []) {
    // "must match then schema" always comes with the specific error inside the branch, which says more.
    if (e.keyword === "if") continue;
    let pointer = e.instancePath;
    let message = e.message ?? e.keyword;
    if (e.keyword === "required") {
      pointer += pointerTo((e.params as { missingProperty: string }).missingProperty);
      message = "is missing";
    } else if (e.keyword === "additionalProperties") {
      pointer += pointerTo((e.params as { additionalProperty: string }).additionalProperty);
      message = "is not a field of the schema";
    } else if (e.keyword === "type") {
      const types = String((e.params as { type: string | string[] }).type).split(",");
      message = `must be ${types.join(" or ")}, not ${JSON.stringify(e.data)}`;
    } else if (e.keyword === "enum") {
      message = `${JSON.stringify(e.data)} is not one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
    }
    const comment = ruleComment(schema, e.schemaPath);
    if (comment) message += ` (${comment})`;
    out.push({ pointer, message });
  }
  return out;
}
