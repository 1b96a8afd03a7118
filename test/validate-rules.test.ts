// Every gold claim passes; every hostile record breaks one rule and is rejected
// with exactly that rule's pointer(s).
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import type { Claim } from "../pipeline/generated/types.js";
import { claimSchema, documentSchema } from "../pipeline/schema/schemas.js";
import { validateClaims, validateDocuments } from "../pipeline/validate/index.js";
import { goldClaims } from "./fixtures/hostile-records/gold-claims.js";

const gold = goldClaims();
const numbered = gold.find((c) => c.count_qualifier === "exact")!;
const numberless = gold.find((c) => c.count_qualifier === null && c.claimant_org !== "Unattributed")!;

interface Hostile {
  rule: string;
  record: Record<string, unknown>;
  pointers: string[];
}

const withNumber = (patch: Partial<Record<keyof Claim | "confidence", unknown>>) => ({ ...numbered, ...patch });
const without = (patch: Partial<Record<keyof Claim, unknown>>) => ({ ...numberless, ...patch });

const hostile: Hostile[] = [
  { rule: "count_low <= count", record: withNumber({ count_qualifier: "at_least", count_low: 2700, count_high: null }), pointers: ["/count_low"] },
  { rule: "count <= count_high", record: withNumber({ count_qualifier: "up_to", count_low: null, count_high: 2500 }), pointers: ["/count_high"] },
  { rule: "exact: low = count", record: withNumber({ count_low: 2500 }), pointers: ["/count_low"] },
  { rule: "exact: high = count", record: withNumber({ count_high: 2700 }), pointers: ["/count_high"] },
  { rule: "exact: bounds present", record: withNumber({ count_high: null }), pointers: ["/count_high"] },
  { rule: "at_least: has a low bound", record: withNumber({ count_qualifier: "at_least", count_low: null, count_high: null }), pointers: ["/count_low"] },
  { rule: "at_least: no high bound", record: withNumber({ count_qualifier: "at_least" }), pointers: ["/count_high"] },
  { rule: "up_to: has a high bound", record: withNumber({ count_qualifier: "up_to", count_low: null, count_high: null }), pointers: ["/count_high"] },
  { rule: "up_to: no low bound", record: withNumber({ count_qualifier: "up_to" }), pointers: ["/count_low"] },
  { rule: "range: low < high", record: withNumber({ count_qualifier: "range" }), pointers: ["/count_high"] },
  { rule: "range: count = low", record: withNumber({ count_qualifier: "range", count: 3000, count_high: 4000 }), pointers: ["/count"] },
  { rule: "approx: null bounds", record: withNumber({ count_qualifier: "approx" }), pointers: ["/count_low", "/count_high"] },
  { rule: "vague: null count", record: withNumber({ count_qualifier: "vague", count_low: null, count_high: null }), pointers: ["/count"] },
  { rule: "count_text without count_qualifier", record: without({ count_text: "des milliers" }), pointers: ["/count_qualifier"] },
  { rule: "count_qualifier without count_text", record: withNumber({ count_text: null }), pointers: ["/count_qualifier"] },
  { rule: "no number expression: null count", record: without({ count: 12 }), pointers: ["/count"] },
  { rule: "span_end > span_start", record: withNumber({ span_end: numbered.span_start }), pointers: ["/span_end"] },
  { rule: "quote length = span length", record: withNumber({ span_end: numbered.span_end + 1 }), pointers: ["/quote"] },
  { rule: "raw_span_end > raw_span_start", record: withNumber({ raw_span_end: numbered.raw_span_start }), pointers: ["/raw_span_end"] },
  { rule: "statement_date not after published_at", record: withNumber({ statement_date: "2099-01-01" }), pointers: ["/statement_date"] },
  { rule: "date_precision null when statement_date is", record: withNumber({ statement_date: null }), pointers: ["/date_precision"] },
  { rule: "date_precision present when statement_date is", record: withNumber({ date_precision: null }), pointers: ["/date_precision"] },
  { rule: "claimant_country null only for Unattributed", record: withNumber({ claimant_country: null }), pointers: ["/claimant_country"] },
  { rule: "Unattributed has no country", record: withNumber({ claimant_org: "Unattributed" }), pointers: ["/claimant_country"] },
  { rule: "measure enum", record: withNumber({ measure: "deploy" }), pointers: ["/measure"] },
  { rule: "count is an integer", record: withNumber({ count: "2600" }), pointers: ["/count"] },
  { rule: "real calendar date", record: withNumber({ statement_date: "2024-02-30" }), pointers: ["/statement_date"] },
  { rule: "no ';' in a place", record: withNumber({ places: ["Kursk; Russia"] }), pointers: ["/places/0"] },
  { rule: "no unknown field", record: withNumber({ confidence: 0.9 }), pointers: ["/confidence"] },
  { rule: "no missing field", record: (({ quote: _q, ...rest }) => rest)(numbered), pointers: ["/quote"] },
  { rule: "empty string is not null", record: without({ location: "" }), pointers: ["/location"] },
];

describe("validateClaims", () => {
  it("accepts every gold claim, in column order", () => {
    const { valid, rejected } = validateClaims(gold);
    expect(rejected).toEqual([]);
    expect(valid).toEqual(gold);
    expect(valid.length).toBe(36);
  });

  it("hostile bases are themselves valid", () => {
    expect(validateClaims([numbered, numberless]).rejected).toEqual([]);
  });

  it.each(hostile)("rejects a record that breaks: $rule", ({ record, pointers }) => {
    const { valid, rejected } = validateClaims([record]);
    expect(valid).toEqual([]);
    expect(rejected).toHaveLength(1);
    const [r] = rejected;
    expect(r!.doc_id).toBe(numbered.doc_id);
    expect(r!.record).toBe(record);
    expect([...new Set(r!.errors.map((e) => e.pointer))].sort()).toEqual([...pointers].sort());
    for (const e of r!.errors) expect(e.message).not.toBe("");
  });

  it("rejects a second record with the same claim_id and keeps the first", () => {
    const { valid, rejected } = validateClaims([numbered, { ...numberless, claim_id: numbered.claim_id }]);
    expect(valid).toEqual([numbered]);
    expect(rejected[0]!.errors).toEqual([{ pointer: "/claim_id", message: expect.stringContaining("duplicate claim_id") }]);
  });

  it("loses nothing: non-objects are rejected with a null doc_id", () => {
    const input = [numbered, null, "text", [1], 3];
    const { valid, rejected } = validateClaims(input);
    expect(valid.length + rejected.length).toBe(input.length);
    expect(rejected.map((r) => r.doc_id)).toEqual([null, null, null, null]);
    expect(rejected.map((r) => r.record)).toEqual([null, "text", [1], 3]);
  });

  it("quotes the schema's rule in messages from if/then rules", () => {
    const [r] = validateClaims([withNumber({ count_qualifier: "approx" })]).rejected;
    expect(r!.errors[0]!.message).toContain("count_qualifier approx");
  });
});

describe("validateDocuments", () => {
  const doc = {
    doc_id: "000_34d2db624d6465cf",
    file: "raw/000_34d2db624d6465cf.txt",
    publisher: "Euronews",
    url: null,
    published_at: "2024-10-23",
    language: "fr",
    encoding: "utf-8",
    raw_sha256: "a".repeat(64),
    raw_bytes: 100,
    cleaned_length: 90,
    claims: 7,
    removed_blocks: 2,
  };
  it("accepts a document row and rejects a bad hash and a duplicate doc_id", () => {
    const { valid, rejected } = validateDocuments([doc, { ...doc, doc_id: "x", raw_sha256: "xyz" }, doc]);
    expect(valid).toEqual([doc]);
    expect(rejected.map((r) => r.errors.map((e) => e.pointer))).toEqual([["/raw_sha256"], ["/doc_id"]]);
  });
});

describe("the schemas themselves", () => {
  // The validators compile without checking the schemas against the meta-schema (validate/compiled.ts): this does.
  const metaValidator = () => {
    const ajv = new Ajv2020({ strict: true });
    addFormats.default(ajv);
    return ajv;
  };

  it("are valid JSON Schema 2020-12", () => {
    const ajv = metaValidator();
    for (const schema of [claimSchema, documentSchema]) {
      expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    }
  });

  it("would be refused if they were not", () => {
    const ajv = metaValidator();
    const broken = { ...claimSchema, properties: { ...claimSchema.properties, count: { type: "int" } } };
    expect(ajv.validateSchema(broken)).toBe(false);
    expect(JSON.stringify(ajv.errors)).toContain("/properties/count/type");
  });
});
