// Split a sentence into clauses, so that what a subordinate clause says (a
// purpose, a condition, a relative clause taking something for granted) does
// not leak into the claim: its places, hedges and verbs are kept apart.

export type ClauseKind =
  | "main" // an assertion that can carry a claim
  | "where" // "..., où ils ont commencé à combattre": a claim, placed at the antecedent
  | "purpose" // "afin d'être prêt à combattre", "pour soutenir la Russie"
  | "condition" // "s'ils entraient en Ukraine", "dès qu'ils auront terminé"
  | "relative" // "qui ...", "dont ..."
  | "partitive" // ", la plupart sont arrivés ...": a part of the number just given
  | "participle"; // ", se préparant à ...", ", soulignant ..."

export interface Clause {
  /** Offsets in the sentence text. */
  start: number;
  end: number;
  kind: ClauseKind;
}

export function isClaimClause(c: Clause): boolean {
  return c.kind === "main" || c.kind === "where";
}

const VERBISH =
  "(?:ont|a|sont|est|avait|avaient|serait|seraient|aurait|auraient|sera|seront|va|vont|doit|doivent|devrait|devraient|peut|peuvent|pourrait|pourraient|prévoi\\p{L}*|envoi\\p{L}*|déploi\\p{L}*|commenc\\p{L}*|compt\\p{L}*|se|s['’]|y|n['’]|ne|combatt\\p{L}*|particip\\p{L}*|entraîn\\p{L}*|rest\\p{L}*|projett\\p{L}*|envisag\\p{L}*|affirm\\p{L}*|indiqu\\p{L}*|ajout\\p{L}*|précis\\p{L}*)(?![\\p{L}])";
const NOT_PARTICIPLE = new Set([
  "avant", "pendant", "durant", "cependant", "maintenant", "néanmoins", "suivant", "concernant", "notamment", "ant",
  "important", "importants", "puissant", "significatif", "courant", "croissant", "restant", "vivant", "constant",
]);

// One alternation; the group that matched gives the kind.
// Every marker starts at a separator (space, comma, semicolon), which lets the
// regex engine skip other positions quickly. The group that matched gives the kind.
const MARKER_RE = new RegExp(
  "(?=[\\s,;])(?:" +
    [
      `(?<purpose>[\\s,]\\s*(?:peut-être\\s+|notamment\\s+|probablement\\s+|sans\\s+doute\\s+)?(?:afin\\s+(?:d(?:e\\s|['’])|qu)|en\\s+vue\\s+d|pour\\s+(?!(?:la|le|l['’])\\s*(?:\\p{L}*(?:ière|ième)|moment|heure|instant)(?![\\p{L}]))(?=(?:(?:les|la|le|l['’]|se|s['’]|y|en|leur|lui|ne|n['’])\\s*){0,2}(?:\\p{L}+(?:er|ir|re|oir)|être|avoir)(?![\\p{L}]))))`,
      `(?<condition>[\\s,]\\s*(?:si\\s|s['’]ils?(?![\\p{L}])|dès\\s+qu|lorsqu|quand(?![\\p{L}])|avant\\s+(?:d['’e]|qu)|après\\s+avoir|jusqu['’]à\\s+ce\\s+qu|une\\s+fois\\s+qu))`,
      `(?<partitive>,\\s*(?:(?:pour\\s+)?la\\s+plupart|la\\s+majorité|la\\s+majeure\\s+partie|une\\s+partie|certains\\s+d['’]entre\\s+eux|l['’]essentiel|le\\s+reste)(?![\\p{L}]))`,
      `(?<where>[\\s,]\\s*où(?![\\p{L}]))`,
      `(?<relative>(?<!selon)(?:,\\s*|\\s)(?:qui|dont|lequel|laquelle|lesquels|lesquelles)(?![\\p{L}]))`,
      `(?<participle>,\\s*(?:tout\\s+)?(?:en\\s+|se\\s+|s['’])?(?<pword>\\p{L}+ant)(?![\\p{L}]))`,
      `(?<main>(?=\\s+qu)(?<=(?:affirmé|déclaré|indiqué|assuré|précisé|estimé|confirmé|annoncé|expliqué|souligné|rapporté|ajouté|averti|prévenu|dit|affirmant|déclarant|indiquant|assurant|précisant|estimant|confirmant|annonçant|expliquant|soulignant|ajoutant|avertissant|prévenant|disant))\\s+qu(?:e(?![\\p{L}])|['’])|,?\\s+et\\s+(?=${VERBISH})|\\s+et\\s+(?=qu(?:e\\s|['’]))|,\\s+et\\s+(?=(?:certains|la\\s+plupart|une\\s+partie|beaucoup|nombre)\\s+d['’]entre)|;|\\s:\\s|\\s[–—]\\s|[\\s,]\\s*(?:alors\\s+qu|tandis\\s+qu|mais\\s|bien\\s+qu|même\\s+si\\s))`,
    ].join("|") +
    ")",
  "giu",
);

const PARTICIPIAL_PARTITIVE_RE = /^\s+(?:\p{L}+ment\s+)?\p{L}+(?:é|ée|és|ées|is|ises|us|ues)(?![\p{L}])/u;

export function splitClauses(s: string): Clause[] {
  const marks: { pos: number; end: number; kind: ClauseKind; comma: boolean }[] = [];
  MARKER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKER_RE.exec(s)) !== null) {
    if (m[0].length === 0) {
      MARKER_RE.lastIndex++;
      continue;
    }
    const g = m.groups ?? {};
    let kind: ClauseKind = "main";
    if (g.purpose) kind = "purpose";
    else if (g.condition) kind = "condition";
    else if (g.partitive) kind = "partitive";
    else if (g.where) kind = "where";
    else if (g.relative) kind = "relative";
    else if (g.participle) {
      if (NOT_PARTICIPLE.has((g.pword ?? "").toLowerCase())) continue;
      kind = "participle";
    }
    marks.push({ pos: m.index, end: m.index + m[0].length, kind, comma: m[0].trimStart().startsWith(",") });
  }
  const out: Clause[] = [];
  let openedByComma = false;
  let start = 0;
  let kind: ClauseKind = "main";
  const close = (end: number) => {
    if (end > start) out.push({ start, end, kind });
  };
  for (let i = 0; i <= marks.length; i++) {
    const mk = marks[i];
    const limit = mk ? mk.pos : s.length;
    // A comma-opened subordinate clause ("..., qui sont arrivés en octobre, combattent")
    // ends at the next comma: the main clause resumes there.
    if (openedByComma) {
      const rel = s.slice(start + 1, limit).indexOf(",");
      const comma = rel < 0 ? -1 : start + 1 + rel;
      if (comma >= 0) {
        close(comma);
        start = comma;
        kind = "main";
        openedByComma = false;
      }
    }
    close(limit);
    if (!mk) break;
    start = mk.pos;
    kind = mk.kind;
    // ", pour la plupart stationnés à Koursk, sont arrivés": a participial partitive closes at its comma too.
    openedByComma = mk.comma && (mk.kind === "relative" || mk.kind === "participle" || (mk.kind === "partitive" && PARTICIPIAL_PARTITIVE_RE.test(s.slice(mk.end, mk.end + 40))));
  }
  return out;
}
