// Reference tables (data/reference/*.csv), read once at module load.
import { readFileSync } from "node:fs";
import type PapaModule from "papaparse";
import { requireCjs } from "../cjs.js";
import { PhraseTrie } from "./tokens.js";

// Required, not imported: see cjs.ts.
const Papa = requireCjs("papaparse") as typeof PapaModule;

export type ActorKind = "org" | "person" | "lawmaker" | "role";

export interface Actor {
  /** Person's canonical name, organisation name, or role label. */
  name: string;
  kind: ActorKind;
  /** Canonical claimant_org; "" for a role that does not imply one. */
  org: string;
  /** ISO country, "INT", or null. */
  country: string | null;
}

export interface Place {
  name: string;
  kind: "country" | "region" | "city" | "capital" | "origin";
  parent: string | null;
}

function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(new URL(`../../data/reference/${file}`, import.meta.url), "utf8");
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  return parsed.data;
}

function aliases(row: Record<string, string>, first: string): string[] {
  const list = (row.aliases ?? "").split("|").map((a) => a.trim()).filter(Boolean);
  return [first, ...list];
}

export const ACTORS: Actor[] = [];
export const ACTOR_TRIE = new PhraseTrie<Actor>();
/** Organisation rows by canonical name. */
export const ORGS = new Map<string, Actor>();

for (const row of readCsv("actors.csv")) {
  const actor: Actor = {
    name: row.canonical_name ?? "",
    kind: (row.kind ?? "org") as ActorKind,
    org: row.claimant_org ?? "",
    country: row.country ? row.country : null,
  };
  if (!actor.name) continue;
  ACTORS.push(actor);
  if (actor.kind === "org") ORGS.set(actor.name, actor);
  // Role phrases ("le responsable américain") win over an organisation's same alias.
  const names = actor.kind === "org" || actor.kind === "role" ? aliases(row, actor.kind === "org" ? actor.name : "") : aliases(row, actor.name);
  for (const a of names) if (a) ACTOR_TRIE.add(a, actor, actor.kind === "role");
}

export const PLACES = new Map<string, Place>();
export const PLACE_TRIE = new PhraseTrie<Place>();

for (const row of readCsv("places.csv")) {
  const place: Place = {
    name: row.canonical ?? "",
    kind: (row.kind ?? "region") as Place["kind"],
    parent: row.parent ? row.parent : null,
  };
  if (!place.name) continue;
  PLACES.set(place.name, place);
  for (const a of aliases(row, place.name)) PLACE_TRIE.add(a, place);
}

/** Canonical name of a place's ancestors, nearest first. */
export function ancestors(name: string): string[] {
  const out: string[] = [];
  let p = PLACES.get(name)?.parent ?? null;
  while (p && out.length < 10) {
    out.push(p);
    p = PLACES.get(p)?.parent ?? null;
  }
  return out;
}

/** The most specific place covering all the given places (their nearest common ancestor). */
export function commonPlace(names: readonly string[]): string | null {
  if (names.length === 0) return null;
  let chain = [names[0]!, ...ancestors(names[0]!)];
  for (const n of names.slice(1)) {
    const other = new Set([n, ...ancestors(n)]);
    chain = chain.filter((c) => other.has(c));
    if (chain.length === 0) return null;
  }
  return chain[0] ?? null;
}

/** "US Government (other)" and friends: the catch-all organisation of a country. */
export function isGenericOrg(org: string): boolean {
  return org.endsWith("(other)");
}
