// Pure parser and checker of the corpus manifest (sources.csv).
//
// Every row that cannot be trusted becomes a Problem carrying its manifest line,
// so a bad row costs that row only and is never silently dropped. The first row
// with a given doc_id wins; later duplicates are reported and rejected, because
// doc_id keys every downstream record and two documents must not share one.
import Papa from "papaparse";
import type { Problem, Source } from "./types.js";
import { CONTROL, checkFile, show } from "./file-rules.js";

export { checkFile, show };

export const REQUIRED_COLUMNS = ["doc_id", "file", "publisher", "url", "published_at", "language"] as const;

/** Languages the dataset accepts; the extractor reads fr only and notes the others. */
export const SUPPORTED_LANGUAGES: ReadonlySet<string> = new Set(["fr", "en"]);

const DOC_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export interface ManifestResult {
  sources: Source[];
  problems: Problem[];
}

export function parseManifest(text: string, manifestName: string): ManifestResult {
  const problems: Problem[] = [];
  const sources: Source[] = [];
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;

  const rows: { cells: string[]; line: number }[] = [];
  const lines = lineCounter(body);
  let prevCursor = 0;
  Papa.parse<string[]>(body, {
    delimiter: ",",
    skipEmptyLines: "greedy",
    step: (r) => {
      rows.push({ cells: r.data, line: lines(prevCursor) });
      prevCursor = r.meta.cursor;
    },
  });

  const manifestProblem = (reason: string, line: number | null = null): Problem => ({
    stage: "manifest",
    doc_id: null,
    file: manifestName,
    line,
    reason,
  });

  const header = rows.shift();
  if (!header) {
    return { sources, problems: [manifestProblem("manifest is empty: expected a header row " + REQUIRED_COLUMNS.join(","))] };
  }
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) {
    return {
      sources,
      problems: [
        manifestProblem(
          `manifest unusable: missing required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} ` +
            `(header is ${show(header.cells.join(","))}); no document built`,
          header.line,
        ),
      ],
    };
  }
  const col = Object.fromEntries(REQUIRED_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<
    (typeof REQUIRED_COLUMNS)[number],
    number
  >;

  const firstLineOf = new Map<string, number>();
  for (const { cells, line } of rows) {
    const cell = (c: (typeof REQUIRED_COLUMNS)[number]) => (cells[col[c]] ?? "").trim();
    const rawId = cell("doc_id");
    const file = cell("file");
    const rowProblem = (reason: string, docId: string | null = DOC_ID.test(rawId) ? rawId : null): Problem => ({
      stage: "manifest",
      doc_id: docId,
      file: file || null,
      line,
      reason: `${manifestName} line ${line}: ${reason}`,
    });

    if (cells.length !== names.length) {
      // A shifted row (an unquoted comma in a publisher name, a truncated line) puts
      // values in the wrong columns: building it would publish wrong metadata.
      problems.push(rowProblem(`row has ${cells.length} fields, the header has ${names.length}; row rejected`));
      continue;
    }
    const idError = checkDocId(rawId);
    if (idError) {
      problems.push(rowProblem(`${idError}; row rejected`, null));
      continue;
    }
    const first = firstLineOf.get(rawId);
    if (first !== undefined) {
      problems.push(rowProblem(`duplicate doc_id ${show(rawId)} (first on line ${first}, which is kept); row rejected`));
      continue;
    }
    firstLineOf.set(rawId, line);

    const fileError = checkFile(file);
    if (fileError) {
      problems.push(rowProblem(`${fileError}; row rejected`));
      continue;
    }
    const published = cell("published_at");
    if (!isCalendarDate(published)) {
      problems.push(rowProblem(`invalid published_at ${show(published)}: expected a real date YYYY-MM-DD; row rejected`));
      continue;
    }
    const language = cell("language").toLowerCase();
    if (!/^[a-z]{2}$/.test(language)) {
      problems.push(rowProblem(`invalid language ${show(language)}: expected an ISO 639-1 code such as fr; row rejected`));
      continue;
    }
    if (!SUPPORTED_LANGUAGES.has(language)) {
      problems.push(
        rowProblem(`unsupported language ${show(language)} (supported: ${[...SUPPORTED_LANGUAGES].join(", ")}); row rejected`),
      );
      continue;
    }
    const rawUrl = cell("url");
    let url: string | null = null;
    if (rawUrl) {
      url = checkUrl(rawUrl);
      // A bad url is metadata damage, not a reason to lose the article: keep the
      // document with url null and say so.
      if (url === null) {
        problems.push(rowProblem(`malformed url ${show(rawUrl)}: only absolute http(s) URLs are kept; url recorded as null, document kept`));
      }
    }
    // A line break inside a quoted publisher is layout, not data.
    const publisher = cell("publisher").replace(/\s+/g, " ");
    if (CONTROL.test(publisher)) {
      problems.push(rowProblem(`publisher ${show(publisher)} contains control characters; row rejected`));
      continue;
    }
    sources.push({
      doc_id: rawId,
      file,
      publisher: publisher || "unknown",
      url,
      published_at: published,
      language,
      line,
    });
  }
  return { sources, problems };
}

function checkDocId(id: string): string | null {
  if (id === "") return "empty doc_id";
  if (CONTROL.test(id)) return `doc_id ${show(id)} contains control characters`;
  if (/[/\\]/.test(id)) return `doc_id ${show(id)} contains a slash`;
  if (!DOC_ID.test(id)) return `doc_id ${show(id)} must match ${DOC_ID.source}`;
  return null;
}

/** True for YYYY-MM-DD naming a day that exists ("2024-02-30" does not). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** The URL as written when it is an absolute http(s) URL, else null (javascript:, data:, relative ...). */
function checkUrl(s: string): string | null {
  if (/\s/.test(s)) return null;
  try {
    const u = new URL(s);
    return u.protocol === "http:" || u.protocol === "https:" ? s : null;
  } catch {
    return null;
  }
}

/** Maps a character offset to its 1-based line, scanning forward only (offsets arrive in order). */
function lineCounter(text: string): (offset: number) => number {
  let pos = 0;
  let line = 1;
  return (offset) => {
    // Papaparse's cursor sits before the blank lines it skipped: step over them to the row's first character.
    let start = offset;
    while (start < text.length && (text[start] === "\n" || text[start] === "\r" || /[ \t]/.test(text[start]!))) start++;
    for (; pos < start; pos++) {
      const c = text[pos];
      if (c === "\n" || (c === "\r" && text[pos + 1] !== "\n")) line++;
    }
    return line;
  };
}
