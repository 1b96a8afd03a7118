import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import chardet from "chardet";
import { isUtf8 } from "node:buffer";
import { decode, MAX_BYTES } from "../pipeline/decode.js";
import { htmlToText, looksLikeHtml } from "../pipeline/html.js";
import { ARTICLE, ARTICLE_CP1252, articleHtml, invalidUtf8Article, PNG } from "./fixtures/hostile/make.js";

const enc = new TextEncoder();

function ok(bytes: Uint8Array) {
  const r = decode(bytes);
  if ("error" in r) throw new Error(`expected text, got error: ${r.error}`);
  return r;
}

function err(bytes: Uint8Array): string {
  const r = decode(bytes);
  if (!("error" in r)) throw new Error(`expected an error, got ${r.encoding} text`);
  return r.error;
}

describe("decode: text encodings", () => {
  it("reads plain UTF-8 as utf-8", () => {
    expect(ok(enc.encode(ARTICLE))).toEqual({ text: ARTICLE, encoding: "utf-8" });
  });

  it("strips a UTF-8 byte-order mark and keeps CRLF for the cleaner", () => {
    const crlf = ARTICLE.replace(/\n/g, "\r\n");
    const r = ok(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(crlf)]));
    expect(r).toEqual({ text: crlf, encoding: "utf-8" });
  });

  it("keeps a U+FEFF that is not at the start: only the leading one is a mark", () => {
    expect(ok(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode("a\uFEFFb")]))).toEqual({ text: "a\uFEFFb", encoding: "utf-8" });
  });

  it("reads UTF-16 LE and BE by their byte-order mark", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, "utf16le")]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(ARTICLE, "utf16le").swap16()]);
    expect(ok(le)).toEqual({ text: ARTICLE, encoding: "utf-16le" });
    expect(ok(be)).toEqual({ text: ARTICLE, encoding: "utf-16be" });
  });

  it("reads a Windows-1252 article (’ œ € —) as its UTF-8 twin", () => {
    expect(ok(iconv.encode(ARTICLE_CP1252, "windows-1252"))).toEqual({ text: ARTICLE_CP1252, encoding: "windows-1252" });
  });

  it("reads a Latin-1 article as its UTF-8 twin", () => {
    expect(ok(iconv.encode(ARTICLE, "latin1"))).toEqual({ text: ARTICLE, encoding: "iso-8859-1" });
  });

  it("detects Windows-1252 in a large file whose accents come after megabytes of ASCII", () => {
    const text = "Koursk. ".repeat(400_000) + ARTICLE_CP1252;
    expect(ok(iconv.encode(text, "windows-1252"))).toEqual({ text, encoding: "windows-1252" });
  });

  it("re-decoding the bytes with the recorded encoding gives the same raw text (raw offsets are reproducible)", () => {
    for (const bytes of [iconv.encode(ARTICLE, "latin1"), iconv.encode(ARTICLE_CP1252, "windows-1252")]) {
      const r = ok(bytes);
      expect(iconv.decode(Buffer.from(bytes), r.encoding)).toBe(r.text);
    }
  });

  it("replaces one invalid byte inside a UTF-8 article and says so, rather than re-reading it as Windows-1252", () => {
    const r = ok(invalidUtf8Article());
    expect(r.encoding).toBe("utf-8 (with 1 invalid byte replaced)");
    expect(r.text).toBe(ARTICLE.replace("plusieurs milliers", "\uFFFDplusieurs milliers"));
  });

  it("does not count a genuine U+FFFD in the file as an invalid byte", () => {
    const bytes = Buffer.concat([Buffer.from("été \uFFFD "), Buffer.from([0xff]), Buffer.from(" déjà")]);
    expect(ok(bytes).encoding).toBe("utf-8 (with 1 invalid byte replaced)");
  });
});

describe("decode: what is not text", () => {
  it("refuses an empty file", () => {
    expect(err(new Uint8Array())).toBe("empty file");
  });

  it("refuses a whitespace-only file", () => {
    expect(err(enc.encode(" \r\n\t \n"))).toBe("no text (whitespace only)");
  });

  it("names a PNG image", () => {
    expect(err(PNG)).toBe("binary file (PNG image?)");
  });

  it("names other magic numbers", () => {
    expect(err(enc.encode("%PDF-1.7\n..."))).toBe("binary file (PDF document?)");
    expect(err(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe("binary file (JPEG image?)");
  });

  it("refuses NUL bytes", () => {
    expect(err(new Uint8Array([0x61, 0x62, 0x00, 0x63]))).toMatch(/^binary file \(NUL bytes/);
  });

  it("refuses a file made mostly of control characters", () => {
    expect(err(new Uint8Array([0x01, 0x02, 0x03, 0x04, 0x61, 0x05, 0x06, 0x1b]))).toBe("binary file (mostly control characters)");
  });

  it("refuses a file over the size limit, naming its size", () => {
    expect(err(new Uint8Array(MAX_BYTES + 1).fill(0x61))).toBe(
      `file too large: 10.0 MB (${MAX_BYTES + 1} bytes), the limit is 10.0 MB`,
    );
  });

  it("refuses a legacy encoding that is not Western European", () => {
    const cyrillic = iconv.encode("Северокорейские войска прибыли в Курскую область, сообщает разведка.", "koi8-r");
    expect(err(cyrillic)).toMatch(/^not UTF-8 and not a supported legacy encoding \(Windows-1252, Latin-1\)/);
  });
  it("decides legacy encodings as chardet.analyse over all its recognisers does", () => {
    // decode() asks chardet's Latin-1 recogniser alone first; this is the rule with analyse() itself.
    const LEGACY: Record<string, string> = { "windows-1252": "windows-1252", "ISO-8859-1": "iso-8859-1" };
    const byAnalyse = (bytes: Uint8Array): string => {
      const matches = chardet.analyse(bytes);
      const legacy = matches.find((m) => m.name in LEGACY && m.confidence >= 10);
      if (!legacy) return `error: looks like ${matches[0]?.name}`;
      let e = LEGACY[legacy.name]!;
      if (e === "iso-8859-1" && bytes.some((b) => b >= 0x80 && b <= 0x9f)) e = "windows-1252";
      return e;
    };
    const texts = [
      ARTICLE,
      "Séoul évoque « 3 000 » soldats déployés – et l’œuvre de Pyongyang coûte 5 €.",
      "Les forces nord-coréennes seraient arrivées à Koursk, selon le renseignement sud-coréen. Ça déçoit.",
      "Für die Truppen wäre es schwierig, sagte der Sprecher.",
      "El ejército norcoreano habría enviado tropas, según Seúl.",
      "é",
      "ça",
    ];
    const samples: Uint8Array[] = [];
    for (const t of texts) for (const e of ["windows-1252", "iso-8859-1", "iso-8859-2", "koi8-r", "windows-1251", "shift_jis", "iso-8859-7"]) {
      samples.push(iconv.encode(t, e));
    }
    samples.push(iconv.encode("Северокорейские войска прибыли в Курскую область.", "windows-1251"));
    samples.push(iconv.encode("北朝鮮の部隊がロシアに到着した。", "shift_jis"));
    samples.push(iconv.encode("Οι βορειοκορεατικές δυνάμεις έφτασαν.", "iso-8859-7"));
    samples.push(Buffer.from(ARTICLE_CP1252));
    let legacy = 0;
    for (const bytes of samples) {
      if (new TextDecoder("utf-8", { fatal: false }).decode(bytes) === Buffer.from(bytes).toString("utf8") && isUtf8(bytes)) continue;
      const r = decode(bytes);
      const got = "error" in r ? r.error.replace(/^.*: looks like /, "error: looks like ") : r.encoding;
      expect(got, Buffer.from(bytes).toString("latin1")).toBe(byAnalyse(bytes));
      if (!("error" in r)) legacy++;
    }
    expect(legacy).toBeGreaterThan(10);
  });
});

describe("html", () => {
  it("recognises a page, not a text article quoting a tag", () => {
    expect(looksLikeHtml(articleHtml(ARTICLE))).toBe(true);
    expect(looksLikeHtml("  <html><body><p>x</p></body></html>")).toBe(true);
    expect(looksLikeHtml(ARTICLE + "\nLe site affichait <b>Urgent</b> en rouge.")).toBe(false);
  });

  it("recognises a page without doctype by its markup density", () => {
    const page = "<div>" + ARTICLE.split("\n\n").map((p) => `<p class="x"><span>${p}</span></p><br/>`).join("") + "</div>";
    expect(looksLikeHtml(page)).toBe(true);
  });

  it("extracts the article body and drops script, style, nav, footer", () => {
    const { text, method } = htmlToText(articleHtml(ARTICLE));
    expect(method).toBe("readability");
    expect(text).toBe(ARTICLE.trim());
    for (const noise of ["Abonnez-vous", "Accueil", "Publicité", "Tous droits réservés", "track(", "font-family", "Lire aussi"]) {
      expect(text).not.toContain(noise);
    }
  });

  it("drops menus and footers on a short page too", () => {
    const { text } = htmlToText("<html><body><nav>Menu</nav><p>Court texte.</p><footer>Pied</footer></body></html>");
    expect(text).toBe("Court texte.");
  });

  it.each([
    ["<!doctype html><script><html>", ""],
    ["<!doctype html><nav><html>", ""],
    ['<!doctype html><html><div class="x">Tous droits réservés ! !!<A!>', "Tous droits réservés ! !!"],
  ])("survives markup that broke linkedom or Readability: %j", (page, text) => {
    expect(htmlToText(page).text).toBe(text);
  });

  it("reads a bare fragment (no <html>, which linkedom would mis-root)", () => {
    const { text } = htmlToText("<div><p>Premier.</p><script>x()</script><p>Second <b>gras</b>.</p></div>");
    expect(text).toBe("Premier.\n\nSecond gras.");
  });
});
