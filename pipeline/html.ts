// Article text out of a saved HTML page.
//
// Some corpus files are whole web pages rather than text. Their markup, scripts
// and menus would otherwise reach the cleaner as words. Readability (the engine of
// Firefox's reader view) finds the article body over a linkedom DOM; when it finds
// none (short pages), the body minus script/style/nav/header/footer/aside/form is
// used. Paragraph structure is kept as blank lines, which is what the cleaner and
// the extractor expect of a text file.
//
// For such a document the "raw text" that raw offsets count in is this extracted
// text, not the HTML source: the recorded encoding says so ("utf-8+html").
import { requireCjs } from "./cjs.js";

// Loaded on the first HTML page: linkedom takes ~170 ms to load, in every thread that loads it,
// and a corpus of text files never needs it. linkedom's CommonJS build (its package.json
// "default" export) is the same code as its ES build.
let libs: { Readability: typeof import("@mozilla/readability").Readability; parseHTML: typeof import("linkedom").parseHTML } | null = null;
const domLibs = () =>
  (libs ??= {
    Readability: (requireCjs("@mozilla/readability") as typeof import("@mozilla/readability")).Readability,
    parseHTML: (requireCjs("linkedom") as typeof import("linkedom")).parseHTML,
  });

const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
  "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section",
  "table", "td", "th", "tr", "ul",
]);
const NOISE = "script, style, noscript, template, nav, footer, aside, form, iframe, svg, button";

/** True when decoded text is an HTML page rather than article text with a stray tag. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 1024).trimStart().toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html")) return true;
  // Markup density: a text article may quote a tag or two, a page is mostly tags.
  const sample = text.slice(0, 64 * 1024);
  const tags = sample.match(/<\/?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?\/?>/g) ?? [];
  if (tags.length < 10) return false;
  const markup = tags.reduce((n, t) => n + t.length, 0);
  return markup / sample.length > 0.2;
}

export interface HtmlText {
  text: string;
  /** "readability" when Readability found the article, "body" for the fallback. */
  method: "readability" | "body";
  title: string | null;
}

/** The article text of an HTML page, paragraphs separated by blank lines. */
export function htmlToText(html: string): HtmlText {
  const document = parsePage(html);
  // Still no <html> root (markup that defeats even the wrapper): its body getter would throw.
  if (document.documentElement?.localName !== "html") {
    for (const el of document.querySelectorAll(NOISE)) el.remove();
    return { text: blockText(document as unknown as Node).trim(), method: "body", title: null };
  }
  const title = document.querySelector("title")?.textContent?.trim() || null;
  // Readability keeps menus and footers on short pages: remove them first.
  for (const el of document.querySelectorAll(NOISE)) el.remove();
  for (const el of document.querySelectorAll("header")) {
    // A page header is chrome; an article's own header holds its headline.
    if (!el.closest("article, main")) el.remove();
  }
  // The whole root, not document.body: linkedom leaves content outside <body> when the page has none.
  const fallback = blockText(document.documentElement as unknown as Node).trim();
  // Readability mutates the document it reads, hence after the fallback text is taken.
  let article: ReturnType<import("@mozilla/readability").Readability<string>["parse"]> = null;
  try {
    article = new (domLibs().Readability)<string>(document as unknown as Document, { serializer: (node) => blockText(node) }).parse();
  } catch {
    // Readability assumes a browser-built DOM; linkedom's tree of malformed markup
    // (e.g. "<A!>") can break its walk. The page still has text: use the fallback.
  }
  const text = article?.content?.trim();
  if (text) {
    const headline = article?.title?.trim() || title;
    return { text: withTitle(headline, text), method: "readability", title: headline };
  }
  return { text: fallback, method: "body", title };
}

/**
 * linkedom roots the document at the first element it meets, so a fragment, or a
 * page whose first tag is not <html>, gets a <p> or a <nav> as its root: give it a page to live in.
 */
function parsePage(html: string) {
  const { document } = domLibs().parseHTML(html);
  if (document.documentElement?.localName === "html") return document;
  const inner = html.replace(/^\s*<!doctype[^>]*>/i, "");
  return domLibs().parseHTML(`<!DOCTYPE html><html><body>${inner}</body></html>`).document;
}

function withTitle(title: string | null, body: string): string {
  // Readability drops the page's h1 when it equals the title; the headline is part of the article.
  if (!title || body.startsWith(title)) return body;
  return `${title}\n\n${body}`;
}

/** Text of a DOM subtree: runs of white space collapsed, block boundaries as blank lines. */
function blockText(node: Node): string {
  const out: string[] = [];
  const visit = (n: Node) => {
    if (n.nodeType === 3) {
      out.push((n.nodeValue ?? "").replace(/[ \t\r\n\f]+/g, " "));
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 11 && n.nodeType !== 9) return;
    const name = n.nodeType === 1 ? (n as Element).localName : "";
    if (name === "script" || name === "style" || name === "noscript" || name === "template" || name === "head") return;
    const block = BLOCK.has(name);
    if (block) out.push("\n\n");
    for (let c = n.firstChild; c; c = c.nextSibling) visit(c);
    if (block) out.push("\n\n");
  };
  visit(node);
  return out
    .join("")
    .split(/\n\n+/)
    .map((p) => p.replace(/ +/g, " ").trim())
    .filter((p) => p !== "")
    .join("\n\n");
}
