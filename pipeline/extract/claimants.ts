// Who makes a claim: attribution patterns ("selon X", "X a déclaré que",
// "..., a déclaré X", "a-t-il ajouté", "selon lesquels"), actor mentions from
// data/reference/actors.csv, and references back to a speaker named earlier
// ("le responsable militaire", "cette source", "il", "le chef de l'Etat").
import { ACTOR_TRIE, isGenericOrg, type Actor } from "./reference.js";
import type { QuoteSpan, Sentence } from "./sentences.js";
import type { Token } from "./tokens.js";
import { fold, lowerBound, WordStartPattern } from "./tokens.js";
import { statementDate, openingDate, relativeClauseDate, type StatementDate } from "./dates.js";
import { isDenialVerb } from "./certainty.js";
import { withFields } from "../objects.js";

export interface ActorMention {
  /** Document offsets. */
  start: number;
  end: number;
  actor: Actor;
}

export interface Resolved {
  claimant: string | null;
  org: string;
  country: string | null;
  /** Document spans naming the claimant (not places of the claim). */
  spans: { start: number; end: number }[];
}

export interface Attribution {
  /** Document offset of the attribution phrase (auxiliary or "selon"), and end of the verb. */
  pos: number;
  end: number;
  type: "selon" | "pre" | "post";
  claimants: Resolved[];
  /** The verb phrase ("aurait affirmé", "rejette", "ne peut pas confirmer"), for certainty. */
  phrase: string;
  denial: boolean;
  date: StatementDate | null;
}

/** Running memory of a document: who spoke last, which persons were named. */
export interface SpeakerContext {
  persons: ActorMention[];
  lastSpeaker: Resolved | null;
  /** Set by findAttributions: the sentence has a speaker of its own that no actor names. */
  unresolved: boolean;
  /** The last person who spoke, and the count of sentences seen then: "il", "selon lui" refer to a person. */
  lastPerson?: { who: Resolved; sentence: number };
  /** A person who is the subject of a sentence with no attribution ("Vladimir Poutine a remercié Kim Jong-un."), and its opening date. */
  subjectPerson?: { who: Resolved; sentence: number; date: StatementDate | null };
  sentences?: number;
}

/** Who "il", "elle", "selon lui" refer to: the last speaker, or a person who spoke just before an institution was cited. */
function pronounSpeaker(ctx: SpeakerContext): Resolved | null {
  const p = ctx.lastPerson;
  if (ctx.lastSpeaker && ctx.lastSpeaker.claimant === null && p && (ctx.sentences ?? 0) - p.sentence <= 3) return p.who;
  return ctx.lastSpeaker;
}

export function findActorMentions(text: string, tokens: Token[]): ActorMention[] {
  return ACTOR_TRIE.findAll(text, tokens).map((m) => ({ start: m.start, end: m.end, actor: m.value }));
}

const SPEECH_STEMS = [
  "déclar", "affirm", "indiqu", "confirm", "rapport", "assur", "soulign", "annonc", "estim", "ajout", "expliqu", "précis", "révél",
  "signal", "not", "rappel", "accus", "dénonc", "avanc", "constat", "insist", "évoqu", "réfut", "contest", "prétend", "martel",
  "balay", "qualifi", "jug", "parl", "évalu",
];
const SPEECH_ENDINGS = ["é", "ée", "és", "ées", "e", "ent", "ait", "aient", "er", "ant"];
const SPEECH_IRREGULAR = [
  "révèle", "révèlent", "rappelle", "rappellent", "martèle", "martèlent", "averti", "avertit", "avertissent", "avertissait",
  "prévenu", "prévient", "préviennent", "prévenait", "dément", "démentent", "démenti", "démentait", "démentaient",
  "nié", "nie", "nient", "niait", "niaient", "rejeté", "rejette", "rejettent", "rejetait", "rejetaient",
  "reconnu", "reconnaît", "reconnait", "reconnaissent", "reconnaissait", "admis", "admet", "admettent",
  "écrit", "écrivent", "écrivait", "dit", "disent", "disait", "disaient", "prétend", "prétendent",
  "réagi", "réagit", "réagissent", "réagissait",
  "exclut", "excluent", "excluait", "excluaient", "exclu",
  // "« ... », a-t-elle lancé": only after a quotation and an inverted pronoun.
  "(?=lancé)(?<=[»”\"]\\s*,?\\s*(?:a-t-(?:il|elle)|ont-(?:ils|elles))\\s+)lancé",
  "fait\\s+état", "fait\\s+savoir", "mis\\s+en\\s+garde", "met\\s+en\\s+garde", "mettent\\s+en\\s+garde", "faisait\\s+état", "font\\s+état", "faisaient\\s+état",
];
// Matches start a word with one of the first letters of the alternatives (see WordStartPattern).
export const SPEECH_RE = new WordStartPattern(
  `(?:(?:${SPEECH_STEMS.join("|")})(?:${SPEECH_ENDINGS.join("|")})|${SPEECH_IRREGULAR.join("|")})(?:-t-(?:il|elle|ils|elles)|-(?:il|elle|ils|elles))?(?![\\p{L}])`,
  "iu",
  "dairpsnécmteobjqfl",
  "letter",
);
/** Folded word forms SPEECH_RE or SELON_RE can match: a sentence with none of them has no attribution. */
const ATTRIBUTION_WORDS = new Set<string>([
  ...SPEECH_STEMS.flatMap((st) => SPEECH_ENDINGS.map((e) => fold(st + e))),
  ...SPEECH_IRREGULAR.map(fold),
  "etat", "garde", "savoir", "appris", "lance",
  "selon", "apres", "avis", "croire", "citant", "cite", "citee", "cites", "pour", "on",
]);

export const SELON_RE = new WordStartPattern(String.raw`(?:selon|d['’]après|de\s+l['’]avis\s+d['’e]|à\s+en\s+croire|citant|cité\s+par|citée\s+par|cités\s+par)\s+`, "iu", "sdàc", "letter");
const AUX_BEFORE_RE =
  /(?:^|[\s,«»"“”'’])((?:n['’]\s*|ne\s+)?(?:a|ont|avait|avaient|aurait|auraient|ayant|avoir|a-t-(?:il|elle)|ont-(?:ils|elles)|(?:avait|avaient|aurait|auraient)-(?:il|elle|ils|elles)|peut|peuvent|pouvait|pourrait|doit)(?:\s+(?:pas|plus|jamais|été))?(?:\s+[\p{L}'’-]+,?){0,3}\s+)$/iu;
const DETERMINER_BEFORE_RE = /(?:^|\s)(?:une?|l['’]|la|cette|ce|ces|son|sa|ses|leur|leurs|des|du)\s*$/iu;
const PRONOUN_BEFORE_RE = /(?:^|[\s,])(?:il|elle|ils|elles)\s+(?:(?:n['’]|ne\s+)?(?:a|ont|avait|avaient|aurait|auraient)\s+)?(?:[\p{L}'’]+\s+){0,2}$/iu;
const PRONOUN_SUFFIX_RE = /-(?:t-)?(?:il|elle|ils|elles)$/iu;
const INVERTED_BEFORE_RE = /(?:[,«»"“”]|qu['’]|(?:^|\s)que)\s*$/u;
const ANAPHOR_RE =
  /(?:^|[\s,])(?:cette|la|une\s+telle|même)\s+source|ce\s+dernier|cette\s+dernière|celui-ci|celle-ci|(?:^|\s)(?:lui|elle|eux)\s*$|^\s*(?:l['’]agence|le\s+quotidien|le\s+journal|le\s+média)\s*(?:[,.;]|$)/iu;
// After an inverted verb, a subject of its own that no actor names ("a précisé un officier", "a jugé le ministre").
// Not a date ("avait évoqué la semaine dernière ...").
const OWN_SUBJECT_AFTER_RE = /^\s*(?:[\p{Ll}]+\s+){0,2}?(?:(?:le|la|les|un|une)(?![\p{L}])|l['’])\s*(?!(?:semaine|veille|journée|nuit|matinée|soirée|mois|week-end|lendemain|fin|mi-|début|chiffre|nombre|bilan|total)(?![\p{L}]))\p{L}/u;
// Agents that are not the speaker: "déployées sur ordre de Kim Jong Un", "à la demande de Moscou".
const AGENT_BEFORE_RE = /(?:sur\s+(?:l['’])?ordres?\s+d['’e]|à\s+la\s+demande\s+d['’e]|par|avec|contre|aux\s+côtés\s+d['’e]|envers)\s*(?:l['’]|la\s+|le\s+|les\s+)?$/iu;
// "a qualifié de « mensonges » les informations ...": the judgement makes the verb a denial.
// "a qualifié lundi, par la voix de son ambassadeur, de « rumeurs »", "parlait de « rumeurs sans fondement »", "a dénoncé une « campagne d'intox »".
const QUALIFIED_FALSE_RE = /^[^».;:]{0,90}?(?<![\p{L}])(?:de|d['’]|une?|des)\s*[«"“]?\s*(?:fausses?|mensong|fake|rumeur|spéculation|propagande|désinformation|infondé|absurde|intox|campagne\s+d['’]intox)\p{L}*/iu;
const JUDGING_VERB_RE = /^(?:qualifi|parl|évoqu|dénon[cç])/iu;
// "Pyongyang a qualifié ..., par la voix de son ambassadeur à l'ONU, Kim Song, de ...": the person who speaks for the subject.
const VOICE_OF_RE = /^[^«».;:]{0,30}?par\s+la\s+voix\s+d(?:e\s+|u\s+|['’])/iu;
// A quotation that calls the reports false: "« Il s'agit encore d'une fausse information », a réagi ...".
const FALSE_REPORT_RE = /fausses?\s+(?:information|nouvelle)s?|fake\s+news|mensonges?|rumeurs?|infondée?s?|désinformation|propagande/iu;
const RELATIVE_SELON_RE = /^(?:lesquels|lesquelles|lequel|laquelle)(?![\p{L}])/iu;
const PRONOUN_SELON_RE = /^(?:lui|elle|eux|elles)(?![\p{L}])/iu;
const OWN_SELON_RE = /^(?:nos|notre|mes|ma|mon)\s/iu;
// "Pour Volodymyr Zelensky, le bilan ...": a sentence opening with "Pour" + a speaker and a comma.
const POUR_RE = /^\s*pour\s+([^,;:«»]{2,90}),/iu;
// "Du côté de Kiev, on affirme ...", "De source militaire ukrainienne, on indique ...": an impersonal speaker placed by an opening phrase.
const IMPERSONAL_RE = /^\s*(?:du\s+côté\s+d(?:e\s+|u\s+|es\s+|['’])|de\s+source\s+|dans\s+l['’]entourage\s+d(?:e\s+|u\s+|['’]))([^,;:«»]{2,90}),\s*on\s+(?:\p{L}+\s+){0,2}?(?:affirme|indique|assure|estime|précise|souligne|explique|dit|rapporte|confirme|ajoute|reconnaît|avance|évoque)(?![\p{L}])/iu;
// A place name after a locative preposition is no speaker: "lors d'une visite à Pyongyang", "son ambassadeur à Séoul".
const LOCATIVE_BEFORE_RE = /(?:^|[\s,])(?:à|depuis|vers)\s*$/iu;
const RELATIVE_SUBJECT_RE = /^(\s*[^,«»]{2,60}),\s*(?:dont|qui)\s/u;
const TOLL_ANAPHOR_RE = /^\s*(?:le|ce|son)\s+(?:(?:précédent|dernier|premier)\s+bilan|bilan\s+(?:précédent|antérieur))(?![\p{L}])/iu;
// "..., a-t-on appris vendredi auprès du NIS": an impersonal report with its source.
const LEARNT_FROM_RE = /(?<![\p{L}])a-t-on\s+appris(?:\s+[\p{L}\p{N}-]+){0,3}?\s+auprès\s+d(?:e\s+|u\s+|es\s+|['’])/iu;
const MEDIA_ANAPHOR_RE = /^\s*(?:l['’]agence|le\s+quotidien|le\s+journal|le\s+média)\s*(?:[,.;]|$)/iu;
const COMPLEMENT_AFTER_RE = /^\s*(?:[\p{L}'’-]+\s+){0,4}?(?:que|qu['’]|:)/iu;
// "a déclaré son secrétaire général, Mark Rutte": a role phrase in apposition before the name.
const ROLE_APPOSITION_RE = /^\s*(?:[\p{Ll}]+\s+){0,2}?(?:le|la|l['’]|son|sa|leur)\s*[\p{Ll}'’ -]{2,50},\s*$/u;
const RECIPIENT_BEFORE_RE = /(?:^|\s)(?:à|auprès\s+d['’e]|au)\s*(?:l['’]|la\s+|le\s+)?$/iu;

function mentionKind(mentions: readonly ActorMention[], r: Resolved): string | null {
  for (const sp of r.spans) {
    const m = mentions[lowerBound(mentions, sp.start)];
    if (m && m.start === sp.start && m.actor.name === r.claimant) return m.actor.kind;
  }
  return null;
}

/** Whether `pos` is strictly inside a quotation (quotes sorted by `open`, not nested). */
export function inQuote(pos: number, quotes: readonly QuoteSpan[]): boolean {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.open < pos) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && i >= lo - 3; i--) {
    const q = quotes[i]!;
    if (q.open < pos && pos < q.close) return true;
  }
  return false;
}

function isPersonKind(a: Actor): boolean {
  return a.kind === "person" || a.kind === "lawmaker";
}

function compatible(a: Actor, first: Actor): boolean {
  return first.country === null || a.country === null || a.country === first.country;
}

/** The most recent person named before `pos` that fits the role (same org or country). */
function antecedentPerson(ctx: SpeakerContext, pos: number, role: Actor): ActorMention | null {
  for (let i = lowerBound(ctx.persons, pos) - 1; i >= 0; i--) {
    const p = ctx.persons[i]!;
    if (role.org && !isGenericOrg(role.org) && p.actor.org !== role.org) continue;
    if (role.country && p.actor.country !== role.country) continue;
    if (role.kind === "role" && role.name === "lawmaker" && p.actor.kind !== "lawmaker") continue; // "le député"
    return p;
  }
  return null;
}

const PERSON_ROLE_RE =
  /^(?:chef|secrétaire|ministre|vice-ministre|porte-parole|président|présidente|directeur|directrice|commandant|ambassadeur|ambassadrice|conseiller|conseillère|patron)(?![\p{L}])/iu;

/** "le chef de la diplomatie américaine": a definite singular role phrase, not an institution. */
function isPersonRole(text: string, m: ActorMention): boolean {
  const before = text.slice(Math.max(0, m.start - 40), m.start);
  const lead = /(?:^|[\s,])(le|la|l['’])\s*((?:[\p{L}-]+\s+){0,3})$/iu.exec(before);
  const phrase = (lead ? lead[2]! : "") + text.slice(m.start, m.end);
  return lead !== null && PERSON_ROLE_RE.test(phrase.trim());
}

function fromPerson(p: ActorMention, spans: { start: number; end: number }[]): Resolved {
  return { claimant: p.actor.name, org: p.actor.org, country: p.actor.country, spans };
}

/**
 * Resolve the actor mentions of one subject or "selon" phrase to claimants:
 * coordinated actors ("la Russie et la Corée du Nord") give one each; within a
 * group a named person of the same country wins ("le secrétaire général de
 * l'OTAN, Mark Rutte"), else the most specific organisation.
 */
export function resolveMentions(text: string, mentions: ActorMention[], ctx: SpeakerContext): Resolved[] {
  const groups: ActorMention[][] = [];
  for (const m of mentions) {
    if (!isPersonKind(m.actor) && LOCATIVE_BEFORE_RE.test(text.slice(Math.max(0, m.start - 12), m.start))) continue;
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && !/^\s*,?\s*(?:et|ainsi\s+que|comme)\s+(?:l['’]|la\s+|le\s+|les\s+)?$/iu.test(text.slice(prev.end, m.start))) last.push(m);
    else groups.push([m]);
  }
  const out: Resolved[] = [];
  for (const g of groups) {
    const first = g[0]!.actor;
    const fits = g.filter((m) => compatible(m.actor, first));
    const spans = g.map((m) => ({ start: m.start, end: m.end }));
    const person = fits.find((m) => isPersonKind(m.actor));
    if (person) {
      out.push(fromPerson(person, spans));
      continue;
    }
    const orgs = fits.filter((m) => m.actor.kind === "org");
    const specific = orgs.filter((m) => !isGenericOrg(m.actor.org));
    const role = fits.find((m) => m.actor.kind === "role");
    if (role && specific.length === 0) {
      // "le responsable américain", "le chef de l'Etat": a person named earlier.
      const roleText = text.slice(role.start, role.end);
      const definite = /(?:^|\s)(?:le|la|l['’])\s*$/iu.test(text.slice(Math.max(0, role.start - 4), role.start)) && !/s$/iu.test(roleText);
      const ante = definite ? antecedentPerson(ctx, role.start, role.actor) : null;
      if (ante) {
        out.push(fromPerson(ante, spans));
        continue;
      }
    }
    const org = specific[specific.length - 1] ?? orgs[orgs.length - 1] ?? (role && role.actor.org ? role : undefined);
    if (org && org.actor.kind === "org" && isPersonRole(text, org)) {
      // "le chef de la diplomatie américaine", "le porte-parole du Pentagone": the person of that org named earlier.
      const ante = antecedentPerson(ctx, org.start, org.actor);
      if (ante && ante.actor.org === org.actor.org) {
        out.push(fromPerson(ante, spans));
        continue;
      }
    }
    if (org) {
      const o = org.actor;
      out.push({ claimant: null, org: o.org, country: o.country, spans });
    }
  }
  return out;
}

// A person named first in the sentence and followed by a verb: "Mercredi, Vladimir Poutine a remercié ...".
const SUBJECT_VERB_AFTER_RE = /^\s+(?:a|avait|aurait|est|était)\s/u;

function noteSubjectPerson(text: string, s: string, base: number, ctx: SpeakerContext, published: string): void {
  const first = ctx.persons[lowerBound(ctx.persons, base)];
  if (!first || first.start >= base + s.length || !SUBJECT_VERB_AFTER_RE.test(text.slice(first.end, first.end + 10))) return;
  ctx.subjectPerson = { who: fromPerson(first, [{ start: first.start, end: first.end }]), sentence: ctx.sentences ?? 0, date: openingDate(s, published) };
}

function mentionsIn(all: readonly ActorMention[], from: number, to: number, quotes: readonly QuoteSpan[]): ActorMention[] {
  const out: ActorMention[] = [];
  for (let k = lowerBound(all, from); k < all.length && all[k]!.start < to; k++) {
    const m = all[k]!;
    if (m.end <= to && !inQuote(m.start, quotes)) out.push(m);
  }
  return out;
}

/**
 * Attributions in one sentence, in text order, with their claimants resolved
 * against the running context (which they update).
 */
export function findAttributions(
  text: string,
  tokens: readonly Token[],
  sent: Sentence,
  mentions: readonly ActorMention[],
  quotes: readonly QuoteSpan[],
  ctx: SpeakerContext,
  published: string,
): Attribution[] {
  ctx.unresolved = false;
  ctx.sentences = (ctx.sentences ?? 0) + 1;
  let any = false;
  for (let k = lowerBound(tokens, sent.start); k < tokens.length && tokens[k]!.start < sent.end; k++) {
    if (ATTRIBUTION_WORDS.has(tokens[k]!.lower)) {
      any = true;
      break;
    }
  }
  const s = sent.text;
  const base = sent.start;
  if (!any) {
    noteSubjectPerson(text, s, base, ctx, published);
    return [];
  }
  const out: Attribution[] = [];
  // Computed on first use (most sentences never need it), then shared as before.
  let openingMemo: StatementDate | null | undefined;
  const opening = (): StatementDate | null => (openingMemo === undefined ? (openingMemo = openingDate(s, published)) : openingMemo);

  // "selon X", "d'après X", "selon lesquels" (the actor just before), "selon lui" (the last speaker).
  SELON_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SELON_RE.exec(s)) !== null) {
    const pos = base + m.index;
    if (inQuote(pos, quotes)) continue;
    const after = s.slice(m.index + m[0].length);
    let claimants: Resolved[] = [];
    let relDate: StatementDate | null = null;
    if (RELATIVE_SELON_RE.test(after)) {
      const before = mentionsIn(mentions, base, pos, quotes);
      const last = before[before.length - 1];
      if (last && /^\s*,?\s*$/u.test(text.slice(last.end, pos))) claimants = resolveMentions(text, [last], ctx);
    } else if (OWN_SELON_RE.test(after)) {
      // "Selon nos estimations": the outlet's own figure.
      claimants = [{ claimant: null, org: "Unattributed", country: null, spans: [] }];
    } else if (PRONOUN_SELON_RE.test(after)) {
      const who = pronounSpeaker(ctx);
      if (who) claimants = [who];
    } else if (ANAPHOR_RE.test(after.slice(0, 20))) {
      if (ctx.lastSpeaker) claimants = [ctx.lastSpeaker];
    } else {
      const comma = after.search(/[,;:]|\s[–—]\s/u);
      const end = pos + m[0].length + (comma < 0 ? after.length : comma);
      claimants = resolveMentions(text, mentionsIn(mentions, pos, end, quotes), ctx);
      if (comma >= 0) relDate = relativeClauseDate(after.slice(comma), published);
      // "à en croire le porte-parole de la Maison-Blanche, John Kirby": the role's name in apposition.
      const named = comma >= 0 && claimants.length === 1 && claimants[0]!.claimant === null && after[comma] === "," ? mentionsIn(mentions, end, end + 40, quotes)[0] : undefined;
      if (named && isPersonKind(named.actor) && named.actor.org === claimants[0]!.org && /^,\s*$/u.test(text.slice(end, named.start))) {
        claimants = [fromPerson(named, [...claimants[0]!.spans, { start: named.start, end: named.end }])];
      }
    }
    if (claimants.length > 0) {
      out.push({ pos, end: pos + m[0].length, type: "selon", claimants, phrase: m[0], denial: false, date: relDate ?? opening() });
    }
  }

  const learnt = LEARNT_FROM_RE.exec(s);
  if (learnt && !inQuote(base + learnt.index, quotes)) {
    const from = base + learnt.index + learnt[0].length;
    const claimants = resolveMentions(text, mentionsIn(mentions, from, Math.min(base + s.length, from + 90), quotes).slice(0, 1), ctx);
    const verbEnd = learnt.index + "a-t-on appris".length;
    if (claimants.length > 0) out.push({ pos: base + learnt.index, end: base + verbEnd, type: "post", claimants, phrase: learnt[0], denial: false, date: statementDate(s, learnt.index, verbEnd, published) });
  }
  const impersonal = IMPERSONAL_RE.exec(s);
  if (impersonal) {
    const claimants = resolveMentions(text, mentionsIn(mentions, base, base + impersonal[0].length, quotes), ctx);
    if (claimants.length > 0) out.push({ pos: base, end: base + impersonal[0].length, type: "selon", claimants, phrase: impersonal[0], denial: false, date: statementDate(s, impersonal[0].length, impersonal[0].length, published) ?? opening() });
  }
  const pour = POUR_RE.exec(s);
  if (pour) {
    const end = base + pour[0].length - 1;
    const claimants = resolveMentions(text, mentionsIn(mentions, base, end, quotes), ctx);
    if (claimants.length > 0) out.push({ pos: base, end, type: "selon", claimants, phrase: "pour", denial: false, date: opening() });
  }

  // Speech verbs.
  const unnamed: { end: number; date: StatementDate | null }[] = [];
  SPEECH_RE.lastIndex = 0;
  while ((m = SPEECH_RE.exec(s)) !== null) {
    const vStart = m.index;
    const vEnd = m.index + m[0].length;
    if (inQuote(base + vStart, quotes)) continue;
    const left = s.slice(Math.max(0, vStart - 60), vStart);
    if (DETERMINER_BEFORE_RE.test(left)) continue; // a noun: "une annonce", "cette note"
    // Words between auxiliary and verb are adverbs or dates, never a name ("A Pyongyang, le régime nie").
    // "... ont été tués, a indiqué le HUR", "... auraient été blessés, estime X": the auxiliary is the one after the last comma.
    const lastComma = left.lastIndexOf(",");
    let auxM = AUX_BEFORE_RE.exec(left);
    if (auxM && auxM[1]!.includes(",") && lastComma >= 0) auxM = AUX_BEFORE_RE.exec(left.slice(lastComma + 1));
    const aux = auxM && !/\p{Lu}/u.test(auxM[1]!.slice(1)) ? auxM : null;
    const pStart = aux ? vStart - aux[1]!.length : vStart;
    const qualified = JUDGING_VERB_RE.test(m[0]) ? QUALIFIED_FALSE_RE.exec(s.slice(vEnd, vEnd + 130)) : null;
    const phrase = s.slice(pStart, qualified ? vEnd + qualified[0].length : vEnd);
    // "ont été confirmées mardi par le Pentagone", "les 3 000 hommes évoqués la semaine dernière par Washington".
    const agent = /^\s*(?:[\p{Ll}'’-]+\s+){0,4}?par\s+/u.exec(s.slice(vEnd, vEnd + 60));
    const passive = /(?:^|\s)été\s/iu.test(phrase) || (!aux && /(?:é|ée|és|ées)$/iu.test(m[0]) && agent !== null);
    const beforePhrase = s.slice(Math.max(0, pStart - 40), pStart);
    let claimants: Resolved[] = [];
    let type: Attribution["type"] = "pre";
    let subjectEnd = -1;
    let ownSubjectAfter = false;
    const suffixPronoun = PRONOUN_SUFFIX_RE.test(m[0]) || /-(?:t-)?(?:il|elle|ils|elles)(?![\p{L}])/iu.test(phrase);
    const pronoun = suffixPronoun || (!passive && PRONOUN_BEFORE_RE.test(s.slice(Math.max(0, vStart - 40), vStart)));
    if (passive) {
      if (agent) {
        const from = base + vEnd + agent[0].length;
        const to = Math.min(base + s.length, from + 80);
        const agents = mentionsIn(mentions, from, to, quotes).slice(0, 2);
        claimants = resolveMentions(text, agents, ctx);
        type = "post";
        // "avancé par Kiev début novembre": the date after the agent.
        if (agents.length > 0) subjectEnd = agents[agents.length - 1]!.end - base;
      }
    } else if (pronoun) {
      // "a-t-il déclaré", "il a souligné": an actor named before the quote in this
      // sentence ("Service de renseignement sud-coréen « ... » a-t-il déclaré"), else the last speaker.
      const before = mentionsIn(mentions, base, base + pStart, quotes);
      const last = before[before.length - 1];
      const who = pronounSpeaker(ctx);
      // "Vladimir Poutine a remercié Kim Jong-un. « ... », a-t-il déclaré": the subject of the sentence just before.
      const sp = ctx.subjectPerson && ctx.subjectPerson.sentence === (ctx.sentences ?? 0) - 1 && /(?:^|[\s-])(?:il|elle)(?![\p{L}])/iu.test(phrase) ? ctx.subjectPerson : null;
      if (last && suffixPronoun) claimants = resolveMentions(text, [last], ctx);
      else if (sp) {
        claimants = [sp.who];
        subjectEnd = -2; // the date is that sentence's
      } else if (who) claimants = [who];
      type = suffixPronoun ? "post" : "pre";
    } else {
      // "..., a déclaré mardi le porte-parole du département d'État, Vedant Patel, soulignant ...":
      // after a comma or a quotation, with no "que" after the verb, the subject follows the verb.
      if (INVERTED_BEFORE_RE.test(beforePhrase) && !COMPLEMENT_AFTER_RE.test(s.slice(vEnd, vEnd + 40))) {
        const picked: ActorMention[] = [];
        let prevEnd = base + vEnd;
        for (const mm of mentionsIn(mentions, base + vEnd, base + s.length, quotes)) {
          const gap = text.slice(prevEnd, mm.start);
          const ok =
            picked.length === 0
              ? (!/[,;:«»"“”]/u.test(gap) || ROLE_APPOSITION_RE.test(gap)) && gap.length < 70 && !RECIPIENT_BEFORE_RE.test(gap)
              : (gap.length < 30 && !/[;:«»"“”]/u.test(gap) && (gap.match(/,/gu) ?? []).length <= 1);
          if (!ok) break;
          picked.push(mm);
          prevEnd = mm.end;
        }
        claimants = resolveMentions(text, picked, ctx);
        if (claimants.length === 0 && MEDIA_ANAPHOR_RE.test(s.slice(vEnd, vEnd + 30))) {
          // "..., écrit le journal": the outlet named earlier in the sentence.
          const media = mentionsIn(mentions, base, base + pStart, quotes).filter((mm) => mm.actor.org.startsWith("Media ("));
          if (media.length > 0) claimants = resolveMentions(text, media.slice(-1), ctx);
        }
        if (claimants.length === 0 && ANAPHOR_RE.test(s.slice(vEnd, vEnd + 30)) && ctx.lastSpeaker) claimants = [ctx.lastSpeaker];
        if (claimants.length > 0) {
          type = "post";
          if (picked.length > 0) subjectEnd = picked[picked.length - 1]!.end - base;
        } else if (OWN_SUBJECT_AFTER_RE.test(s.slice(vEnd, vEnd + 40))) ownSubjectAfter = true;
      }
      if (claimants.length === 0 && !ownSubjectAfter) {
        // Subject before the verb, back to the start of the sentence or of a quotation/clause break.
        let segStart = 0;
        const cut = Math.max(s.lastIndexOf("»", pStart), s.lastIndexOf("”", pStart), s.lastIndexOf(";", pStart), s.lastIndexOf(":", pStart));
        if (cut >= 0) segStart = cut + 1;
        let subject = mentionsIn(mentions, base + segStart, base + pStart, quotes).filter(
          (mm) => !AGENT_BEFORE_RE.test(text.slice(Math.max(base, mm.start - 30), mm.start)),
        );
        // "Kim Jong-un honore ses soldats, Séoul évoque 2 000 tués": the subject is the actor after the last comma.
        const comma = s.lastIndexOf(",", pStart);
        const afterComma = comma > segStart ? subject.filter((mm) => mm.start > base + comma) : [];
        if (afterComma.length > 0 && /^,\s*(?:l['’]|la\s+|le\s+|les\s+)?$/iu.test(text.slice(base + comma, afterComma[0]!.start))) subject = afterComma;
        claimants = resolveMentions(text, subject, ctx);
        // "Séoul, dont les services multiplient les « révélations », avance ...": the subject before the relative clause.
        const rel = claimants.length === 0 && /^[\s,]*$/u.test(s.slice(segStart, pStart)) ? RELATIVE_SUBJECT_RE.exec(s) : null;
        if (rel) claimants = resolveMentions(text, mentionsIn(mentions, base, base + rel[1]!.length, quotes), ctx);
        if (claimants.length === 0 && ANAPHOR_RE.test(s.slice(segStart, pStart)) && ctx.lastSpeaker) claimants = [ctx.lastSpeaker];
        // "Le précédent bilan, communiqué fin avril, faisait état de ...": the organisation of the toll given before.
        if (claimants.length === 0 && TOLL_ANAPHOR_RE.test(s.slice(segStart, pStart)) && ctx.lastSpeaker) claimants = [withFields(ctx.lastSpeaker, { claimant: null, spans: [] })];
      }
    }
    const voice = claimants.length === 1 && claimants[0]!.claimant === null ? VOICE_OF_RE.exec(s.slice(vEnd, vEnd + 60)) : null;
    if (voice) {
      const from = base + vEnd + voice[0].length;
      const person = mentionsIn(mentions, from, from + 70, quotes).find((mm) => isPersonKind(mm.actor) && mm.actor.org === claimants[0]!.org);
      if (person) claimants = [fromPerson(person, [...claimants[0]!.spans, { start: person.start, end: person.end }])];
    }
    // "a annoncé Volodymyr Zelensky samedi": the date may follow the inverted subject.
    const date = statementDate(s, pStart, vEnd, published) ?? (subjectEnd >= 0 ? statementDate(s, subjectEnd, subjectEnd, published) : subjectEnd === -2 ? ctx.subjectPerson!.date : null);
    if (claimants.length === 0) {
      // A speaker of its own that no actor names: the sentence is not the previous speaker's.
      if (!/(?:ant|er)$/iu.test(m[0])) {
        ctx.unresolved = true;
        unnamed.push({ end: vEnd, date });
      }
      continue;
    }
    const quoteBefore = s.slice(Math.max(0, s.lastIndexOf("«", pStart)), pStart);
    // "n'a pas démenti" is no denial.
    const negated = /(?:^|\s)(?:n['’]|ne\s)/iu.test(phrase);
    // "Moscou n'a jamais reconnu la présence ...": a non-acknowledgement states no claim of that speaker.
    if (negated && /^(?:reconn|admi)/iu.test(m[0])) continue;
    const denial = !negated && (isDenialVerb(m[0]) || qualified !== null || (type === "post" && /[»”"]\s*,?\s*$/u.test(beforePhrase) && FALSE_REPORT_RE.test(quoteBefore)));
    out.push({ pos: base + pStart, end: base + vEnd, type, claimants, phrase, denial, date });
  }

  out.sort((a, b) => a.pos - b.pos);
  // "Le NIS a estimé à 2 000 ..., a rapporté le député X" / "D'après le NIS, ..., a déclaré mercredi le député X":
  // a person of the organisation who reports its statement is the claimant, on the day they spoke.
  for (let i = out.length - 1; i > 0; i--) {
    const post = out[i]!;
    const p = post.claimants.length === 1 ? post.claimants[0]! : null;
    if (post.type === "pre" || !p || !p.claimant) continue;
    // "Washington affirme ..., à en croire le porte-parole de la Maison-Blanche, John Kirby": a country's catch-all name too.
    const org = out
      .slice(0, i)
      .find((a) => a.claimants.length === 1 && a.claimants[0]!.claimant === null && (a.claimants[0]!.org === p.org || (isGenericOrg(a.claimants[0]!.org) && a.claimants[0]!.country === p.country)));
    if (!org) continue;
    org.claimants = [withFields(p, { spans: [...org.claimants[0]!.spans, ...p.spans] })];
    org.date = post.date ?? org.date;
  }
  // "..., a indiqué jeudi un député, citant le NIS": the source cited by a speaker no actor names, on the speaker's date.
  for (const a of out) {
    if (a.type !== "selon" || !/^cit/iu.test(a.phrase)) continue;
    const verb = unnamed.find((u) => a.pos - base >= u.end && a.pos - base - u.end < 60);
    if (verb && verb.date) a.date = verb.date;
  }
  // "Séoul ne peut pas confirmer ..., a indiqué le ministère sud-coréen de la Défense": the country's
  // catch-all name and the institution named after the verb are one speaker.
  for (const a of out) {
    const c = a.claimants.length === 1 ? a.claimants[0]! : null;
    if (!c || c.claimant !== null || !isGenericOrg(c.org)) continue;
    const named = out.find((b) => b !== a && b.type === "post" && b.claimants.length === 1 && b.claimants[0]!.country === c.country && !isGenericOrg(b.claimants[0]!.org));
    if (!named) continue;
    a.claimants = [withFields(named.claimants[0]!, { spans: [...c.spans, ...named.claimants[0]!.spans] })];
    a.date ??= named.date;
  }
  for (let i = 1; i < out.length; i++) {
    const cited = out[i]!;
    const speaker = out[i - 1]!;
    if (cited.type !== "selon" || !/^cit/iu.test(cited.phrase) || cited.pos - speaker.end > 4 || speaker.type === "selon") continue;
    const who = speaker.claimants[0];
    const source = cited.claimants[0];
    if (who && source && who.claimant && mentionKind(mentions, who) === "lawmaker") {
      speaker.claimants = [withFields(who, { org: source.org, country: source.country, spans: [...who.spans, ...source.spans] })];
    }
    out.splice(i, 1);
    i--;
  }
  // "Selon le NIS, cité par l'agence Yonhap", "..., a affirmé le colonel X, cité par le New York Times":
  // the outlet that quotes a speaker of the sentence is only the channel.
  for (let i = out.length - 1; i > 0; i--) {
    const a = out[i]!;
    if (a.type === "selon" && /^cit[ée]/iu.test(a.phrase) && a.claimants.every((c) => c.org.startsWith("Media ("))) out.splice(i, 1);
  }
  for (const a of out) {
    // "..., selon l'agence KCNA" after a speaker is the channel: the speaker stays the one referred back to.
    if (a.type === "selon" && out.length > 1 && a.claimants.every((c) => c.org.startsWith("Media ("))) continue;
    const c = a.claimants[a.claimants.length - 1];
    if (c) ctx.lastSpeaker = c;
    if (c && c.claimant) ctx.lastPerson = { who: c, sentence: ctx.sentences };
  }
  if (out.length === 0) noteSubjectPerson(text, s, base, ctx, published);
  return out;
}
