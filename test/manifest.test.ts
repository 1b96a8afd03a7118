import { describe, expect, it } from "vitest";
import { isCalendarDate, parseManifest } from "../pipeline/manifest.js";
import { manifestCsv, type Row } from "./fixtures/hostile/make.js";

const HEADER = "doc_id,file,publisher,url,published_at,language";
const GOOD = "a1,raw/a1.txt,Le Monde,https://example.org/a,2024-10-30,fr";

function parse(text: string) {
  return parseManifest(text, "sources.csv");
}

function one(row: Row) {
  const r = parse(manifestCsv([row]));
  return { source: r.sources[0], problem: r.problems[0], problems: r.problems };
}

describe("parseManifest: the whole file", () => {
  it("reads a clean manifest into sources with their line numbers", () => {
    const r = parse(`${HEADER}\n${GOOD}\nb2,raw/b2.txt,,,2024-11-01,en\n`);
    expect(r.problems).toEqual([]);
    expect(r.sources).toEqual([
      { doc_id: "a1", file: "raw/a1.txt", publisher: "Le Monde", url: "https://example.org/a", published_at: "2024-10-30", language: "fr", line: 2 },
      { doc_id: "b2", file: "raw/b2.txt", publisher: "unknown", url: null, published_at: "2024-11-01", language: "en", line: 3 },
    ]);
  });

  it("accepts a byte-order mark and CRLF line ends", () => {
    const r = parse(`\uFEFF${HEADER}\r\n${GOOD}\r\n`);
    expect(r.problems).toEqual([]);
    expect(r.sources.map((s) => [s.doc_id, s.language, s.line])).toEqual([["a1", "fr", 2]]);
  });

  it("ignores extra columns, in any position", () => {
    const r = parse(`license,${HEADER},retrieved_at\nCC-BY,${GOOD},2024-11-02\n`);
    expect(r.problems).toEqual([]);
    expect(r.sources[0]).toMatchObject({ doc_id: "a1", file: "raw/a1.txt", language: "fr" });
  });

  it("gives one problem naming the missing required column, and no source", () => {
    const r = parse(`doc_id,file,publisher,url,language\na1,raw/a1.txt,X,,fr\n`);
    expect(r.sources).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ stage: "manifest", file: "sources.csv", line: 1 });
    expect(r.problems[0]!.reason).toMatch(/^manifest unusable: missing required column published_at /);
  });

  it("names every missing column", () => {
    expect(parse("doc_id,file\n").problems[0]!.reason).toMatch(/missing required columns publisher, url, published_at, language/);
  });

  it("reports an empty manifest", () => {
    expect(parse("").problems[0]!.reason).toMatch(/^manifest is empty/);
  });

  it("counts lines across blank lines and quoted line breaks", () => {
    const text = `${HEADER}\r\n\r\na1,raw/a1.txt,"Le\r\nMonde",,2024-10-30,fr\r\n\r\nb2,raw/b2.txt,X,,2024-10-31,fr\r\nb2,raw/b3.txt,X,,2024-10-31,fr\r\n`;
    const r = parse(text);
    expect(r.sources.map((s) => [s.doc_id, s.line])).toEqual([["a1", 3], ["b2", 6]]);
    expect(r.problems[0]).toMatchObject({ line: 7, doc_id: "b2" });
    expect(r.sources[0]!.publisher).toBe("Le Monde");
  });

  it("rejects a row with the wrong number of fields (an unquoted comma shifts every column)", () => {
    const r = parse(`${HEADER}\na1,raw/a1.txt,Le Monde, Paris,,2024-10-30,fr\n`);
    expect(r.sources).toEqual([]);
    expect(r.problems[0]!.reason).toBe("sources.csv line 2: row has 7 fields, the header has 6; row rejected");
  });
});

describe("parseManifest: one row", () => {
  it("keeps the first of two rows with the same doc_id and rejects the later", () => {
    const r = parse(manifestCsv([{ doc_id: "x", file: "raw/1.txt" }, { doc_id: "y", file: "raw/2.txt" }, { doc_id: "x", file: "raw/3.txt" }]));
    expect(r.sources.map((s) => s.file)).toEqual(["raw/1.txt", "raw/2.txt"]);
    expect(r.problems).toEqual([
      {
        stage: "manifest",
        doc_id: "x",
        file: "raw/3.txt",
        line: 4,
        reason: 'sources.csv line 4: duplicate doc_id "x" (first on line 2, which is kept); row rejected',
      },
    ]);
  });

  it.each([
    ["a/b", 'doc_id "a/b" contains a slash'],
    ["a\\b", 'doc_id "a\\\\b" contains a slash'],
    ["bell\u0007", 'doc_id "bell\\u0007" contains control characters'],
    ["tab\tid", 'doc_id "tab\\tid" contains control characters'],
    ["-lead", 'doc_id "-lead" must match ^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$'],
    ["x".repeat(129), "must match"],
    ["", "empty doc_id"],
  ])("rejects doc_id %j", (id, message) => {
    const { source, problem } = one({ doc_id: id, file: "raw/a.txt" });
    expect(source).toBeUndefined();
    expect(problem).toMatchObject({ stage: "manifest", doc_id: null, line: 2 });
    expect(problem!.reason).toContain(message);
  });

  it.each(["2024-13-45", "2024-02-30", "2023-02-29", "2024-10-3", "30/10/2024", "2024-10-30T10:00:00Z", ""])(
    "rejects published_at %j",
    (date) => {
      const { source, problem } = one({ doc_id: "d", file: "raw/d.txt", published_at: date });
      expect(source).toBeUndefined();
      expect(problem!.reason).toBe(`sources.csv line 2: invalid published_at ${JSON.stringify(date)}: expected a real date YYYY-MM-DD; row rejected`);
    },
  );

  it("accepts 29 February in a leap year", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(one({ doc_id: "d", file: "raw/d.txt", published_at: "2024-02-29" }).source?.published_at).toBe("2024-02-29");
  });

  it("accepts fr and en, upper case too, and rejects other languages", () => {
    expect(one({ doc_id: "d", file: "f", language: "FR" }).source?.language).toBe("fr");
    expect(one({ doc_id: "d", file: "f", language: "en" }).source?.language).toBe("en");
    expect(one({ doc_id: "d", file: "f", language: "de" }).problem!.reason).toBe(
      'sources.csv line 2: unsupported language "de" (supported: fr, en); row rejected',
    );
    expect(one({ doc_id: "d", file: "f", language: "french" }).problem!.reason).toMatch(/invalid language "french": expected an ISO 639-1 code/);
  });

  it.each([
    ["../../etc/passwd", "escapes the corpus folder (..)"],
    ["raw/../../x.txt", "escapes the corpus folder (..)"],
    ["/etc/passwd", "is an absolute path"],
    ["C:/Windows/win.ini", "is an absolute path"],
    ["raw\\..\\..\\x.txt", "contains a backslash"],
    ["", "empty file"],
  ])("rejects file %j", (file, message) => {
    const { source, problem } = one({ doc_id: "d", file });
    expect(source).toBeUndefined();
    expect(problem!.reason).toContain(message);
  });

  it("records an empty publisher as unknown and an empty url as null", () => {
    expect(one({ doc_id: "d", file: "f", publisher: "", url: "" }).source).toMatchObject({ publisher: "unknown", url: null });
  });

  it.each(["javascript:alert(1)", "not a url", "example.org/a", "ftp://example.org/a"])(
    "keeps the document but not the malformed url %j, and says so",
    (url) => {
      const { source, problems } = one({ doc_id: "d", file: "f", url });
      expect(source).toMatchObject({ doc_id: "d", url: null });
      expect(problems).toHaveLength(1);
      expect(problems[0]!.reason).toBe(
        `sources.csv line 2: malformed url ${JSON.stringify(url)}: only absolute http(s) URLs are kept; url recorded as null, document kept`,
      );
    },
  );
});
