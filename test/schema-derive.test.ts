// Arrow schema and Table Schema: one field per column, in property order, with the type the column kind maps to.
import { DataType, type Field } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { arrowSchema } from "../pipeline/schema/arrow.js";
import { claimColumns, documentColumns } from "../pipeline/schema/columns.js";
import { claimSchema, documentSchema } from "../pipeline/schema/schemas.js";
import { tableSchema } from "../pipeline/schema/table-schema.js";

const arrowKind = (f: Field) =>
  DataType.isDictionary(f.type)
    ? `dict<${f.type.dictionary}, ${f.type.indices}>`
    : DataType.isList(f.type)
      ? `list<${f.type.children[0]!.type}>`
      : String(f.type);

describe("columns", () => {
  it("are the schema's property order, which the required list also follows", () => {
    expect(claimColumns).toEqual(Object.keys(claimSchema.properties));
    expect(claimColumns).toEqual(claimSchema.required);
    expect(documentColumns).toEqual(documentSchema.required);
    expect(claimColumns[0]).toBe("claim_id");
    expect(documentColumns[0]).toBe("doc_id");
    expect(claimColumns).toHaveLength(26);
    expect(documentColumns).toHaveLength(12);
  });
});

describe("arrowSchema", () => {
  const claims = arrowSchema(claimSchema);

  it("has one field per column, in order", () => {
    expect(claims.fields.map((f) => f.name)).toEqual(claimColumns);
    expect(arrowSchema(documentSchema).fields.map((f) => f.name)).toEqual(documentColumns);
  });

  it("maps each column kind to its Arrow type and nullability", () => {
    const byName = Object.fromEntries(claims.fields.map((f) => [f.name, f]));
    const expected: Record<string, [string, boolean]> = {
      claim_id: ["Utf8", false],
      published_at: ["Date32<DAY>", false],
      url: ["Utf8", true],
      measure: ["dict<Utf8, Int32>", false],
      count: ["Int32", true],
      count_qualifier: ["dict<Utf8, Int32>", true],
      places: ["list<Utf8>", false],
      statement_date: ["Date32<DAY>", true],
      date_precision: ["dict<Utf8, Int32>", true],
      certainty: ["dict<Utf8, Int32>", false],
      span_start: ["Int32", false],
    };
    for (const [name, [type, nullable]] of Object.entries(expected)) {
      expect([name, arrowKind(byName[name]!), byName[name]!.nullable]).toEqual([name, type, nullable]);
    }
    const documents = arrowSchema(documentSchema);
    expect(documents.fields.filter((f) => String(f.type) === "Int32").map((f) => f.name)).toEqual([
      "raw_bytes",
      "cleaned_length",
      "claims",
      "removed_blocks",
    ]);
  });

  it("carries each column's description in its field metadata", () => {
    for (const f of claims.fields) {
      expect(f.metadata.get("description")).toBe(claimSchema.properties[f.name]!.description);
    }
  });

  it("is the same schema on every call (dictionary ids do not drift)", () => {
    const again = arrowSchema(claimSchema);
    expect(again.fields.map((f) => (DataType.isDictionary(f.type) ? f.type.id : null))).toEqual(
      claims.fields.map((f) => (DataType.isDictionary(f.type) ? f.type.id : null)),
    );
  });
});

describe("tableSchema", () => {
  const t = tableSchema(claimSchema);

  it("has one field per column in order, primary key and missing values", () => {
    expect(t.fields.map((f) => f.name)).toEqual(claimColumns);
    expect(t.primaryKey).toEqual(["claim_id"]);
    expect(tableSchema(documentSchema).primaryKey).toEqual(["doc_id"]);
    expect(t.missingValues).toEqual([""]);
  });

  it("types and constrains each field from the JSON Schema", () => {
    const f = Object.fromEntries(t.fields.map((x) => [x.name, x]));
    expect(f.claim_id).toMatchObject({ type: "string", constraints: { required: true, pattern: "[0-9a-f]{16}" } });
    expect(f.published_at).toMatchObject({ type: "date", format: "default", constraints: { required: true } });
    expect(f.url).toMatchObject({ type: "string", format: "uri", constraints: {} });
    expect(f.url!.constraints.required).toBeUndefined();
    expect(f.count).toMatchObject({ type: "integer", constraints: { minimum: 0, maximum: 2147483647 } });
    expect(f.count_qualifier!.constraints.enum).toEqual(["exact", "approx", "at_least", "up_to", "range", "vague"]);
    expect(f.places).toMatchObject({ type: "list", delimiter: "; ", itemType: "string" });
    expect(f.places!.constraints.required).toBeUndefined();
    for (const field of t.fields) expect(field.description).toBe(claimSchema.properties[field.name]!.description);
  });
});
