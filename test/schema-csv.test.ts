// The CSV codec: exact round trips (including formula-escaped cells) and strict decoding.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { claimColumns } from "../pipeline/schema/columns.js";
import { encodeCsv, escapeFormula, fromCsvRow, parseCsv, toCsvRow, unescapeFormula } from "../pipeline/schema/csv.js";
import { documentSchema } from "../pipeline/schema/schemas.js";
import { goldClaims } from "./fixtures/hostile-records/gold-claims.js";

const gold = goldClaims();

describe("toCsvRow / fromCsvRow", () => {
  it("writes cells in column order with the documented rules", () => {
    const c = gold.find((x) => x.count_qualifier === "up_to")!;
    const row = toCsvRow({ ...c, places: ["Vladivostok", "Khabarovsk"] });
    expect(Object.keys(row)).toEqual(claimColumns);
    expect(row.count_low).toBe("");
    expect(row.count_high).toBe("6000");
    expect(row.places).toBe("Vladivostok; Khabarovsk");
    expect(row.published_at).toBe("2024-10-23");
  });

  it("round-trips every gold claim exactly, through a whole CSV file", () => {
    const parsed = parseCsv(encodeCsv(gold));
    expect(parsed.header).toEqual(claimColumns);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => fromCsvRow(r.cells))).toEqual(gold);
    expect(parsed.rows.map((r) => r.row)).toEqual(gold.map((_, i) => i + 2));
  });

  it("neutralises formulas and undoes it on read, multi-line cells included", () => {
    const c = { ...gold[0]!, quote: "=HYPERLINK(\"x\")\nsecond line", claimant: "'=already quoted", location: "-5", count_text: "@x" };
    const row = toCsvRow(c);
    expect(row.quote!.startsWith("'=")).toBe(true);
    expect(row.claimant).toBe("''=already quoted");
    expect(row.location).toBe("'-5");
    const [back] = parseCsv(encodeCsv([c])).rows;
    expect(fromCsvRow(back!.cells)).toEqual(c);
  });

  it("escape and unescape are inverse on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", "=", "+", "-", "@", "\t", "\r", "a", ";", "\n") }), (s) => {
        const e = escapeFormula(s);
        expect(/^[=+\-@\t\r]/.test(e)).toBe(false);
        expect(unescapeFormula(e)).toBe(s);
      }),
    );
  });

  it("decodes integers strictly, leaving anything else for the validator to reject", () => {
    const decode = (count: string) => fromCsvRow({ count }).count;
    expect(decode("2600")).toBe(2600);
    expect(decode("0")).toBe(0);
    expect(decode("")).toBeNull();
    for (const bad of ["2600.0", " 2600", "2 600", "1e3", "0x10", "012", "99999999999999999999"]) expect(decode(bad)).toBe(bad);
  });

  it("keeps \"\" in a non-nullable column and reads \"\" as [] for a list", () => {
    expect(fromCsvRow({ quote: "", places: "", url: "" })).toEqual({ url: null, places: [], quote: "" });
  });

  it("takes another schema (documents)", () => {
    const doc = { doc_id: "d", file: "raw/d.txt", publisher: "P", url: null, published_at: "2024-01-01", language: "fr", encoding: "utf-8", raw_sha256: "0".repeat(64), raw_bytes: 10, cleaned_length: 9, claims: 0, removed_blocks: 1 };
    expect(fromCsvRow(toCsvRow(doc, documentSchema), documentSchema)).toEqual(doc);
  });
});
