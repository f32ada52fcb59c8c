/**
 * Topic addresses that survive imports. A topic's id is the slug of its defining phrase (the seed
 * that named it), never its place in a list. When two councils' topics share that phrase, the
 * council whose records were stored first keeps the plain id (so an address shared before the
 * second council arrived keeps working) and the other adds its council's name; two phrases of one
 * council that differ only in punctuation add a short hash of the phrase. An id never depends on
 * which topic happened to score higher.
 *
 * An import can still change which phrase defines a topic ("mental health" joins "integrated
 * commissioning of mental health recovery") or retire a phrase. `continuation` finds the topic
 * that carries an old id on: the one that now holds the old phrase, or else the one holding most
 * of the items that print it. When no single topic clearly does, it says which topics come close,
 * so the portal can answer with a helpful "not found" instead of guessing.
 */
import { createHash } from "node:crypto";
import type { LinkInput } from "../index";
import { collectItems, type Item } from "./items";
import { phrases } from "./phrases";

/** "Help to Live at Home" → "help-to-live-at-home"; accents dropped, at most 100 characters. */
export function slugOf(text: string, max = 100): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, max)
      .replace(/-+$/, "") || "topic"
  );
}

/** Ids never hold "--" except between the phrase and its qualifier, since slugs collapse hyphen runs. */
const QUALIFIER = "--";

function shortHash(s: string): string {
  return createHash("sha1").update(s).digest("hex").slice(0, 6);
}

/** `since`: when the topic's council first reached the store (e.g. its first document's id); lower is earlier. */
export type Identified = { key: string; authority: string | null; since?: number };

/**
 * One id per topic, in the order given: the phrase's slug, kept by the council that reached the
 * store first; "--" and the council's slug for another council's topic with the same phrase;
 * "--", the council and a hash of the phrase when one council has two phrases with one slug. The
 * order of the list never changes an id.
 */
export function topicIds(topics: Identified[]): string[] {
  const base = topics.map((t) => slugOf(t.key));
  const byBase = new Map<string, number[]>();
  base.forEach((b, i) => {
    byBase.set(b, [...(byBase.get(b) ?? []), i]);
  });
  const out = [...base];
  for (const [b, idx] of byBase) {
    if (idx.length < 2) continue;
    const councils = new Map<string, number[]>();
    for (const i of idx) {
      const c = slugOf(topics[i].authority ?? "no council", 40);
      councils.set(c, [...(councils.get(c) ?? []), i]);
    }
    // The first council to reach the store keeps the plain id; ties go by the council's name.
    const since = (c: string) => Math.min(...(councils.get(c) ?? []).map((i) => topics[i].since ?? Infinity));
    const first = [...councils.keys()].sort((x, y) => since(x) - since(y) || (x < y ? -1 : x > y ? 1 : 0))[0];
    for (const [c, same] of councils)
      for (const i of same)
        out[i] =
          same.length > 1
            ? `${b}${QUALIFIER}${c}-${shortHash(topics[i].key)}`
            : c === first
              ? b
              : `${b}${QUALIFIER}${c}`;
  }
  return out;
}

/** A current topic as `continuation` needs it. */
export type Candidate = {
  id: string;
  key: string;
  authority: string | null;
  phrases: string[];
  memberIds: readonly string[];
};

export type Continuation =
  /** The topic that carries the old id on, and why: it holds the old phrase, or most of its items. */
  | { to: number; by: "phrase" | "items"; share: number }
  /** No single topic clearly does; these come closest (indexes into the list, best first). */
  | { to: null; near: number[] };

/** Share of the old phrase's items a topic must hold to continue it, and be alone in holding. */
const ITEMS_SHARE = 0.5;
/** Times a phrase must recur in an item's discussion text to count, as for topic membership. */
const TEXT_MENTIONS = 2;
const NEAR = 5;

/** "library" matches "Libraries", "policy" matches "policies": a cheap test before phrases are cut. */
function stem(word: string): string {
  return word.length > 3 && word.endsWith("y") ? word.slice(0, -1) : word;
}

/**
 * The items of `input` that print a phrase whose slug is `base`, counted as topics count them: once
 * in a title, resolution, recommendation, reason or background paper, or twice in the discussion.
 */
export function itemsPrinting(input: LinkInput, base: string, items: Item[] = collectItems(input)): Item[] {
  const words = base.split("-").filter(Boolean);
  if (!words.length) return [];
  const stems = words.map(stem);
  const maxWords = Math.max(6, words.length);
  return items.filter((item) =>
    item.fields.some((f) => {
      const lower = f.text.toLowerCase();
      if (!stems.every((s) => lower.includes(s))) return false;
      const hits = phrases(f.text, maxWords).filter((h) => h.words === words.length && slugOf(h.phrase) === base);
      return hits.length >= (f.kind === "text" ? TEXT_MENTIONS : 1);
    }),
  );
}

/**
 * Which current topic carries on `oldId`. `groups` holds each council's input as the topics were
 * found from it (item ids are only comparable within one group), keyed by council name ("" for none).
 */
export function continuation(oldId: string, topics: Candidate[], groups: Map<string, LinkInput>): Continuation {
  const cut = oldId.indexOf(QUALIFIER);
  const base = cut < 0 ? oldId : oldId.slice(0, cut);
  const qualifier = cut < 0 ? "" : oldId.slice(cut + QUALIFIER.length);
  // A council named in the old id narrows the search to that council's topics.
  const inCouncil = (t: Candidate) => !qualifier || qualifier.startsWith(slugOf(t.authority ?? "no council", 40));
  const pool = topics.map((t, i) => ({ t, i })).filter(({ t }) => inCouncil(t));

  const holding = pool.filter(({ t }) => t.phrases.some((p) => slugOf(p) === base));
  if (holding.length === 1) return { to: holding[0].i, by: "phrase", share: 1 };
  if (holding.length > 1) return { to: null, near: holding.map(({ i }) => i).slice(0, NEAR) };

  // The phrase no longer defines or joins any topic: follow the items that print it.
  const overlap: { i: number; n: number; share: number }[] = [];
  const councils = new Set(pool.map(({ t }) => t.authority ?? ""));
  for (const council of councils) {
    const input = groups.get(council);
    if (!input) continue;
    const printing = new Set(itemsPrinting(input, base).map((x) => x.id));
    if (!printing.size) continue;
    for (const { t, i } of pool) {
      if ((t.authority ?? "") !== council) continue;
      const n = t.memberIds.filter((id) => printing.has(id)).length;
      if (n) overlap.push({ i, n, share: n / printing.size });
    }
  }
  overlap.sort((a, b) => b.share - a.share || b.n - a.n || a.i - b.i);
  const [best, next] = overlap;
  if (best && best.n >= 2 && best.share >= ITEMS_SHARE && (!next || next.share < best.share))
    return { to: best.i, by: "items", share: best.share };
  if (overlap.length) return { to: null, near: overlap.slice(0, NEAR).map((o) => o.i) };

  // Nothing prints it any more: topics sharing a word of it are the nearest help.
  const words = new Set(base.split("-").filter((w) => w.length >= 3));
  const sharing = pool
    .map(({ t, i }) => ({ i, n: t.key.split(" ").filter((w) => words.has(w)).length }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || a.i - b.i);
  return { to: null, near: sharing.slice(0, NEAR).map((x) => x.i) };
}
