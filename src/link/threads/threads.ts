/**
 * Topics: agenda items, minutes and reports grouped into threads that run across meetings and
 * committees. A thread grows from a distinctive key phrase — a noun-phrase n-gram (years, dates and
 * procedural items removed) found in the items of at least two meetings, named in at least one
 * item's title or background paper (or printed as a proper name), not part of a committee's,
 * council's or recurring officer's name, not the council's own place name, and not so common that
 * it appears in most meetings — and absorbs the phrases that pick out nearly the same items, or are
 * shorter forms of it. Discussion text (when the input carries the document's lines) makes an item a
 * member only when the phrase recurs there; single words need to be printed as names or be the head
 * of a longer phrase. Phrases are scored by the strongest place they appear in each meeting,
 * weighted by rarity across meetings (inverse document frequency). Every member and every link
 * carries the phrases that put it there and where they were found. No topic lists.
 */
import type { Span } from "../../model/parse-v1";
import type { LinkInput } from "../index";
import { collectItems, type FieldKind, type Item, type ItemKind } from "./items";
import { canStandAlone, containsPhrase, contentWords, normPhrase, phrases, printedForm } from "./phrases";

export type TopicOptions = {
  /** Longest phrase in words (default 6). */
  maxWords?: number;
  /** Fewest meetings a phrase must appear in (default 2). */
  minMeetings?: number;
  /** Most of the meetings a single word may appear in before it counts as common (default 0.6). */
  maxWordShare?: number;
  /** Most of the meetings any phrase may appear in (default 0.9; applies from 6 meetings up). */
  maxPhraseShare?: number;
  /** Times a phrase must recur in an item's discussion text to make the item a member (default 2). */
  minTextMentions?: number;
  /** Overlap of two phrases' items (Jaccard) at which they join one thread (default 0.6). */
  mergeOverlap?: number;
};

export type Evidence = { phrase: string; field: FieldKind; label: string | null; span: Span | null };

export type ThreadMember = {
  itemId: string;
  docId: string;
  meetingKey: string;
  body: string;
  date: string | null;
  kind: ItemKind;
  ref: string;
  title: string;
  span: Span | null;
  evidence: Evidence[];
};

export type ThreadLink = {
  from: string;
  to: string;
  phrases: string[];
  /** Where each shared phrase was found at both ends. */
  why: string;
};

export type Thread = {
  id: string;
  /** The seed phrase as printed in a member's title ("Help to Live at Home"). */
  label: string;
  /** The seed phrase normalised (lower case, singular): "help to live at home". */
  key: string;
  phrases: string[];
  score: number;
  meetings: string[];
  bodies: string[];
  years: string[];
  first: string | null;
  last: string | null;
  members: ThreadMember[];
  links: ThreadLink[];
};

const FIELD_WEIGHT: Record<FieldKind, number> = {
  title: 3,
  resolution: 2,
  recommendation: 2,
  reason: 1.5,
  background: 1.5,
  text: 1,
};
const FIELD_ORDER: FieldKind[] = ["title", "resolution", "recommendation", "reason", "background", "text"];

type Occ = { field: FieldKind; label: string | null; span: Span | null };
type Stats = {
  words: number;
  items: Map<number, Occ>;
  meetings: Set<string>;
  titled: Set<string>;
  /** Per meeting, the distinct agenda items (or minutes) whose titles carry the phrase. */
  titledItems: Map<string, Set<string>>;
  proper: number;
  plain: number;
  isolated: number;
};

/**
 * Phrases that only name a committee, a council or an officer, read from the meetings themselves:
 * committee and council names always; report authors, officers' roles and members' names once they
 * recur in two meetings (a one-off author such as a review panel named after its subject is kept).
 */
function metadataPhrases(input: LinkInput): string[] {
  const always = new Set<string>();
  const seen = new Map<string, Set<string>>();
  const split = (s: string | null | undefined) => (s ? normPhrase(s).split(" | ").filter(Boolean) : []);
  for (const { meetingKey, meeting: m } of input) {
    for (const p of [...split(m.body), ...split(m.authority)]) always.add(p);
    const recurring = [
      ...m.agenda.map((a) => a.reportBy),
      ...m.reports.flatMap((r) => [r.author, ...(r.officers ?? []).map((o) => o.role)]),
      ...m.membership.map((x) => x.name),
    ];
    for (const s of recurring)
      for (const p of split(s)) {
        const set = seen.get(p) ?? new Set<string>();
        set.add(meetingKey);
        seen.set(p, set);
      }
  }
  for (const [p, keys] of seen) if (keys.size >= 2) always.add(p);
  return [...always].sort();
}

/**
 * Words standing for the council's own area: the words of its name and their leading parts
 * ("leicester" of "Leicestershire"), which name a place, not a subject.
 */
function placeWords(input: LinkInput): Set<string> {
  const words = new Set<string>();
  for (const { meeting: m } of input) for (const w of contentWords(m.authority ?? "")) words.add(w);
  return words;
}

function isPlaceWord(word: string, place: Set<string>): boolean {
  if (place.has(word)) return true;
  if (word.length < 5) return false;
  for (const p of place) if (p.startsWith(word)) return true;
  return false;
}

function better(a: Occ, b: Occ): boolean {
  return FIELD_ORDER.indexOf(a.field) < FIELD_ORDER.indexOf(b.field);
}

function jaccard(a: Set<number>, b: Set<number>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter || 1);
}

function compareMembers(a: ThreadMember, b: ThreadMember): number {
  const ka = [a.date ?? "", a.meetingKey, a.itemId];
  const kb = [b.date ?? "", b.meetingKey, b.itemId];
  for (let i = 0; i < 3; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
  return 0;
}

/**
 * The phrase that names a thread: its seed, unless the seed opens with a word that cannot stand
 * alone ("board and safeguarding adult board business", a window cut from a long title) and another
 * of its phrases that opens well is found in as many members; then the longest such.
 */
function labelPhrase(seed: string, list: string[], byItem: Map<number, Evidence[]>): string {
  const opens = (p: string) => canStandAlone(p.split(" ")[0]);
  if (opens(seed)) return seed;
  const cover = new Map<string, number>();
  for (const ev of byItem.values()) for (const e of ev) cover.set(e.phrase, (cover.get(e.phrase) ?? 0) + 1);
  const c = (p: string) => cover.get(p) ?? 0;
  const better = list
    .filter((p) => p !== seed && opens(p) && c(p) >= c(seed))
    .sort((x, y) => c(y) - c(x) || y.split(" ").length - x.split(" ").length || (x < y ? -1 : 1));
  return better[0] ?? seed;
}

/** The seed as printed: from a title in mixed case if one has it, else from any title, else the phrase. */
function displayLabel(phrase: string, members: ThreadMember[]): string {
  const titles = members.map((m) => m.title);
  const mixed = titles.filter((t) => t !== t.toUpperCase());
  for (const t of [...mixed, ...titles]) {
    const got = printedForm(t, phrase);
    if (got) return got;
  }
  return phrase;
}

function describe(m: ThreadMember, phrase: string): string {
  const ev = m.evidence.find((e) => e.phrase === phrase);
  const where = ev ? `${ev.field}${ev.label ? ` ${ev.label}` : ""}` : "?";
  const line = ev?.span ? ` line ${ev.span.startLine}` : "";
  return `${where} of ${m.ref} (${m.body}, ${m.date ?? "undated"}, ${m.docId}${line})`;
}

export function findTopics(input: LinkInput, options: TopicOptions = {}): Thread[] {
  const maxWords = options.maxWords ?? 6;
  const minMeetings = options.minMeetings ?? 2;
  const maxWordShare = options.maxWordShare ?? 0.6;
  const maxPhraseShare = options.maxPhraseShare ?? 0.9;
  const mergeOverlap = options.mergeOverlap ?? 0.6;
  const minTextMentions = options.minTextMentions ?? 2;

  const items: Item[] = collectItems(input);
  const meetingCount = new Set(items.map((i) => i.meetingKey)).size;
  const meta = metadataPhrases(input);
  const place = placeWords(input);
  const placeBound = (p: string) => {
    const w = p.split(" ");
    return isPlaceWord(w[0], place) || isPlaceWord(w[w.length - 1], place);
  };

  // 1. Every phrase of every item, with its best occurrence per item.
  const titleHits = new Map<number, string[]>();
  const stats = new Map<string, Stats>();
  items.forEach((item, idx) => {
    for (const f of item.fields) {
      const hits = phrases(f.text, maxWords);
      if (f.kind === "title") titleHits.set(idx, [...new Set(hits.map((h) => h.phrase))]);
      // In discussion text a passing mention is not membership: the phrase must recur there.
      let counts: Map<string, number> | null = null;
      let lineOf: Map<string, number> | null = null;
      if (f.kind === "text") {
        counts = new Map();
        for (const h of hits) counts.set(h.phrase, (counts.get(h.phrase) ?? 0) + 1);
        lineOf = new Map();
        const start = f.span?.startLine ?? 1;
        f.text.split("\n").forEach((ln, i) => {
          for (const h of phrases(ln, maxWords)) if (!lineOf!.has(h.phrase)) lineOf!.set(h.phrase, start + i);
        });
      }
      for (const h of hits) {
        let s = stats.get(h.phrase);
        if (!s) {
          s = {
            words: h.words,
            items: new Map(),
            meetings: new Set(),
            titled: new Set(),
            titledItems: new Map(),
            proper: 0,
            plain: 0,
            isolated: 0,
          };
          stats.set(h.phrase, s);
        }
        // A background paper is the title of an earlier report: it titles, it does not name.
        if (f.kind === "title" || f.kind === "background") s.titled.add(item.meetingKey);
        if (f.kind === "title" && item.kind !== "report") {
          const set = s.titledItems.get(item.meetingKey) ?? new Set<string>();
          set.add(`${item.kind}:${item.ref}`);
          s.titledItems.set(item.meetingKey, set);
        } else if (h.properCase) {
          s.proper++;
          if (h.isolated) s.isolated++;
        } else s.plain++;
        if (counts && (counts.get(h.phrase) ?? 0) < minTextMentions) continue;
        const at = lineOf?.get(h.phrase);
        const span = at !== undefined && f.span ? { startLine: at, endLine: at, page: f.span.page } : f.span;
        const occ: Occ = { field: f.kind, label: f.label, span };
        const prev = s.items.get(idx);
        if (!prev || better(occ, prev)) s.items.set(idx, occ);
        s.meetings.add(item.meetingKey);
      }
    }
  });

  const isCategory = (s: Stats) => {
    const per = [...s.titledItems.values()].map((set) => {
      const agenda = [...set].filter((x) => x.startsWith("agenda:")).length;
      return Math.max(agenda, set.size - agenda);
    });
    return per.length > 0 && per.filter((n) => n >= 2).length * 2 >= per.length;
  };
  const isNamed = (s: Stats) => s.proper > 0 && s.proper >= 1.5 * s.plain;

  // 2. Which phrases are distinctive enough to name a subject.
  const wordCap = meetingCount >= 6 ? Math.max(minMeetings, Math.floor(meetingCount * maxWordShare)) : meetingCount;
  const phraseCap = meetingCount >= 6 ? Math.max(minMeetings, Math.ceil(meetingCount * maxPhraseShare)) : meetingCount;
  const qualifying: string[] = [];
  for (const [p, s] of [...stats.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (s.meetings.size < minMeetings) continue;
    if (s.meetings.size > (s.words === 1 ? wordCap : phraseCap)) continue;
    if (s.titled.size === 0) continue;
    // A kind of item, not a subject: it titles several different items of the same meeting in most
    // meetings it titles ("Erection of a two-storey extension at …" on a planning agenda).
    if (isCategory(s)) continue;
    const named = isNamed(s);
    if (s.titled.size < 2 && !named) continue;
    if (placeBound(p) || meta.some((m) => containsPhrase(m, p))) continue;
    if (s.words === 1 && !canStandAlone(p)) continue;
    qualifying.push(p);
  }

  // 2b. A descriptor, not a subject: a phrase whose titles, in most of the meetings it titles, pair
  // it with other recurring phrases that change from meeting to meeting, three or more of them
  // ("Erection of a Two-Storey Extension" at one site after another). Subjects come back with the
  // same company or none.
  const qualifyingSet = new Set(qualifying);
  const titlePhrases = new Map<number, string[]>();
  const titleQualifying = (idx: number) => {
    let got = titlePhrases.get(idx);
    if (!got) {
      got = (titleHits.get(idx) ?? []).filter((q) => qualifyingSet.has(q));
      titlePhrases.set(idx, got);
    }
    return got;
  };
  const descriptors = new Set<string>();
  const wordsOf = new Map(qualifying.map((q) => [q, q.split(" ")]));
  for (const p of qualifying) {
    // Three partners in three different sets of meetings need three meetings at least.
    if (stats.get(p)!.titled.size < 3) continue;
    const words = new Set(wordsOf.get(p)!.filter((w) => canStandAlone(w)));
    const titledIdx = [...stats.get(p)!.items].filter(([, occ]) => occ.field === "title").map(([idx]) => idx);
    const company = new Map<string, Set<string>>();
    for (const idx of titledIdx)
      for (const q of titleQualifying(idx)) {
        if (wordsOf.get(q)!.some((w) => words.has(w))) continue;
        const set = company.get(q) ?? new Set<string>();
        set.add(items[idx].meetingKey);
        company.set(q, set);
      }
    const titledMeetings = new Set(titledIdx.map((idx) => items[idx].meetingKey)).size;
    // Company found in most of its titles is the rest of the same wording ("… transfer station");
    // the partners are the rest, one per distinct set of meetings (a site and its longer forms).
    const partners = new Map<string, Set<string>>();
    // Only company more particular than the phrase itself counts: "Brambury Relief Road" staged
    // through "Outcome of Consultation" and "Preferred Route", which recur everywhere, stays a subject.
    for (const [q, m] of company)
      if (m.size < 0.6 * titledMeetings && stats.get(q)!.titled.size < stats.get(p)!.titled.size)
        partners.set([...m].sort().join("|"), m);
    const reached = new Set([...partners.values()].flatMap((m) => [...m]));
    if (partners.size >= 3 && reached.size >= 0.6 * titledMeetings) descriptors.add(p);
  }

  // 3. Drop a phrase when a longer qualifying phrase containing it picks out exactly the same items.
  const sameItems = (a: Stats, b: Stats) =>
    a.items.size === b.items.size && [...a.items.keys()].every((k) => b.items.has(k));
  const subjects = qualifying.filter((p) => !descriptors.has(p));
  const closed = subjects.filter((p) => {
    const s = stats.get(p)!;
    return !subjects.some((q) => q !== p && q.length > p.length && containsPhrase(q, p) && sameItems(s, stats.get(q)!));
  });

  // 4. Score: each meeting counts by the strongest place the phrase appears there, weighted by rarity.
  const score = (p: string) => {
    const s = stats.get(p)!;
    const idf = Math.log(1 + meetingCount / s.meetings.size);
    const best = new Map<string, number>();
    for (const [idx, occ] of s.items) {
      const k = items[idx].meetingKey;
      best.set(k, Math.max(best.get(k) ?? 0, FIELD_WEIGHT[occ.field]));
    }
    let sum = 0;
    for (const w of best.values()) sum += w;
    return sum * idf * (1 + 0.25 * (s.words - 1));
  };
  const scored = closed.map((p) => ({ p, score: score(p) }));
  scored.sort((a, b) => b.score - a.score || (a.p < b.p ? -1 : a.p > b.p ? 1 : 0));

  // 5. Greedy grouping: a phrase joins the thread whose seed picks out nearly the same items.
  type Group = { seed: string; seedItems: Set<number>; phrases: string[]; score: number };
  const groups: Group[] = [];
  for (const { p, score: sc } of scored) {
    const its = new Set(stats.get(p)!.items.keys());
    let bestGroup: Group | null = null;
    let bestJ = 0;
    for (const g of groups) {
      const j = jaccard(its, g.seedItems);
      if (j > bestJ) {
        bestJ = j;
        bestGroup = g;
      }
    }
    // A single word joins a thread only where it names nothing else: it may not title an item in a
    // meeting the thread's seed never reached ("home" of "Help to Live at Home" titles "Care Home …").
    const sp = stats.get(p)!;
    const fits = (g: Group) => {
      if (sp.words > 1) return true;
      const seedMeetings = new Set([...g.seedItems].map((x) => items[x].meetingKey));
      return [...sp.items].every(
        ([idx, occ]) => g.seedItems.has(idx) || occ.field !== "title" || seedMeetings.has(items[idx].meetingKey),
      );
    };
    // A single word joins only when it is printed as a name ("Lightbulb") or is the head, the last
    // word, of the thread's seed ("library" of "delivery of library"); never "live" of "help to
    // live at home". Named counts only beyond the seed's own printings ("Live" is capitalised only
    // inside "Help to Live at Home"; "Lightbulb" also stands alone).
    const namedBeyond = (seed: Stats) => {
      const proper = sp.proper - seed.proper;
      return proper > 0 && proper >= 1.5 * Math.max(0, sp.plain - seed.plain);
    };
    const wordOk = (g: Group) =>
      sp.words > 1 ||
      g.seed.endsWith(` ${p}`) ||
      (containsPhrase(g.seed, p) ? namedBeyond(stats.get(g.seed)!) : isNamed(sp));
    // A shorter form of a seed ("lightbulb" of "lightbulb service") reaching all its items joins it.
    const shorter = groups.find(
      (g) => containsPhrase(g.seed, p) && wordOk(g) && [...g.seedItems].every((x) => its.has(x)) && fits(g),
    );
    if (bestGroup && bestJ >= mergeOverlap && fits(bestGroup) && wordOk(bestGroup)) bestGroup.phrases.push(p);
    else if (shorter) shorter.phrases.push(p);
    // Part of a phrase already followed does not open a thread of its own.
    else if (groups.some((g) => g.phrases.some((q) => q !== p && containsPhrase(q, p)))) continue;
    // A single word opens a thread of its own only when it is printed as a name ("Lightbulb")
    // and stands alone at least twice, not only inside longer names ("Policy" of "Charging Policy").
    else if (sp.words === 1 && !(isNamed(sp) && sp.isolated >= 2)) continue;
    else groups.push({ seed: p, seedItems: its, phrases: [p], score: sc });
  }

  // 6. Threads with members, evidence and chronological links.
  const threads: Thread[] = groups.map((g) => {
    const byItem = new Map<number, Evidence[]>();
    for (const p of g.phrases)
      for (const [idx, occ] of stats.get(p)!.items) {
        const list = byItem.get(idx) ?? [];
        list.push({ phrase: p, field: occ.field, label: occ.label, span: occ.span });
        byItem.set(idx, list);
      }
    const members: ThreadMember[] = [...byItem.entries()].map(([idx, evidence]) => {
      const it = items[idx];
      return {
        itemId: it.id,
        docId: it.docId,
        meetingKey: it.meetingKey,
        body: it.body,
        date: it.date,
        kind: it.kind,
        ref: it.ref,
        title: it.title,
        span: it.span,
        evidence,
      };
    });
    members.sort(compareMembers);
    const links: ThreadLink[] = [];
    members.forEach((m, i) => {
      let best: ThreadMember | null = null;
      let bestShared: string[] = [];
      for (let k = 0; k < i; k++) {
        const e = members[k];
        if (e.meetingKey === m.meetingKey || (e.date !== null && e.date === m.date)) continue;
        const shared = m.evidence.map((x) => x.phrase).filter((p) => e.evidence.some((y) => y.phrase === p));
        if (shared.length >= bestShared.length && shared.length > 0) {
          best = e;
          bestShared = shared;
        }
      }
      if (best) {
        const from = best;
        links.push({
          from: from.itemId,
          to: m.itemId,
          phrases: bestShared,
          why: bestShared.map((p) => `"${p}": ${describe(from, p)} → ${describe(m, p)}`).join("; "),
        });
      }
    });
    const meetings = [...new Set(members.map((m) => m.meetingKey))];
    const dates = members
      .map((m) => m.date)
      .filter((d): d is string => d !== null)
      .sort();
    return {
      id: `topic:${g.seed}`,
      label: displayLabel(labelPhrase(g.seed, g.phrases, byItem), members),
      key: g.seed,
      phrases: g.phrases,
      score: Math.round(g.score * 1000) / 1000,
      meetings,
      bodies: [...new Set(members.map((m) => m.body))].sort(),
      years: [...new Set(dates.map((d) => d.slice(0, 4)))].sort(),
      first: dates[0] ?? null,
      last: dates[dates.length - 1] ?? null,
      members,
      links,
    };
  });
  return threads.filter((t) => t.meetings.length >= minMeetings);
}
