// French claim extractor: cleaned article text -> claim drafts (see CODEBOOK.md).
// Pure and total: never throws, linear in the length of the text.
import type { ClaimDraft, ExtractInput } from "../types.js";
import type { Measure } from "../generated/types.js";
import { splitSentences, findQuotes, type Sentence, type QuoteSpan } from "./sentences.js";
import { splitClauses, isClaimClause, type Clause } from "./clauses.js";
import { findNumbers, type NumberExpr } from "./numbers.js";
import { findTriggers, clauseMeasure, mentionsNorthKorea } from "./measures.js";
import { findActorMentions, findAttributions, inQuote, type ActorMention, type Attribution, type Resolved, type SpeakerContext } from "./claimants.js";
import { findPlaceMentions, placesIn, locationOf, type PlaceMention } from "./places.js";
import { publishedDate, type StatementDate } from "./dates.js";
import { certaintyOf } from "./certainty.js";
import { mergeRestatements, type Candidate } from "./merge.js";
import { lowerBound, tokenize, within, type Token } from "./tokens.js";
import { troopContext, anaphoricPeople, carryLocations, figureAnaphor, type TroopContext } from "./anaphora.js";
import { withFields } from "../objects.js";

export const EXTRACTOR_VERSION = "0.4.0";

export function extractClaims(input: ExtractInput): ClaimDraft[] {
  try {
    if (!input || input.language !== "fr" || typeof input.text !== "string") return [];
    return extract(input);
  } catch {
    // A bug must not take the document's neighbours down; the stage reports zero claims.
    return [];
  }
}

interface Doc {
  text: string;
  actors: ActorMention[];
  published: string;
  places: PlaceMention[];
  quotes: QuoteSpan[];
}

/**
 * Attributions that apply to a sentence with none of its own. A sentence whose own speaker
 * could not be identified (`unresolved`) borrows none: it is not the previous speaker's.
 */
function borrowedAttributions(sentences: Sentence[], own: Attribution[][], quotes: QuoteSpan[], unresolved: readonly boolean[]): (Attribution[] | null)[] {
  const out: (Attribution[] | null)[] = sentences.map(() => null);
  // A quotation over several sentences: its speaker is given after (or before) it.
  let si = 0;
  for (const q of quotes) {
    while (si < sentences.length && sentences[si]!.end <= q.open) si++;
    let closeIdx = si;
    while (closeIdx < sentences.length && sentences[closeIdx]!.end <= q.close) closeIdx++;
    if (closeIdx === si || closeIdx >= sentences.length) continue; // within one sentence
    const after = own[closeIdx]!.find((a) => a.pos >= q.close && a.pos - q.close < 12);
    const before = own[si]!.find((a) => a.end <= q.open && q.open - a.end < 6);
    const speaker = after ?? before;
    if (!speaker) continue;
    for (let k = si; k < closeIdx; k++) if (own[k]!.length === 0) out[k] = [speaker];
  }
  // Otherwise the previous sentence's speaker carries on: in the same paragraph, or
  // from a one-sentence paragraph (a standfirst) to the next one; never through a headline.
  for (let i = 1; i < sentences.length; i++) {
    const cur = sentences[i]!;
    const prevS = sentences[i - 1]!;
    if (own[i]!.length > 0 || out[i] || cur.headline || prevS.headline || unresolved[i]) continue;
    const sameParagraph = prevS.para === cur.para;
    const afterStandfirst = cur.indexInPara === 0 && prevS.indexInPara === 0 && sentences[i - 2]?.para !== prevS.para;
    if (!sameParagraph && !afterStandfirst) continue;
    const prev = out[i - 1] ?? own[i - 1]!;
    const last = prev[prev.length - 1];
    if (last && !last.denial) out[i] = [withFields(last, { phrase: "", date: last.date })];
  }
  return out;
}

function pickAttribution(attrs: readonly Attribution[], anchor: number): Attribution | null {
  let before: Attribution | null = null;
  let after: Attribution | null = null;
  for (const a of attrs) {
    if (a.pos <= anchor) before = a;
    else if (!after) after = a;
  }
  return before ?? after;
}

/** extractClaims without the safety net, for tests that look for bugs (fuzzing). */
export function extractOrThrow(input: ExtractInput): ClaimDraft[] {
  if (input.language !== "fr") return [];
  return extract(input);
}

function extract(input: ExtractInput): ClaimDraft[] {
  const text = input.text;
  if (!mentionsNorthKorea(text)) return [];
  const tokens = tokenize(text);
  const actors = findActorMentions(text, tokens);
  const doc: Doc = { text, actors, published: input.published_at, places: findPlaceMentions(text, tokens), quotes: findQuotes(text) };
  const sentences = splitSentences(text);
  const ctx: SpeakerContext = { persons: actors.filter((m) => m.actor.kind === "person" || m.actor.kind === "lawmaker"), lastSpeaker: null, unresolved: false };
  const unresolved: boolean[] = [];
  const own = sentences.map((s) => {
    const a = findAttributions(text, tokens, s, actors, doc.quotes, ctx, doc.published);
    unresolved.push(ctx.unresolved);
    return a;
  });
  carryPersonDates(own, sentences);
  const borrowed = borrowedAttributions(sentences, own, doc.quotes, unresolved);
  const troops = troopContext(sentences, doc.quotes);

  const cands: Candidate[] = [];
  const bySentence: Candidate[][] = [];
  // Distance from the last mention of North Korea, in body sentences (bylines and captions do not count).
  let sinceNk = 100;
  for (let i = 0; i < sentences.length; i++) {
    const sent = sentences[i]!;
    const nkHere = mentionsNorthKorea(sent.text);
    if (nkHere) sinceNk = 0;
    else if (!sent.headline) sinceNk++;
    const before = cands.length;
    // A question ("Pyongyang et Moscou nient-ils toujours ?") asserts nothing.
    if (sinceNk <= 3 && !QUESTION_RE.test(sent.text)) {
      const attrs = own[i]!.length > 0 ? own[i]! : borrowed[i] ?? [];
      const tc = troops[i]!;
      if (hasPersonnelWord(tokens, sent) || ((tc.refOk || own[i]!.length > 0) && hasAnaphorWord(tokens, sent))) {
        claimsOfSentence(doc, sent, attrs, own[i]!.length > 0, cands, tc, bySentence[i - 1] ?? []);
      }
      if (cands.length > before) sinceNk = 0;
      else if (own[i]!.some((a) => a.denial)) denialOfSentence(doc, sent, own[i]!, cands.length > 0 || nkHere, cands);
    }
    bySentence.push(cands.slice(before));
  }
  carryLocations(sentences, bySentence);
  return mergeRestatements(cands);
}

const QUESTION_RE = /\?\s*[»”"]?\s*$/u;

// Folded, stemmed personnel nouns (see measures.ts PERSONNEL_RE): a sentence with none has no claim with a subject.
const PERSONNEL_WORDS = new Set([
  "troupe", "soldat", "militaire", "force", "unite", "officier", "contingent", "renfort", "combattant", "homme", "coreen",
  "recrue", "effectif", "bataillon", "brigade", "mercenaire", "soldier", "troop", "personnel", "fantassin", "commando",
  "reserviste", "instructeur", "artilleur", "sapeur", "conscrit", "membre", "element", "demineur", "constructeur", "ingenieur",
  "sergent", "camarade", "batisseur",
]);

// Pronouns and casualty nouns that can stand for troops named just before (see anaphora.ts).
// "Le chiffre de 11 000, avancé par Kiev": a figure for the troops, when a speaker gives it.
const ANAPHOR_WORDS = new Set(["envoi", "deploiement", "ils", "elle", "les", "leur", "eux", "en", "perte", "victime", "tue", "blesse", "mort", "chiffre", "total"]);

function hasWord(tokens: readonly Token[], sent: Sentence, words: ReadonlySet<string>): boolean {
  for (let k = lowerBound(tokens, sent.start); k < tokens.length && tokens[k]!.start < sent.end; k++) {
    if (words.has(tokens[k]!.norm)) return true;
  }
  return false;
}

function hasPersonnelWord(tokens: readonly Token[], sent: Sentence): boolean {
  return hasWord(tokens, sent, PERSONNEL_WORDS);
}

function hasAnaphorWord(tokens: readonly Token[], sent: Sentence): boolean {
  return hasWord(tokens, sent, ANAPHOR_WORDS);
}

/**
 * A person who spoke on a given day is taken to speak on that day later in the article too; an organisation
 * that spoke on a given day, in the next few sentences ("Jeudi, le NIS a estimé ... Selon le NIS, ...").
 */
function carryPersonDates(own: Attribution[][], sentences: readonly Sentence[]): void {
  const dated = new Map<string, StatementDate>();
  const orgDated = new Map<string, { date: StatementDate; sentence: number }>();
  own.forEach((attrs, i) => {
    for (const a of attrs) {
      const one = a.claimants.length === 1 ? a.claimants[0]! : null;
      const person = one ? one.claimant : null;
      if (person) {
        if (a.date) dated.set(person, a.date);
        else if (dated.has(person)) a.date = dated.get(person)!;
      }
      if (!one || one.org === "Unattributed") continue;
      const prev = orgDated.get(one.org);
      const shifted = TIME_SHIFT_RE.test(sentences[i]!.text.slice(0, 60));
      if (!a.date && prev && i - prev.sentence <= ORG_DATE_REACH && !shifted) a.date = prev.date;
      else if (a.date?.precision === "day") orgDated.set(one.org, { date: a.date, sentence: i });
    }
  });
}

/** How many sentences an organisation's dated statement reaches. */
const ORG_DATE_REACH = 1;
// "Quelques jours plus tard, ...": a sentence that moves in time does not continue the dated statement.
const TIME_SHIFT_RE = /(?<![\p{L}])(?:plus\s+(?:tard|tôt)|auparavant|ensuite|depuis|lendemain|veille|entre-temps|désormais)(?![\p{L}])/iu;

function makeDraft(
  doc: Doc,
  sent: Sentence,
  measure: Measure,
  num: NumberExpr | null,
  who: Resolved,
  places: string[],
  date: StatementDate | null,
  certainty: ClaimDraft["certainty"],
): ClaimDraft {
  const d = date ?? publishedDate(doc.published);
  return {
    measure,
    count: num ? num.count : null,
    count_low: num ? num.low : null,
    count_high: num ? num.high : null,
    count_qualifier: num ? num.qualifier : null,
    count_text: num ? num.text : null,
    claimant: who.claimant,
    claimant_org: who.org,
    claimant_country: who.country,
    location: locationOf(places),
    places,
    statement_date: d.date,
    date_precision: d.precision,
    certainty,
    quote: sent.text,
    span_start: sent.start,
    span_end: sent.end,
  };
}

// Auxiliaries, pronouns and adverbs between a counted noun phrase and its verb.
const OWN_VERB_GAP_RE = /^[\s,»”"]*(?:(?:ont|a|avaient|avait|auraient|aurait|sont|est|seraient|serait|étaient|était|été|se|s['’]|déjà|probablement|effectivement|ainsi|également|aussi|bien)(?:\s+|(?<=['’])))+$/iu;

const UNATTRIBUTED: Resolved = { claimant: null, org: "Unattributed", country: null, spans: [] };

function claimsOfSentence(
  doc: Doc,
  sent: Sentence,
  attrs: readonly Attribution[],
  ownAttrs: boolean,
  out: Candidate[],
  tc: TroopContext,
  previous: readonly Candidate[],
): void {
  const s = sent.text;
  const base = sent.start;
  const all = findNumbers(s);
  // Personnel nouns inside a number of other people ("1 250 soldats" the Russian army lost) are not the troops.
  const others = all.filter((n) => n.subject === "other");
  const personnel = tc.personnel.filter((p) => !others.some((n) => p.start >= n.start && p.start < n.nounEnd));
  const troopsKnown = tc.refOk || tc.nkHere;
  // A number whose referent the context gives ("300 victimes") counts the troops when they are known from
  // the sentence before, or when someone is quoted for it in a North Korean context ("Le Pentagone a fait état de ...").
  const numbers = all.filter((n) => n.subject === "nk" || n.subject === "personnel" || (n.subject === "referent" && (troopsKnown || ownAttrs)));
  const triggers = findTriggers(s);
  const clauses = splitClauses(s);
  const claimantSpans = claimantSpansOf(attrs);
  const clausePlaces = clauses.map((c) =>
    placesIn(doc.text, within(doc.places, base + c.start, base + c.end), base + c.start, base + c.end, claimantSpans),
  );
  const placesFor = (ci: number): string[] => {
    const here = clausePlaces[ci]!;
    if (here.length > 0) return here;
    // Ellipsis ("... en Russie et prévoit de déployer 12 000 soldats"), or "où" after a place.
    for (let k = ci - 1; k >= 0; k--) {
      const c = clauses[k]!;
      if (c.kind === "purpose" || c.kind === "condition" || c.kind === "relative") continue;
      if (clausePlaces[k]!.length > 0) return clausePlaces[k]!;
    }
    return [];
  };

  const firstOfSentence = out.length;
  // Participles right after a counted noun phrase belong to that number ("sur les 11 000 soldats prévus").
  const consumed = new Set<number>();
  const localMeasure = new Map<NumberExpr, Measure>();
  // "Deux soldats, blessés, ont été capturés": an appositive casualty participle is a second claim on the number.
  const extraMeasure = new Map<NumberExpr, Measure>();
  const ownVerb = (from: number) =>
    triggers.find((tr) => tr.start >= from && !consumed.has(tr.start) && (tr.start <= from + 3 || (tr.start - from < 50 && ownVerbGap(s.slice(from, tr.start)))));
  // "les 1 000 démineurs promis par Pyongyang sont arrivés": a participle with its agent qualifies the noun; the main verb states the claim.
  for (const t of triggers) {
    if (t.measure !== "planned" || !t.bare || !/^\s+par\s/u.test(s.slice(t.end, t.end + 5))) continue;
    if (triggers.some((tr) => tr.start > t.end && tr.start - t.end < 40 && !tr.bare && tr.measure === "deployed")) consumed.add(t.start);
  }
  for (const n of numbers) {
    // The participle right after the noun, or the number's own verb ("deux d'entre eux se seraient suicidés").
    let t = ownVerb(n.nounEnd);
    // "la capture de deux soldats, blessés, ...": a casualty noun before the number gives its measure.
    const nominal = NOMINAL_BEFORE_RE.exec(s.slice(Math.max(0, n.start - 25), n.start));
    if (nominal) {
      const nm = nominalMeasure(nominal[1]!);
      localMeasure.set(n, nm);
      if (t && t.bare && t.measure !== nm && CASUALTY_MEASURES.has(t.measure) && APPOSITION_GAP_RE.test(s.slice(n.nounEnd, t.start))) {
        extraMeasure.set(n, t.measure as Measure);
        consumed.add(t.start);
      }
      continue;
    }
    if (!t || !LOCAL_MEASURES.has(t.measure)) continue;
    const next = ownVerb(t.end);
    // "les 1 000 démineurs promis par Pyongyang sont arrivés": the participle qualifies the noun, the main verb states the claim.
    if (t.bare && next && !next.bare && next.measure !== "planned-mod" && next.measure !== t.measure && APPOSITION_GAP_RE.test(s.slice(n.nounEnd, t.start)) && /^\s*,/u.test(s.slice(t.end))) {
      if (LOCAL_MEASURES.has(next.measure) && t.measure !== "planned") extraMeasure.set(n, t.measure);
      consumed.add(t.start);
      t = next;
      if (!LOCAL_MEASURES.has(t.measure)) continue;
    }
    localMeasure.set(n, t.measure as Measure);
    consumed.add(t.start);
  }

  clauses.forEach((c, ci) => {
    const nums = numbers.filter((n) => n.start >= c.start && n.start < c.end);
    // A relative or participle clause takes its facts for granted, unless it carries its own number
    // ("dont environ 4 700 auraient été tués", "portant à 12 000 le nombre de soldats").
    const subordinate = !isClaimClause(c);
    if (subordinate && c.kind !== "partitive" && !(nums.length > 0 && (c.kind === "relative" || c.kind === "participle"))) return;
    const attrAt = (anchor: number) => {
      // A borrowed speaker does not apply when the sentence names its own actor before the claim
      // ("L'armée russe aurait formé ...", "Le président ukrainien a appelé à ...").
      if (!ownAttrs && within(doc.actors, base, base + anchor).some((m) => !inQuote(m.start, doc.quotes))) return null;
      return pickAttribution(attrs, base + anchor);
    };
    const clauseText = s.slice(c.start, c.end);
    const places = subordinate ? clausePlaces[ci]! : placesFor(ci);
    // A participle clause is said in the mood of the clause it hangs on.
    const prevMain = subordinate && c.kind === "participle" ? clauses.slice(0, ci).reverse().find(isClaimClause) : undefined;
    // "Les pertes seraient lourdes : pas loin de 4 000 ...": a conditional before a colon reaches what it announces.
    const beforeColon = !prevMain && ci > 0 && /^\s*:/u.test(clauseText) ? clauses[ci - 1]! : undefined;
    const moodFrom = prevMain ?? beforeColon;
    const moodText = moodFrom ? `${s.slice(moodFrom.start, moodFrom.end)} ${clauseText}` : clauseText;
    const emit = (measure: Measure, num: NumberExpr | null, anchor: number, where: readonly string[] = places) => {
      const a = attrAt(anchor);
      if (!a && !num) return; // the outlet's own statement without a number is not a claim
      const phrase = a && ownAttrs ? a.phrase : "";
      const certainty = certaintyOf(moodText, phrase);
      const date = a ? a.date : null;
      for (const who of a ? a.claimants : [UNATTRIBUTED]) {
        out.push({ draft: makeDraft(doc, sent, measure, num, who, [...where], date, certainty), headline: sent.headline });
      }
    };
    if (c.kind === "partitive" && nums.length === 0) {
      // "10 000 militaires, pour la plupart stationnés à Koursk, ...": most of them, with no number of their own.
      if (!numbers.some((n) => n.start < c.start) || clausePlaces[ci]!.length === 0) return;
      if (clauseMeasure(triggers, c.start, c.end, { allowBare: true, skip: consumed }) === "deployed") emit("deployed", null, c.start, clausePlaces[ci]!);
      return;
    }
    if (c.kind === "partitive") return;
    if (nums.length > 0) {
      // "5 000 soldats nord-coréens, qui ..., sont arrivés": the verb is in the main clause resumed after the relative.
      const r = clauses[ci + 2];
      const resumed = !subordinate && r && r.kind === "main" && s[r.start] === "," && !isClaimClause(clauses[ci + 1]!) ? ci + 2 : -1;
      const resumedMeasure = resumed < 0 ? null : clauseMeasure(triggers, r!.start, r!.end, { allowBare: false, skip: consumed }) ?? (clausePlaces[resumed]!.length > 0 ? "deployed" : null);
      const where = places.length > 0 || resumed < 0 ? places : clausePlaces[resumed]!;
      for (const n of nums) {
        const m =
          localMeasure.get(n) ??
          clauseMeasure(triggers, c.start, c.end, { allowBare: true, skip: consumed }) ??
          resumedMeasure ??
          // "quelque 12 000 hommes pourraient rejoindre la Russie": a modal with a place and no verb of ours is a plan.
          (where.length > 0 && !subordinate ? (clauseHasModal(triggers, c) ? "planned" : "deployed") : null) ??
          // "Ce chiffre est supérieur aux 3 000 hommes évoqués par ...": a figure set against the one just given.
          (figureAnaphor(s) ? soleMeasure(previous) : null);
        // "Le chiffre de 11 000, avancé par Kiev", "ce qui porterait le total à 3 000": a speaker's head count of the troops.
        const headCount = !m && ownAttrs && FIGURE_FRAME_RE.test(s.slice(Math.max(0, n.start - 30), n.start));
        // "l'envoi de 6 000 militaires – 1 000 démineurs et 5 000 bâtisseurs –": a breakdown takes the measure of its total.
        const breakdown = !m && BREAKDOWN_OPEN_RE.test(clauseText) ? out.slice(firstOfSentence).filter((o) => o.draft.count !== null).pop() : undefined;
        if (m) emit(m, n, n.start, where);
        else if (NEGATED_EXISTENCE_RE.test(clauseText) || headCount) emit("deployed", n, n.start, where);
        else if (breakdown) emit(breakdown.draft.measure, n, n.start, breakdown.draft.places);
        const extra = extraMeasure.get(n);
        if (m && extra) emit(extra, n, n.start, where);
      }
      return;
    }
    let people: { start: number }[] = personnel.filter((p) => p.start >= c.start && p.start < c.end);
    // "... et ont commencé à combattre", "..., où ils ont commencé à s'engager": the troops of the clause before.
    // "Les soldats, qui avaient été retirés, ont été redéployés": the main clause resumes after a relative one.
    const resumed = ci > 1 && clauseText.startsWith(",") && (clauses[ci - 1]!.kind === "relative" || clauses[ci - 1]!.kind === "participle");
    // "Des soldats mal préparés : des groupes entiers ont été décimés": after a colon, the troops just named.
    if (people.length === 0 && (c.kind === "where" || resumed || /^,?\s*et\s/u.test(clauseText) || /^\s*:/u.test(clauseText))) people = personnel.filter((p) => p.start < c.start);
    // "Du côté de Kiev, on affirme que l'envoi a déjà commencé": the sending itself, said by a speaker of the sentence.
    if (people.length === 0 && ownAttrs) {
      const ev = DEPLOY_EVENT_RE.exec(clauseText);
      if (ev) people = [{ start: c.start + ev.index }];
    }
    // "ils participent aux combats", "va les utiliser", "de premières pertes": troops named just before.
    // A quoted speaker's object pronoun ("« La Russie les envoie à l'assaut », a dénoncé Zelensky") also refers to them.
    if (people.length === 0 && (troopsKnown || personnel.some((p) => p.start < c.start))) people = anaphoricPeople(s, c, triggers);
    else if (people.length === 0 && ownAttrs) people = anaphoricPeople(s, c, triggers, true);
    if (people.length === 0) return;
    const m = clauseMeasure(triggers, c.start, c.end, { allowBare: false, skip: consumed });
    if (!m) return;
    // "... ont été tués à Koursk, où ils combattent aux côtés de l'armée russe": their fighting is taken for granted.
    if (c.kind === "where" && m === "combat" && out.slice(firstOfSentence).some((o) => CASUALTY_MEASURES.has(o.draft.measure))) return;
    // A future move of troops already said to be deployed is part of that claim ("... sont arrivés et
    // devraient être envoyés au front"), unless it is reported on its own ("..., ajoutant que Moscou allait les utiliser").
    if (m === "planned" && !/^\s*(?:et\s+)?qu(?:e(?![\p{L}])|['’])/iu.test(clauseText) && out.slice(firstOfSentence).some((o) => o.draft.measure === "deployed")) return;
    emit(m, null, people[0]!.start);
    // "... s'entraînent en Russie, avant un transfert vers le front prévu en novembre": a planned move as well.
    if (m !== "planned" && triggers.some((t) => t.measure === "planned" && t.noun && t.start >= c.start && t.end <= c.end)) emit("planned", null, people[0]!.start, []);
  });
}

/** The document spans that name the claimants of `attrs` (a loop: nested flatMap was 1.5% of extraction). */
function claimantSpansOf(attrs: readonly Attribution[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const a of attrs) for (const c of a.claimants) for (const sp of c.spans) out.push(sp);
  return out;
}

/** The gap between a counted noun and its verb ("soldats nord-coréens, blessés," is "soldats, blessés,"). */
function ownVerbGap(gap: string): boolean {
  return OWN_VERB_GAP_RE.test(gap) || (gap.length > 0 && APPOSITION_GAP_RE.test(gap));
}

const APPOSITION_GAP_RE = /^\s*(?:nord-coréen(?:ne)?s\s*)?,\s*$/u;
const NOMINAL_BEFORE_RE = /(?:^|\s)(?:la|les)\s+(capture|mort|décès)\s+(?:de\s+|d['’])$/iu;

function nominalMeasure(noun: string): Measure {
  return /^capture/iu.test(noun) ? "captured" : "killed";
}

const DEPLOY_EVENT_RE = /(?:l['’]envoi|le\s+(?:re)?déploiement|le\s+transfert)(?:\s+de\s+(?:ces\s+|ses\s+|leurs\s+)?troupes)?\s+(?:a\s+(?:déjà\s+)?(?:commencé|débuté|eu\s+lieu)|est\s+(?:déjà\s+)?en\s+cours)/iu;
const BREAKDOWN_OPEN_RE = /^\s*[–—(]/u;
const FIGURE_FRAME_RE = /(?:le|ce|un)\s+(?:chiffre|total|nombre|effectif)\s+(?:total\s+)?(?:de|d['’]|à)\s*$/iu;
const LOCAL_MEASURES = new Set<string>(["planned", "killed", "wounded", "killed_or_wounded", "captured"]);
const CASUALTY_MEASURES = new Set<string>(["killed", "wounded", "killed_or_wounded", "captured"]);
// "Ces prétendus milliers de soldats n'existent que dans l'imagination de ...": a number denied outright.
const NEGATED_EXISTENCE_RE = /n['’]exist\p{L}*\s+(?:pas|que\s+dans\s+l['’]imagination)/iu;

function clauseHasModal(triggers: readonly { start: number; end: number; measure: string }[], c: Clause): boolean {
  return triggers.some((t) => t.measure === "planned-mod" && t.start >= c.start && t.end <= c.end);
}

/** The measure of the claims just made, when they all share one. */
function soleMeasure(cands: readonly Candidate[]): Measure | null {
  const ms = new Set(cands.map((c) => c.draft.measure));
  return ms.size === 1 ? [...ms][0]! : null;
}

const ACCUSATION_RE = /(?:intox|désinformation|propagande|mensonges?|accusations?|allégations?|affirmations?|informations?|rapports?|rumeurs?|spéculations?|intention|mission|déploiement|présence|envoi|implication|participation)/iu;
// "Moscou dément.": a denial with no object denies what was just reported.
const NO_OBJECT_RE = /^[\s,]*(?:(?:catégoriquement|fermement|formellement|toujours|également|aussi|encore|pour\s+sa\s+part|de\s+son\s+côté)[\s,]*)*[.!]?\s*$/iu;

/** "Le Kremlin rejette cette accusation": a denial of the claims made so far. */
function denialOfSentence(doc: Doc, sent: Sentence, attrs: readonly Attribution[], context: boolean, out: Candidate[]): void {
  if (!context) return;
  const s = sent.text;
  for (const a of attrs) {
    if (!a.denial) continue;
    const from = a.end - sent.start;
    const object = s.slice(from);
    // A verb that denies by calling the reports false ("a réagi", "a qualifié de « mensonges »") carries its object in the quote.
    if (!ACCUSATION_RE.test(object) && !NO_OBJECT_RE.test(object) && !(a.type === "post" && a.pos > sent.start)) continue;
    const triggers = findTriggers(object);
    const measure = clauseMeasure(triggers, 0, object.length, { allowBare: true }) ?? "deployed";
    const spans = claimantSpansOf(attrs);
    const places = placesIn(doc.text, within(doc.places, a.end, sent.end), a.end, sent.end, spans);
    for (const who of a.claimants) {
      out.push({ draft: makeDraft(doc, sent, measure, null, who, places, a.date, "denied"), headline: sent.headline });
    }
  }
}

export type { Clause };
