// What the publish stage works from: the interim outputs of the earlier stages,
// already parsed (the script reads the files).
import type { Claim } from "../generated/types.js";
import type { CleanedDoc, Problem } from "../types.js";

/** What the documents table needs of a cleaned document: its metadata and two lengths, not its text. */
export type DocSummary = Omit<CleanedDoc, "text" | "map" | "removed"> & { cleaned_length: number; removed_blocks: number };

/** One line of interim/rejected.jsonl, as the validate stage writes it. */
export interface RejectedRecord {
  doc_id: string | null;
  record: unknown;
  errors: { pointer: string; message: string }[];
}

export interface PublishInput {
  claims: Claim[];
  /** Digest (row-digests.ts rowHash) of each claim's JSON line, in the order of `claims`; computed from the records when absent. */
  claimHashes?: number[];
  docs: DocSummary[];
  rejected: RejectedRecord[];
  problems: Problem[];
  /** SHA-256 over the interim files read, recorded in the Arrow metadata so a file can be traced to its inputs. */
  inputsSha256: string;
}
