// `npm run gen`: regenerates pipeline/generated/types.ts from schema/*.json.
// Commit the result; test/schema-generated.test.ts fails while the two differ.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateTypes } from "../schema/typegen.js";
import { writeFileAtomic } from "./io.js";
import { isMain, runMain } from "./cli.js";

export const GENERATED_TYPES = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "generated", "types.ts");

if (isMain(import.meta.url)) {
  runMain("gen", async () => {
    writeFileAtomic(GENERATED_TYPES, generateTypes());
    console.log(`gen: wrote ${path.relative(process.cwd(), GENERATED_TYPES)}`);
  });
}
