// Golden files: the cleaned text of every seed, compared byte for byte with
// test/fixtures/cleaned/<doc_id>.txt. After an intended change to the clean
// rules, regenerate them and review the diff:
//
//   UPDATE_GOLDEN=1 npx vitest run test/clean.golden.test.ts

import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clean } from "../pipeline/clean/index.js";

const ROOT = join(import.meta.dirname, "..");
const RAW_DIR = join(ROOT, "data/raw");
const GOLDEN_DIR = join(ROOT, "test/fixtures/cleaned");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

describe("cleaned seed texts match the golden files", () => {
  const files = readdirSync(RAW_DIR).filter((f) => f.endsWith(".txt")).sort();
  it("has seeds to compare", () => expect(files.length).toBeGreaterThan(0));

  for (const f of files) {
    it(f, () => {
      const raw = readFileSync(join(RAW_DIR, f), "utf8").replace(/^\uFEFF/, "");
      const text = clean(raw).text;
      const golden = join(GOLDEN_DIR, f);
      if (UPDATE) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(golden, text, "utf8");
      }
      expect(existsSync(golden), `${golden} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(Buffer.from(text, "utf8").equals(readFileSync(golden))).toBe(true);
    });
  }
});
