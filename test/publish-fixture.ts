// Interim files for publish tests, made from the gold annotations in
// test/fixtures/gold (the same articles as the seed corpus), completed with the
// fields the extract stage adds, plus a few records built to stress the CSV
// conventions (formula-like text, quotes, line breaks, empty lists).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Claim } from "../pipeline/generated/types.js";
import type { CleanedDoc, Problem } from "../pipeline/types.js";
import type { RejectedRecord } from "../pipeline/publish/inputs.js";

const GOLD = path.join(import.meta.dirname, "fixtures", "gold");

interface GoldFile {
  doc_id: string;
  file: string;
  url: string | null;
  publisher: string;
  published_at: string;
  language: string;
  claims: Omit<Claim, "claim_id" | "doc_id" | "publisher" | "published_at" | "language" | "url" | "span_start" | "span_end" | "raw_span_start" | "raw_span_end" | "extractor_version">[];
}

function id16(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 16);
}

export interface Corpus {
  claims: Claim[];
  docs: CleanedDoc[];
  rejected: RejectedRecord[];
  problems: Problem[];
}

/** The gold claims as complete records, the gold documents as cleaned documents, plus stress records. */
export function goldCorpus(): Corpus {
  const golds = fs
    .readdirSync(GOLD)
    .filter((n) => n.endsWith(".json"))
    .sort()
    .map((n) => JSON.parse(fs.readFileSync(path.join(GOLD, n), "utf8")) as GoldFile);
  const docs: CleanedDoc[] = [];
  const claims: Claim[] = [];
  for (const g of golds) {
    const text = g.claims.map((c) => c.quote).join("\n\n");
    docs.push({
      doc_id: g.doc_id,
      file: g.file,
      publisher: g.publisher,
      url: g.url,
      published_at: g.published_at,
      language: g.language,
      encoding: "utf-8",
      raw_sha256: createHash("sha256").update(text).digest("hex"),
      raw_bytes: Buffer.byteLength(text),
      text,
      map: [],
      removed: [{ raw_start: 0, raw_end: 0, rule: "share-widget", text: "Partager" }],
    });
    g.claims.forEach((gold, i) => {
      // Annotators' notes are not part of a record.
      const { note: _note, optional: _optional, ...c } = gold as typeof gold & { note?: unknown; optional?: unknown };
      const start = text.indexOf(c.quote);
      claims.push({
        ...c,
        claim_id: id16(g.doc_id, String(i), c.quote),
        doc_id: g.doc_id,
        publisher: g.publisher,
        published_at: g.published_at,
        language: g.language,
        url: g.url,
        span_start: start,
        span_end: start + c.quote.length,
        raw_span_start: start,
        raw_span_end: start + c.quote.length,
        extractor_version: "1.0.0",
      });
    });
  }
  const base = claims[0]!;
  const stress: Partial<Claim>[] = [
    { quote: "=HYPERLINK(\"http://example.com\",\"clic\")", count_text: "+5 000", claimant: "@someone", places: [] },
    { quote: "-10 000 soldats, dit-il, \"au moins\";\nsur deux lignes\r\net un retour", location: "'=quoted", places: ["Kursk Oblast", "Russia", "Ukraine"] },
    { quote: "\tTab au début, émoji 🇰🇵 et guillemets « français »", claimant_country: null, claimant_org: "Unattributed", claimant: null, url: "https://example.com/a?b=1,2" },
  ];
  stress.forEach((s, i) => claims.push({ ...base, ...s, claim_id: id16("stress", String(i)) }));
  return {
    claims,
    docs,
    rejected: [{ doc_id: base.doc_id, record: { ...base, count: -1 }, errors: [{ pointer: "/count", message: "must be >= 0" }] }],
    problems: [{ stage: "clean", doc_id: null, file: "raw/missing.txt", line: 7, reason: "=file not found; row skipped" }],
  };
}

function jsonl(rows: readonly unknown[]): string {
  return rows.map((r) => `${JSON.stringify(r)}\n`).join("");
}

/** Writes the corpus as DATA/interim/*.jsonl, as the earlier stages would. */
export function writeInterim(data: string, corpus: Corpus): void {
  const dir = path.join(data, "interim");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "valid.jsonl"), jsonl(corpus.claims));
  fs.writeFileSync(path.join(dir, "clean.jsonl"), jsonl(corpus.docs));
  fs.writeFileSync(path.join(dir, "rejected.jsonl"), jsonl(corpus.rejected));
  fs.writeFileSync(path.join(dir, "problems.clean.jsonl"), jsonl(corpus.problems));
}
