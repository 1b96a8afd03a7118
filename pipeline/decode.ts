// Pure decoding of a raw corpus file into text, refusing what is not text.
//
// Decisions (see test/decode.test.ts):
// - A byte-order mark decides (UTF-8, UTF-16 LE/BE) and is removed: raw offsets
//   count from the first character after it (pipeline/README.md, "Offsets").
// - Without a BOM, valid UTF-8 wins. Legacy French files are Windows-1252 or
//   Latin-1; chardet tells which. Both are decoded by iconv-lite under the name
//   recorded in `encoding`, so decoding the bytes again with it gives the same
//   raw text (and the same raw offsets).
// - Invalid UTF-8 inside an otherwise UTF-8 article (more valid multi-byte
//   characters than invalid sequences) is a damaged UTF-8 file, not a legacy one:
//   each invalid sequence becomes U+FFFD and the encoding reads
//   "utf-8 (with N invalid bytes replaced)". Re-decoding as Windows-1252 would
//   turn every correct accent of the article into mojibake to save one character.
// - CRLF is kept: the raw text is the file as written; the cleaner normalises it.
import type Chardet from "chardet";
import type { Context } from "chardet/lib/encoding/index.js";
import type Iconv from "iconv-lite";
import { requireCjs } from "./cjs.js";
import { MAX_BYTES, tooLarge } from "./size-limits.js";

const chardet = requireCjs("chardet") as typeof Chardet;
const { ISO_8859_1 } = requireCjs("chardet/lib/encoding/sbcs.js") as typeof import("chardet/lib/encoding/sbcs.js");
const iconv = requireCjs("iconv-lite") as typeof Iconv;

export { formatBytes, MANIFEST_MAX_BYTES, MAX_BYTES, tooLarge } from "./size-limits.js";

export type DecodeResult = { text: string; encoding: string } | { error: string };

const MAGIC: [string, number[]][] = [
  ["PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["JPEG image", [0xff, 0xd8, 0xff]],
  ["GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["PDF document", [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ["ZIP archive or Office document", [0x50, 0x4b, 0x03, 0x04]],
  ["gzip archive", [0x1f, 0x8b]],
  ["WebP/RIFF file", [0x52, 0x49, 0x46, 0x46]],
  ["ELF executable", [0x7f, 0x45, 0x4c, 0x46]],
];

/** Legacy encodings we accept, as chardet names them -> the name iconv-lite decodes with. */
const LEGACY: Record<string, string> = { "windows-1252": "windows-1252", "ISO-8859-1": "iso-8859-1" };

export function decode(bytes: Uint8Array, maxBytes = MAX_BYTES): DecodeResult {
  if (bytes.length === 0) return { error: "empty file" };
  if (bytes.length > maxBytes) return { error: tooLarge(bytes.length, maxBytes) };
  for (const [kind, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return { error: `binary file (${kind}?)` };
  }

  let decoded: { text: string; encoding: string } | { error: string };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) decoded = unicode(bytes.subarray(3), "utf-8");
  else if (startsWith(bytes, [0xff, 0xfe])) decoded = unicode(bytes.subarray(2), "utf-16le");
  else if (startsWith(bytes, [0xfe, 0xff])) decoded = unicode(bytes.subarray(2), "utf-16be");
  else if (bytes.includes(0)) return { error: "binary file (NUL bytes; UTF-16 without a byte-order mark is not supported)" };
  else decoded = withoutBom(bytes);
  if ("error" in decoded) return decoded;

  const { text } = decoded;
  if (controlShare(text) > 0.05) return { error: "binary file (mostly control characters)" };
  if (text.trim() === "") return { error: "no text (whitespace only)" };
  return decoded;
}

function withoutBom(bytes: Uint8Array): DecodeResult {
  const strict = tryStrict(bytes, "utf-8");
  if (strict !== null) return { text: strict, encoding: "utf-8" };

  const lenient = new TextDecoder("utf-8").decode(bytes);
  const invalid = countReplacements(lenient) - countSequence(bytes, [0xef, 0xbf, 0xbd]);
  const multibyte = countNonAscii(lenient) - countReplacements(lenient);
  if (multibyte > invalid) {
    return { text: lenient, encoding: `utf-8 (with ${invalid} invalid byte${invalid === 1 ? "" : "s"} replaced)` };
  }

  const sample = detectorSample(bytes);
  const quick = latin1Match(sample);
  const matches = quick && quick.name in LEGACY && quick.confidence >= 10 ? [quick] : chardet.analyse(sample);
  const legacy = matches.find((m) => m.name in LEGACY && m.confidence >= 10);
  if (!legacy) {
    const top = matches[0];
    return { error: `not UTF-8 and not a supported legacy encoding (Windows-1252, Latin-1)${top ? `: looks like ${top.name}` : ""}` };
  }
  let encoding = LEGACY[legacy.name]!;
  // Bytes 0x80-0x9F are C1 controls in Latin-1 but curly quotes, dashes, € and œ in
  // Windows-1252: a "Latin-1" file that uses them is a Windows-1252 file.
  if (encoding === "iso-8859-1" && bytes.some((b) => b >= 0x80 && b <= 0x9f)) encoding = "windows-1252";
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding), encoding };
}

const LATIN1 = new ISO_8859_1();

/**
 * chardet's Latin-1 / Windows-1252 recogniser alone, on the context chardet.analyse builds. analyse()
 * runs 27 recognisers (a third of the clean stage's time on the 3% of bench articles in
 * Windows-1252) and only this one can name an encoding of LEGACY, so its answer is analyse()'s
 * whenever it names one (test/decode.test.ts compares the two); otherwise analyse() decides.
 */
function latin1Match(sample: Uint8Array): { name: string; confidence: number } | null {
  let c1Bytes = false;
  for (let i = 0; i < sample.length && !c1Bytes; i++) c1Bytes = sample[i]! >= 0x80 && sample[i]! <= 0x9f;
  const det: Context = { byteStats: [], c1Bytes, rawInput: sample, rawLen: sample.length, inputBytes: sample, inputLen: sample.length };
  return LATIN1.match(det);
}

/**
 * What chardet reads: the whole file when small; else the text around the
 * non-ASCII bytes, which is where encodings differ. chardet takes about 0.4 s per
 * MB, and a 10 MB file of plain ASCII prose would tell it nothing more.
 */
function detectorSample(bytes: Uint8Array, max = 256 * 1024): Uint8Array {
  if (bytes.length <= max) return bytes;
  const parts: Uint8Array[] = [];
  let size = 0;
  let from = 0;
  for (let i = 0; i < bytes.length && size < max; i++) {
    if (bytes[i]! < 0x80 || i < from) continue;
    const start = Math.max(from, i - 32);
    const end = Math.min(bytes.length, i + 32);
    parts.push(bytes.subarray(start, end));
    size += end - start;
    from = end;
  }
  return parts.length ? Buffer.concat(parts) : bytes.subarray(0, max);
}

function unicode(body: Uint8Array, label: "utf-8" | "utf-16le" | "utf-16be"): DecodeResult {
  const strict = tryStrict(body, label);
  if (strict !== null) return { text: strict, encoding: label };
  const lenient = new TextDecoder(label).decode(body);
  const genuine = countSequence(body, label === "utf-8" ? [0xef, 0xbf, 0xbd] : label === "utf-16le" ? [0xfd, 0xff] : [0xff, 0xfd]);
  const invalid = countReplacements(lenient) - genuine;
  return { text: lenient, encoding: `${label} (with ${invalid} invalid byte${invalid === 1 ? "" : "s"} replaced)` };
}

function tryStrict(bytes: Uint8Array, label: string): string | null {
  try {
    // ignoreBOM: the caller has already removed the one BOM that is a mark; any other U+FEFF is text.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function countSequence(bytes: Uint8Array, seq: number[]): number {
  let n = 0;
  for (let i = bytes.indexOf(seq[0]!); i !== -1 && i <= bytes.length - seq.length; i = bytes.indexOf(seq[0]!, i + 1)) {
    if (seq.every((b, j) => bytes[i + j] === b)) n++;
  }
  return n;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\uFFFD"); i !== -1; i = text.indexOf("\uFFFD", i + 1)) n++;
  return n;
}

function countNonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) n++;
  return n;
}

/** Share of control characters other than tab, line feed, form feed and carriage return. */
function controlShare(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f || (c >= 0x80 && c <= 0x9f)) n++;
  }
  return text.length ? n / text.length : 0;
}
