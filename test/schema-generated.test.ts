// The committed generated types must be what the generator writes from the current schemas.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { GENERATED_TYPES } from "../pipeline/bin/gen.js";
import { GENERATED_HEADER, generateTypes } from "../pipeline/schema/typegen.js";

describe("pipeline/generated/types.ts", () => {
  const committed = fs.readFileSync(GENERATED_TYPES, "utf8");

  it("says in its first line that it is generated, and by which command", () => {
    expect(committed.split("\n")[0]).toBe(GENERATED_HEADER);
    expect(GENERATED_HEADER).toContain("npm run gen");
  });

  it("matches the schemas (else run `npm run gen` and commit the result)", () => {
    const fresh = generateTypes();
    if (committed !== fresh) {
      expect.fail("pipeline/generated/types.ts is out of date with schema/*.json: run `npm run gen` and commit the result");
    }
  });

  it("exports the names the pipeline imports", () => {
    for (const name of ["Claim", "DocumentRow", "Measure", "CountQualifier", "DatePrecision", "Certainty"]) {
      expect(committed).toMatch(new RegExp(`^export (type|interface) ${name}\\b`, "m"));
    }
  });
});
