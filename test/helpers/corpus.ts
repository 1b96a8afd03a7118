// Generated corpora for the build tests (bench's generator: deterministic articles).
import fs from "node:fs";
import path from "node:path";
import { ARCHIVED_AT, writeCorpus } from "../../pipeline/bin/bench.js";
import { generateDoc, sourcesLine } from "../../pipeline/bench/corpus.js";

/**
 * `root`/corpus with n generated articles, one manifest row whose file is missing and one
 * file no row lists (so that problems are built and compared too); its release goes to `root`/dist.
 */
export function corpusWithProblems(root: string, n: number): { data: string; dist: string } {
  writeCorpus(path.join(root, "corpus"), n);
  fs.appendFileSync(path.join(root, "corpus", "sources.csv"), "missing-doc,raw/missing.txt,X,,2024-11-01,fr\n");
  fs.writeFileSync(path.join(root, "corpus", "raw", "stray.txt"), "Un fichier que le manifeste ne cite pas.\n");
  archived(path.join(root, "corpus", "sources.csv"), path.join(root, "corpus", "raw", "stray.txt"));
  return { data: path.join(root, "corpus"), dist: path.join(root, "dist") };
}

/** Adds generated article `index` of `seed` to the corpus as doc_id `added-<index>`. */
export function addGeneratedArticle(data: string, seed: number, index: number): void {
  const d = generateDoc(seed, index);
  const source = { ...d.source, doc_id: `added-${index}`, file: `raw/added-${index}.txt` };
  fs.writeFileSync(path.join(data, source.file), d.bytes);
  fs.appendFileSync(path.join(data, "sources.csv"), sourcesLine(source));
  archived(path.join(data, source.file), path.join(data, "sources.csv"));
}

/**
 * Gives files the modification time of an archive's (the bench corpus's), as if changed long
 * before the next build: a file changed within 2 s of the build that stamps it is read again by
 * the build after (corpus-files.ts racyStamp), and tests counting the files read set that aside.
 * Their ctime still changes, so an edit is still seen.
 */
export function archived(...files: string[]): void {
  for (const f of files) fs.utimesSync(f, ARCHIVED_AT, ARCHIVED_AT);
}
