// How firmly a claim is stated: asserted, hedged (French conditional, "peut-être",
// "probablement"), unconfirmed ("ne peut pas confirmer"), denied ("nie", "dément",
// "rejette", "aucun soldat ... n'a été envoyé").
import type { Certainty } from "../generated/types.js";

const UNCONFIRMED_RE =
  /(?:n['’]|ne\s)(?:\s*\p{L}+){0,3}?\s*(?<![\p{L}])(?:pas|toujours\s+pas|pas\s+encore|pas\s+été|jamais)\s+(?:(?:en\s+mesure\s+de|pu|été|être|encore|pouvoir|\p{L}+ment)\s+)*(?:confirm|vérifi|corrobor)|sans\s+(?:pouvoir\s+)?(?:le\s+)?confirm|impossible\s+de\s+(?:le\s+)?(?:confirm|vérifi)|non\s+confirm|pas\s+(?:encore\s+)?(?:été\s+)?confirm|pas\s+(?:pu|en\s+mesure\s+de)\s+(?:le\s+)?(?:confirm|vérifi)|could\s+not\s+confirm|cannot\s+confirm|unable\s+to\s+confirm/iu;

const DENIAL_VERB_RE =
  /(?<![\p{L}])(?:ni(?:e|ent|ait|aient|é|er)|dém(?:ent|entent|enti|entait|entaient|entir)|rejet(?:te|tent|ait|aient|é|er)|réfut\p{L}*|contest(?:e|ent|ait|aient|é)|balay(?:é|ait|aient|e|ent)|(?:qualifi|parl|évoqu|dénon[cç])\p{L}*[^».;:]{0,90}?(?<![\p{L}])(?:de|d['’]|une?|des)\s*[«"“]?\s*(?:fausses?|mensong|fake|rumeur|spéculation|propagande|désinformation|infondé|absurde|intox|campagne\s+d['’]intox)\p{L}*|deny|denies|denied|rejects?|rejected)(?![\p{L}])/iu;

const NEGATED_CLAIM_RE =
  /(?<![\p{L}])(?:aucun(?:e|s)?\s+(?:\p{L}+\s+){0,2}?(?:soldats?|troupes?|militaires?|combattants?|déploiement|présence|opérations?|unités?|envoi)|pas\s+de\s+(?:soldats|troupes|militaires|déploiement|présence)|n['’]exist\p{L}*\s+(?:pas|que\s+dans\s+l['’]imagination)|(?:n['’]|ne\s)(?:se\s+|s['’]|y\s+)?(?:ont|a|sont|est|avaient|avait|étaient|était|trouvent|trouve|combattent|participent|sont\s+pas)\s+(?:pas|jamais|nullement|plus)\s+(?:été\s+|encore\s+)?(?:envoy|déploy|présent|engag|arriv|impliqu|combatt|entra[îi]n|observ|aperçu|vus|repér|signal|en\s+Russie|en\s+Ukraine))/iu;

// French conditional endings, without the imperfect of verbs whose stem ends in r
// ("déclarait", "entraient", "tirait"): -erait, -irait (not -tirait), -rrait, -drait
// after a nasal, aurait, saurait, devrait, mettrait, suivrait, croirait, ferait.
const CONDITIONAL_RE =
  /(?<![\p{L}])\p{L}*(?:[^\sér]erai(?:t|ent)|[aiuo]rerai(?:t|ent)|(?:rt|[^\stpsmv])irai(?:t|ent)|rrai(?:t|ent)|(?:ien|ou|au|en|in|oin|on)drai(?:t|ent)|aurai(?:t|ent)|saurai(?:t|ent)|devrai(?:t|ent)|(?:met|bat)trai(?:t|ent)|suivrai(?:t|ent)|vivrai(?:t|ent)|oirai(?:t|ent))(?![\p{L}])|(?<![\p{L}])(?:serai(?:t|ent)|ferai(?:t|ent)|irai(?:t|ent))(?![\p{L}])/iu;

const HEDGE_RE =
  /(?<![\p{L}])(?:peut-être|probablement|possiblement|vraisemblablement|apparemment|semble(?:nt|rait|raient)?|présumée?s?|supposée?s?|selon\s+toute\s+vraisemblance|il\s+est\s+possible|probable|possible|exclu(?:t|ent|ait|aient)?\s+pas|reportedly|allegedly|may|might|could|probably|likely)(?![\p{L}])/iu;

const ANNOUNCED_RE = /(?<![\p{L}])(?:annonc|promi|décid|accept|convenu)\p{L}*\s+(?:[^.;«»]{0,40}?\s)?qu(?:e\s|['’])/iu;
const FUTURE_IN_PAST_RE = /(?<![\p{L}])(?:enverrai|déploierai|dépêcherai|fournirai)(?:t|ent)(?![\p{L}])/giu;

// Every alternative of CONDITIONAL_RE ends in "rait" or "raient" before a non-letter: a text without
// that cannot match, and this literal search is much cheaper than the regex's scan of every word.
const CONDITIONAL_ENDING_RE = /rai(?:t|ent)(?![\p{L}])/iu;

/** A sentence's claims share their clause and attribution: the last answer is kept. */
let last: { clause: string; attribution: string; certainty: Certainty } | null = null;

/**
 * Certainty of a claim from its clause and the attribution verb phrase that
 * introduces it ("rejette", "ne peut pas confirmer", "aurait affirmé").
 */
export function certaintyOf(clause: string, attribution: string): Certainty {
  if (last && last.clause === clause && last.attribution === attribution) return last.certainty;
  const certainty = judge(clause, attribution);
  last = { clause, attribution, certainty };
  return certainty;
}

function judge(clause: string, attribution: string): Certainty {
  const both = `${attribution} ${clause}`;
  if (UNCONFIRMED_RE.test(both)) return "unconfirmed";
  if (DENIAL_VERB_RE.test(attribution) || NEGATED_CLAIM_RE.test(clause)) return "denied";
  // "a annoncé que Pyongyang enverrait 6 000 hommes": a future in the past, not a hedge.
  const mood = ANNOUNCED_RE.test(both) ? both.replace(FUTURE_IN_PAST_RE, "") : both;
  if ((CONDITIONAL_ENDING_RE.test(mood) && CONDITIONAL_RE.test(mood)) || HEDGE_RE.test(mood)) return "hedged";
  return "asserted";
}

export function isDenialVerb(s: string): boolean {
  return DENIAL_VERB_RE.test(s);
}
