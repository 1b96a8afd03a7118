// README.md of a release: the dataset card an analyst reads first.
import type { Claim, DocumentRow } from "../generated/types.js";
import { columnsOf, LIST_DELIMITER, type RecordSchema } from "../schema/index.js";
import type { Change } from "./changes.js";
import { countChanges } from "./changes.js";
import { LICENSE, PACKAGE_NAME, PACKAGE_TITLE } from "./datapackage.js";
import { compareText } from "./order.js";
import type { Bump } from "./version.js";

export interface CardInput {
  version: string;
  previousVersion: string | null;
  bump: Bump;
  created: string;
  claims: readonly Claim[];
  documents: readonly DocumentRow[];
  rejected: number;
  problems: number;
  changes: readonly Change[];
  claimSchema: RecordSchema;
  documentSchema: RecordSchema;
}

/** Markdown table cell: no line breaks, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").replace(/\|/g, "\\|");
}

function columnTable(schema: RecordSchema): string {
  const rows = columnsOf(schema).map((c) => {
    const type = c.kind === "enum" ? `one of ${c.values.map((v) => `\`${v}\``).join(", ")}` : c.kind === "list" ? "list of text" : c.kind === "integer" ? "integer" : c.kind === "date" ? "date" : "text";
    return `| \`${c.name}\` | ${type}${c.nullable ? ", may be empty" : ""} | ${cell(c.description)} |`;
  });
  return ["| column | type | meaning |", "|---|---|---|", ...rows].join("\n");
}

function countTable(label: string, values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const rows = [...counts].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).map(([k, n]) => `| ${cell(k)} | ${n} |`);
  return [`| ${label} | claims |`, "|---|---|", ...rows].join("\n");
}

function changeSummary(input: CardInput): string {
  if (input.previousVersion === null) return `First release: all ${input.claims.length} claim records are new (CHANGES.csv lists them as added).`;
  const n = countChanges(input.changes);
  const why = { major: "the schema changed", minor: "records were added", patch: "records were corrected or removed, or the rejected records or problems changed", initial: "" }[input.bump];
  return `Changes since ${input.previousVersion} (${input.bump} release: ${why}): ${n.added} added, ${n.changed} changed, ${n.removed} removed claim records; CHANGES.csv lists them with the changed columns.`;
}

export function datasetCard(input: CardInput): string {
  const year = input.created.slice(0, 4);
  return `# ${PACKAGE_TITLE}, version ${input.version}

Released ${input.created.slice(0, 10)}. License: [${LICENSE.title}](${LICENSE.path}) (\`${LICENSE.name}\`).

**What a row is.** Each row of \`claims\` is one *claim*: one attributed statement, in one news
article, about North Korean military personnel in connection with Russia's war against Ukraine
(sent, present, planned, training, in combat, casualties, captured, or a denial of that). There is
one row per distinct claimant, measure, number and place in an article; the same statement
repeated in one article is one row. A claim is what someone *said*, not an established fact:
\`certainty\` says how firmly, \`claimant_org\` who. \`documents\` has one row per source article.

## Contents

- ${input.claims.length} claim records from ${input.documents.length} documents.
- ${input.rejected} extracted records were rejected by validation and are not in the tables: see \`rejected.jsonl\`${input.rejected === 0 ? " (absent: none)" : ""}.
- ${input.problems} problems (documents or manifest rows a stage could not process): see \`problems.csv\`${input.problems === 0 ? " (absent: none)" : ""}.
- ${changeSummary(input)}

| file | what |
|---|---|
| \`claims.csv\`, \`claims.arrow\`, \`claims.parquet\` | the claims table, as CSV, Arrow IPC file and Parquet (zstd) |
| \`documents.csv\`, \`documents.arrow\` | the documents table |
| \`datapackage.json\` | Frictionless Data Package v2: Table Schemas, sizes and SHA-256 of every file |
| \`CHANGES.csv\` | claim_id, change (added, removed, changed), changed columns |
| \`SHA256SUMS\` | check a download with \`sha256sum -c SHA256SUMS\` |

### Claims by measure

${countTable("measure", input.claims.map((c) => c.measure))}

### Claims by claimant institution

${countTable("claimant_org", input.claims.map((c) => c.claimant_org))}

## Columns of \`claims\`

${columnTable(input.claimSchema)}

## Columns of \`documents\`

${columnTable(input.documentSchema)}

## CSV conventions

- UTF-8 without byte-order mark, a header row, columns in the order above, RFC 4180 quoting,
  lines ending in \`\\n\`.
- An empty cell is a missing value (null). No text column holds an empty string.
- \`places\` is a list: its items are joined with \`${LIST_DELIMITER}\`; an empty cell is an empty list.
- Dates are ISO 8601 (\`YYYY-MM-DD\`).
- Formula neutralisation: a cell whose text starts with \`=\`, \`+\`, \`-\`, \`@\`, a tab or a carriage
  return (after any leading apostrophes) gets one more \`'\` in front, so spreadsheets do not run it.
  Remove one leading \`'\` from such cells to get the exact text. The Arrow and Parquet files keep the
  exact text.
- Rows are sorted by \`claim_id\` (documents by \`doc_id\`).

## Load it

pandas:
\`\`\`python
import pandas as pd
claims = pd.read_csv("claims.csv", keep_default_na=False, na_values=[""], dtype={"count": "Int64"})
claims["places"] = claims["places"].str.split("${LIST_DELIMITER}")
\`\`\`

polars:
\`\`\`python
import polars as pl
claims = pl.read_parquet("claims.parquet")  # or pl.read_ipc("claims.arrow")
print(claims.group_by("measure").len())
\`\`\`

R:
\`\`\`r
library(arrow)
claims <- read_parquet("claims.parquet")  # or read_feather("claims.arrow")
table(claims$measure)
\`\`\`

DuckDB:
\`\`\`sql
SELECT measure, count(*) FROM 'claims.parquet' GROUP BY measure;
SELECT * FROM read_csv('claims.csv', header = true, all_varchar = true);
SELECT * FROM 'claims.parquet' JOIN 'documents.csv' USING (doc_id);
\`\`\`

## Cite

${PACKAGE_NAME} maintainers (${year}). *${PACKAGE_TITLE}*, version ${input.version} [data set].
${LICENSE.name}. Cite the version you used: a published version is never changed; \`latest/\` moves.
`;
}
