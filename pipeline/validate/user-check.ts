// User mode of the validator, pure: a file's bytes in, every problem out as
// (row, column, message), ready to print as FILE:row:column: message.
import { claimSchema, documentSchema } from "../schema/schemas.js";
import { claimChecker, documentChecker } from "./index.js";
import { readUserFile, type FileFormat, type FileProblem } from "./user-file.js";

export type TableName = "claims" | "documents";

export interface UserCheck {
  format: FileFormat;
  records: number;
  valid: number;
  problems: FileProblem[];
}

/** First segment of a JSON pointer: the column an error is about ("/places/0" -> places). */
function columnOf(pointer: string): string {
  const first = pointer.split("/")[1] ?? "";
  return first.replace(/~1/g, "/").replace(/~0/g, "~");
}

export function checkUserFile(file: string, bytes: Uint8Array, table: TableName = "claims"): UserCheck {
  const schema = table === "claims" ? claimSchema : documentSchema;
  const checker = table === "claims" ? claimChecker() : documentChecker();
  const read = readUserFile(file, bytes, schema);
  const problems = [...read.problems];
  // A column missing from the header is reported once there, not again on every row.
  const missing = new Set(read.problems.filter((p) => p.message === "missing column").map((p) => p.column));
  let valid = 0;
  for (const { row, record } of read.records) {
    const result = checker.check(record);
    if (!result.rejected) {
      valid++;
      continue;
    }
    for (const e of result.rejected.errors) {
      const column = columnOf(e.pointer);
      if (!missing.has(column)) problems.push({ row, column, message: e.message });
    }
  }
  problems.sort((a, b) => a.row - b.row);
  return { format: read.format, records: read.records.length, valid, problems };
}
