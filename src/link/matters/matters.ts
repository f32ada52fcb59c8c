/**
 * Matters: the items of one council's meetings (agenda items, minutes, reports) grouped into the
 * subjects a scrutiny officer would follow from meeting to meeting, on evidence first:
 *   same-item   a report, its agenda item and its minute (one meeting, one agenda number or title);
 *   reference   the same forward plan or decision number printed on items of different meetings;
 *   cites       a background paper citing an earlier report by body and date that is in the input;
 *   citation    two items citing the same earlier report as an earlier stage of their own subject;
 *   referral    a resolution sending the matter to a body's meeting, and the item there that takes it;
 *   stage       the same title at another stage ("… – Outcome of Consultation", "Final Report of …");
 *   programme   a named programme a minute says its report presented ("the Lightbulb Programme
 *               Business Case") and an item titled with that name;
 * and only then similarity of titles (lemmatised, stage words and years removed, words weighted by
 * rarity) to join what evidence missed. Items are clustered, never phrases, and only within one
 * council. A mention in discussion, a resolution or a background paper outside a matter's items is
 * listed as "also mentioned in", never as membership. Labels come from the matter's own titles.
 * Pure: no I/O; the output is a function of the input alone.
 */
import type { Span } from "../../model/parse-v1";
import type { LinkInput } from "../index";
import { findDates } from "../referrals/dates";
import { findReferrals } from "../referrals/referrals";
import { collectItems, type Item, type ItemKind } from "../threads/items";
import { type Citation, readCitation } from "./citations";
import { byCouncil, normCouncil } from "./council";
import { lemmas } from "./lemma";
import { type Core, cores, datedHalves, isStagePart, stageOf, titleRefs } from "./stages";

export type MatterLinkKind =
  | "same-item"
  | "reference"
  | "cites"
  | "citation"
  | "referral"
  | "stage"
  | "programme"
  | "similar";

export type MatterOptions = {
  /** Fewest meetings a matter must span to be listed (default 2). */
  minMeetings?: number;
  /** Weighted title similarity at which two items join without other evidence (default 0.6). */
  similarity?: number;
  /** Look for mentions of each matter outside its items (default true). */
  mentions?: boolean;
};

export type MatterEvidence = { phrase: string; field: "title"; label: null; span: Span | null };

export type MatterMember = {
  itemId: string;
  docId: string;
  meetingKey: string;
  body: string;
  date: string | null;
  kind: ItemKind;
  ref: string;
  title: string;
  span: Span | null;
  evidence: MatterEvidence[];
};

export type MatterLink = { from: string; to: string; kind: MatterLinkKind; phrases: string[]; why: string };

export type Mention = {
  itemId: string;
  docId: string;
  meetingKey: string;
  body: string;
  date: string | null;
  kind: ItemKind;
  ref: string;
  title: string;
  field: string;
  span: Span | null;
};

/** An earlier report the matter's papers cite that is not itself in the input. */
export type CitedReport = Citation & { citedBy: string };

export type Matter = {
  id: string;
  council: string;
  label: string;
  key: string;
  phrases: string[];
  score: number;
  meetings: string[];
  bodies: string[];
  /** The years of its meetings; an undated meeting's year is read from the full dates its own papers print. */
  years: string[];
  first: string | null;
  last: string | null;
  members: MatterMember[];
  links: MatterLink[];
  history: CitedReport[];
  mentions: Mention[];
};

/** `why` is written only for the edges of a matter that is listed (most clusters are not). */
type Edge = { a: number; b: number; kind: MatterLinkKind; why: () => string };

class Sets {
  parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }
  union(a: number, b: number): void {
    const x = this.find(a);
    const y = this.find(b);
    if (x !== y) this.parent[Math.max(x, y)] = Math.min(x, y);
  }
}

/** Words that name a kind of paper or body, never a programme of its own. */
const GENERIC = new Set(
  "service programme project plan strategy report business case council county committee cabinet board review update policy fund funding scheme model new director chief executive department team partnership report".split(
    " ",
  ),
);

/** A forward plan or decision number as printed: "Forward Plan ref: FP/2017/012", "Key Decision No. KD 123". */
const REFERENCE =
  /\b(?:[Ff]orward\s+[Pp]lan|[Kk]ey\s+[Dd]ecision|[Dd]ecision)\s*(?:(?:[Rr]ef(?:erence)?\.?|[Nn]o\.|[Nn]umber)\s*:?\s*(\d{1,5}(?:\s?[/-]\s?\d{1,5})+|[A-Z]{1,5}\s?[/-]?\s?\d{2,5}(?:\s?[/-]\s?[A-Z0-9]{1,6}){0,3})|:?\s*([A-Z]{1,5}\s?[/-]?\s?\d{2,5}(?:\s?[/-]\s?[A-Z0-9]{1,6}){0,3}))\b/g;

const STAGE_RANK: Record<MatterLinkKind, number> = {
  "same-item": 0,
  reference: 0.5,
  cites: 1,
  citation: 2,
  referral: 3,
  stage: 4,
  programme: 5,
  similar: 6,
};

const describe = (it: Item) => `${it.ref} "${it.title}" (${it.body}, ${it.date ?? "undated"})`;

/** The opening sentence of a minute that says what report it considered ("… which presented the X"). */
function subjectNames(item: Item): string[] {
  const text = item.fields.find((f) => f.kind === "text")?.text;
  if (!text) return [];
  const head = text.replace(/\s+/g, " ").slice(0, 900);
  const m =
    /considered (?:a|an|the) (?:joint |exempt |further |supplementary )?report\b[^.]*?\b(?:which|that|concerning|regarding|seeking|on|about|setting out|presenting)\b([^.]{3,400})/.exec(
      head,
    );
  if (!m) return [];
  const out: string[] = [];
  // Runs of capitalised words (with "of", "and", "to", "at" inside) name things in running text.
  const re = /\b[A-Z][A-Za-z'’-]+(?:\s+(?:(?:of|and|to|at|for|the|in)\s+)*[A-Z][A-Za-z'’-]+)*/g;
  for (const r of m[1].matchAll(re)) out.push(r[0]);
  return out;
}

/** A core's distinct lemmas (first occurrence order), as a set, and their summed weight. */
type Prepared = { uniq: string[]; set: Set<string>; weights: number[]; sum: number };

/**
 * Weighted Dice of two cores' lemma sets. The sums are taken in the same order as over the two
 * lemma lists themselves, so the result is the same to the last bit.
 */
function weightedDice(a: Prepared, b: Prepared): number {
  let inter = 0;
  for (let k = 0; k < a.uniq.length; k++) if (b.set.has(a.uniq[k])) inter += a.weights[k];
  let total = a.sum;
  for (const w of b.weights) total += w;
  return total ? (2 * inter) / total : 0;
}

function compareMembers(a: MatterMember, b: MatterMember): number {
  const da = a.date ?? "9999";
  const db = b.date ?? "9999";
  if (da !== db) return da < db ? -1 : 1;
  if (a.meetingKey !== b.meetingKey) return a.meetingKey < b.meetingKey ? -1 : 1;
  if (a.itemId !== b.itemId) return a.itemId < b.itemId ? -1 : 1;
  return 0;
}

/** A title's subject as printed: the part that is not a stage, years and trailing stage words taken off. */
function printedSubject(title: string): string {
  const mixed = title === title.toUpperCase() ? title.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase()) : title;
  const parts = mixed.split(/\s+[-–—]\s+|:\s+/);
  let s = parts.length > 1 && parts.slice(1).some(isStagePart) ? parts[0] : mixed;
  s = s
    .replace(/\b(?:(?:19|20)\d\d(?:\s*[/–—-]\s*(?:19|20)?\d\d)?|[Qq]uarter \d)\b/g, "")
    .replace(/^(?:Final Report of (?:the )?Scrutiny Review Panel on |Update on |Future Strategy for the )/i, "")
    .replace(/\s+(?:Business Case|Proposals?|Refresh|Update)$/i, "")
    .replace(/\s+(?:to|and|-|–)\s*$/i, "")
    .replace(/\s+/g, " ")
    .trim();
  return s || title;
}

/**
 * One council's items clustered once, then listed for each of `lists` (which share one similarity
 * threshold): the listed matters and every matter (for follow-ups) come from the same clusters.
 */
function mattersOfCouncil(council: string, input: LinkInput, lists: MatterOptions[]): Matter[][] {
  const threshold = lists[0]?.similarity ?? 0.6;
  const items = collectItems(input);
  const n = items.length;
  const place = new Set(normCouncil(input.find((e) => e.meeting.authority)?.meeting.authority ?? "").split(" "));
  const placeLemma = (l: string) =>
    place.has(l) || (l.length >= 5 && [...place].some((p) => p.length > l.length && p.startsWith(l)));
  const coreOf: Core[][] = items.map((it) => cores(it.title, placeLemma));
  const meetingOf = (i: number) => items[i].meetingKey;

  // Rarity of each lemma: in how many meetings' titles it appears.
  const df = new Map<string, Set<string>>();
  items.forEach((it, i) => {
    for (const c of coreOf[i]) for (const l of c.lemmas) df.set(l, (df.get(l) ?? new Set()).add(it.meetingKey));
  });
  const meetingCount = new Set(items.map((it) => it.meetingKey)).size || 1;
  const weights = new Map<string, number>();
  const weight = (l: string) => {
    let w = weights.get(l);
    if (w === undefined) {
      w = Math.log(1 + meetingCount / (df.get(l)?.size ?? 1));
      weights.set(l, w);
    }
    return w;
  };
  // Each core's lemma set and weights, prepared once (titles are compared many times over).
  const prepared = new Map<Core, Prepared>();
  const prep = (c: Core): Prepared => {
    let p = prepared.get(c);
    if (!p) {
      const set = new Set(c.lemmas);
      const uniq = [...set];
      const ws = uniq.map(weight);
      let sum = 0;
      for (const w of ws) sum += w;
      p = { uniq, set, weights: ws, sum };
      prepared.set(c, p);
    }
    return p;
  };
  const sim = (a: Core[], b: Core[]) => {
    let best = 0;
    for (const x of a) for (const y of b) best = Math.max(best, weightedDice(prep(x), prep(y)));
    return best;
  };

  // The year of an undated meeting, read from its own papers: the year most of the full dates they
  // print fall in (later on a tie). Minutes printed without their date still say "5 December 2018".
  const yearOfUndated = new Map<string, string>();
  {
    const counts = new Map<string, Map<string, number>>();
    for (const it of items) {
      if (it.date) continue;
      const c = counts.get(it.meetingKey) ?? new Map<string, number>();
      counts.set(it.meetingKey, c);
      for (const f of it.fields)
        for (const d of findDates(f.text))
          if (d.precision === "day") c.set(d.start.slice(0, 4), (c.get(d.start.slice(0, 4)) ?? 0) + 1);
    }
    for (const [key, c] of counts) {
      const best = [...c].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0];
      if (best) yearOfUndated.set(key, best[0]);
    }
  }

  const edges: Edge[] = [];
  const sets = new Sets(n);
  const link = (a: number, b: number, kind: MatterLinkKind, why: () => string) => {
    if (a === b) return;
    edges.push({ a, b, kind, why });
    sets.union(a, b);
  };

  // 1. A report, its agenda item and its minute: one meeting, one agenda number (or one title).
  const byMeeting = new Map<string, number[]>();
  items.forEach((it, i) => {
    const list = byMeeting.get(it.meetingKey);
    if (list) list.push(i);
    else byMeeting.set(it.meetingKey, [i]);
  });
  const norm = (s: string | null) =>
    (s ?? "")
      .toLowerCase()
      .replace(/^(?:agenda\s+)?item\s+/, "")
      .replace(/[^a-z0-9]/g, "");
  for (const idxs of byMeeting.values())
    for (let x = 0; x < idxs.length; x++)
      for (let y = x + 1; y < idxs.length; y++) {
        const i = idxs[x];
        const j = idxs[y];
        if (items[i].kind === items[j].kind) continue;
        const sameNumber = items[i].agendaNumber && norm(items[i].agendaNumber) === norm(items[j].agendaNumber);
        const s = sim(coreOf[i], coreOf[j]);
        if (sameNumber && s > 0)
          link(
            i,
            j,
            "same-item",
            () => `${describe(items[i])} and ${describe(items[j])} are agenda item ${items[i].agendaNumber}`,
          );
        else if (!sameNumber && s >= 0.999)
          link(i, j, "same-item", () => `${describe(items[i])} and ${describe(items[j])} carry the same title`);
      }

  // Items by date and by title lemma, so each comparison below looks only at items that could match.
  const byDate = new Map<string, number[]>();
  const byLemma = new Map<string, number[]>();
  items.forEach((it, i) => {
    if (it.date) {
      const list = byDate.get(it.date);
      if (list) list.push(i);
      else byDate.set(it.date, [i]);
    }
    for (const l of new Set(coreOf[i].flatMap((c) => c.lemmas))) {
      const list = byLemma.get(l);
      if (list) list.push(i);
      else byLemma.set(l, [i]);
    }
  });

  // 1b. Forward plan and decision numbers ("Forward Plan ref: FP/2017/012", "Key Decision KD123").
  const byReference = new Map<string, number[]>();
  items.forEach((it, i) => {
    for (const f of it.fields)
      for (const r of f.text.matchAll(REFERENCE)) {
        const key = (r[1] ?? r[2]).toUpperCase().replace(/\s+/g, "");
        const list = byReference.get(key);
        if (list && !list.includes(i)) list.push(i);
        else if (!list) byReference.set(key, [i]);
      }
  });
  for (const [ref, idxs] of byReference)
    for (let k = 1; k < idxs.length; k++)
      if (meetingOf(idxs[k]) !== meetingOf(idxs[0]))
        link(
          idxs[0],
          idxs[k],
          "reference",
          () => `${describe(items[idxs[0]])} and ${describe(items[idxs[k]])} both print the reference ${ref}`,
        );

  // 2. Background papers: citations of earlier reports by body and date.
  const bodies = [...new Set(input.map((e) => e.meeting.body))].sort((a, b) => b.length - a.length);
  const history = new Map<number, CitedReport[]>();
  const citedKey = new Map<string, number[]>();
  items.forEach((it, i) => {
    for (const f of it.fields) {
      if (f.kind !== "background") continue;
      const c = readCitation(f.text, bodies);
      if (!c?.title) continue;
      const cc = cores(c.title, placeLemma);
      if (!cc.length) continue;
      // An earlier stage of this item's own subject, not a paper it merely draws on (a budget, an Act).
      const own = sim(cc, coreOf[i]) >= 0.34;
      const target =
        c.date && c.body
          ? (byDate.get(c.date) ?? [])
              .map((j) => ({ x: items[j], j }))
              .filter(
                ({ x }) => x.date === c.date && normCouncil(x.body).includes(normCouncil(c.body!).replace(/^the /, "")),
              )
          : [];
      const best = target
        .map(({ j }) => ({ j, s: sim(cc, coreOf[j]) }))
        .filter((t) => t.s >= 0.5)
        .sort((a, b) => b.s - a.s)[0];
      if (best && own)
        link(i, best.j, "cites", () => `${describe(it)} cites "${c.asPrinted.trim()}" as a background paper`);
      else if (own) {
        const list = history.get(i) ?? [];
        list.push({ ...c, citedBy: it.id });
        history.set(i, list);
      }
      if (own && c.body) {
        const key = `${normCouncil(c.body)}|${c.date ?? ""}|${cc[0].key}`;
        const list = citedKey.get(key);
        if (list) list.push(i);
        else citedKey.set(key, [i]);
      }
    }
  });
  for (const [key, idxs] of citedKey) {
    const distinct = [...new Set(idxs)];
    for (let k = 1; k < distinct.length; k++)
      if (meetingOf(distinct[k]) !== meetingOf(distinct[0]))
        link(
          distinct[0],
          distinct[k],
          "citation",
          () =>
            `${describe(items[distinct[0]])} and ${describe(items[distinct[k]])} both cite the earlier report "${key.split("|").slice(2).join(" ")}" (${key.split("|")[0]}${key.split("|")[1] ? `, ${key.split("|")[1]}` : ""}) as a stage of their subject`,
        );
  }

  // 3. Referrals: a resolution sending the matter to a meeting, and the item there that takes it up.
  const minuteAt = new Map<string, number>();
  items.forEach((it, i) => {
    if (it.kind === "minute") minuteAt.set(`${it.docId}|${it.meetingKey}|${it.ref}`, i);
  });
  // Each minute's key under every prefix of it that ends at a "|", in the order above, so a
  // referral looks only at the minutes whose key starts with its document and meeting.
  const minutesUnder = new Map<string, [string, number][]>();
  for (const [k, i] of minuteAt)
    for (let at = k.indexOf("|"); at >= 0; at = k.indexOf("|", at + 1)) {
      const prefix = k.slice(0, at + 1);
      const list = minutesUnder.get(prefix);
      if (list) list.push([k, i]);
      else minutesUnder.set(prefix, [[k, i]]);
    }
  for (const r of findReferrals(input)) {
    if (!r.to.meetingKey) continue;
    // The minute's ref is what follows its document and meeting (meeting keys hold "|" themselves).
    const under = `${r.from.docId}|${r.from.meetingKey}|`;
    const from = (minutesUnder.get(under) ?? []).find(([k]) => r.from.ref.startsWith(k.slice(under.length)))?.[1];
    if (from === undefined) continue;
    const best = (byMeeting.get(r.to.meetingKey) ?? [])
      .map((j) => ({ j, s: sim(coreOf[from], coreOf[j]) }))
      .filter((t) => t.s >= 0.5)
      .sort((a, b) => b.s - a.s)[0];
    if (best)
      link(
        from,
        best.j,
        "referral",
        () =>
          `${r.from.ref} sends it to ${r.to.body}${r.to.date ? ` on ${r.to.date}` : ""}, where ${describe(items[best.j])} takes it up`,
      );
  }

  // 4. The same subject at another stage: equal cores once stage words and years are off.
  const byCore = new Map<string, number[]>();
  coreOf.forEach((cs, i) => {
    for (const c of cs)
      if (c.lemmas.length >= 2 || (c.lemmas.length === 1 && !GENERIC.has(c.key))) {
        const list = byCore.get(c.key);
        if (list) list.push(i);
        else byCore.set(c.key, [i]);
      }
  });
  for (const [key, idxs] of byCore)
    for (let k = 1; k < idxs.length; k++)
      if (meetingOf(idxs[k]) !== meetingOf(idxs[0]))
        link(
          idxs[0],
          idxs[k],
          "stage",
          () =>
            `"${items[idxs[0]].title}" and "${items[idxs[k]].title}" are one subject ("${key}")${stageOf(items[idxs[k]].title) ? ` at the stage "${stageOf(items[idxs[k]].title)}"` : ""}`,
        );

  // 5. Named programmes: the report a minute says it considered names the programme ("the Lightbulb
  // Programme Business Case"); an item in another meeting titled with the same rare name joins it.
  const programmeOf = new Map<number, string>();
  // The items titled with each name (a programme's name recurs in minute after minute).
  const titledWith = new Map<string, number[]>();
  items.forEach((it, i) => {
    if (it.kind !== "minute") return;
    for (const name of subjectNames(it)) {
      // A department, a committee or an officer is not a programme.
      if (
        /\b(?:department|directorate|committee|council|cabinet|board|panel|commission|director|officer)s?$/i.test(name)
      )
        continue;
      let titled = titledWith.get(name);
      if (!titled) {
        titled = [];
        const all = lemmas(name).filter((l) => !placeLemma(l));
        const ls = new Set(all.filter((l) => !GENERIC.has(l)));
        if (all.length >= 2 && ls.size) {
          // The name and the other item's subject carry the same particular words ("Lightbulb" of
          // "Lightbulb Programme Business Case" and "Lightbulb Service"), not merely one in common.
          const named = (c: Core) => {
            const own = [...new Set(c.lemmas.filter((l) => !GENERIC.has(l)))];
            const shared = own.filter((l) => ls.has(l)).length;
            return own.length > 0 && shared === own.length && (2 * shared) / (own.length + ls.size) >= 0.5;
          };
          const candidates = new Set([...ls].flatMap((l) => byLemma.get(l) ?? []));
          titled = [...candidates].sort((a, b) => a - b).filter((j) => coreOf[j].some(named));
        }
        titledWith.set(name, titled);
      }
      for (const j of titled) {
        if (meetingOf(j) === it.meetingKey) continue;
        // Every minute that names the programme against every item titled with it would be
        // evidence growing with the square of the archive (264,501 links at 1,000 meetings); a link
        // is kept only where it joins items not yet in one matter, so the matters are the same.
        if (sets.find(i) !== sets.find(j))
          link(
            i,
            j,
            "programme",
            () => `${describe(it)} considered the report presenting "${name}"; ${describe(items[j])} is titled with it`,
          );
        programmeOf.set(i, name);
        programmeOf.set(j, name);
      }
    }
  });

  // 6. Similar titles, for what evidence missed.
  // Two titles can reach the threshold only by sharing a word that is not in most titles; a word
  // printed in a quarter of the meetings or more (and in 50 titles or more) is not used to look.
  const common = (l: string) => (byLemma.get(l)?.length ?? 0) >= 50 && (df.get(l)?.size ?? 0) * 4 >= meetingCount;
  const short = coreOf.map((cs) => cs.every((c) => c.lemmas.length < 2));
  // Two items are near when a word of one's titles that is not common is in the other's.
  const lemmaSet = coreOf.map((cs) => new Set(cs.flatMap((c) => c.lemmas)));
  // Titles printing different reference codes (two planning applications at one site) are never similar.
  const refsOf = items.map((it) => titleRefs(it.title));
  const otherRefs = (i: number, j: number) =>
    refsOf[i].length > 0 && refsOf[j].length > 0 && !refsOf[i].some((r) => refsOf[j].includes(r));
  const near = (i: number, j: number) =>
    !otherRefs(i, j) && coreOf[i].some((c) => c.lemmas.some((l) => !common(l) && lemmaSet[j].has(l)));
  const similar = (i: number, j: number) => {
    if (meetingOf(i) === meetingOf(j) || sets.find(i) === sets.find(j)) return;
    if (short[i] || short[j] || !near(i, j)) return;
    const s = sim(coreOf[i], coreOf[j]);
    if (s >= threshold)
      link(i, j, "similar", () => `"${items[i].title}" and "${items[j].title}" have similar titles (${s.toFixed(2)})`);
  };
  // Pairs are taken in order (i, then j above it) either way, so the same pairs join; only which
  // pairs are looked at differs. Items with the same cores (a title printed at meeting after
  // meeting) form one class, compared once with each other class. Weighted Dice reaches t only if
  // the shared weight is at least t / (2 - t) of either core's weight; with the lemmas ordered
  // rarest first, the first lemma two such cores share lies in both cores' prefixes (the shortest
  // run whose tail weighs less than that), so only classes sharing a prefix lemma are compared.
  // A class whose items are all in one matter already (as a recurring title's are) is passed over
  // at once by an item of that matter: none of its items could join.
  if (threshold > 0 && threshold <= 1) {
    const rank = (a: string, b: string) => weight(b) - weight(a) || (a < b ? -1 : a > b ? 1 : 0);
    // A little slack, so rounding in the sums never drops a pair that reaches t.
    const share = (threshold / (2 - threshold)) * (1 - 1e-9);
    const prefixOf = (c: Core): string[] => {
      const sorted = [...new Set(c.lemmas)].sort(rank);
      let total = 0;
      for (const l of sorted) total += weight(l);
      const need = share * total;
      const out: string[] = [];
      let tail = total;
      for (const l of sorted) {
        if (tail < need) break;
        out.push(l);
        tail -= weight(l);
      }
      return out;
    };
    type Class = { items: number[]; prefix: Set<string>; whole: boolean; passing?: { c: Class; s: number }[] };
    const classes = new Map<string, Class>();
    const classOf: Class[] = [];
    for (let i = 0; i < n; i++) {
      const sig = coreOf[i].map((c) => c.key).join("\u0001");
      let c = classes.get(sig);
      if (!c) {
        c = { items: [], prefix: new Set(coreOf[i].flatMap(prefixOf)), whole: false };
        classes.set(sig, c);
      }
      c.items.push(i);
      classOf.push(c);
    }
    const byPrefix = new Map<string, Class[]>();
    for (const c of classes.values()) {
      if (short[c.items[0]]) continue;
      for (const l of c.prefix) {
        const list = byPrefix.get(l);
        if (list) list.push(c);
        else byPrefix.set(l, [c]);
      }
    }
    // The classes a class's titles reach the threshold with (and near), with their similarity.
    const passing = (a: Class) => {
      if (!a.passing) {
        const i = a.items[0];
        const seen = new Set<Class>();
        a.passing = [];
        for (const l of a.prefix)
          for (const b of byPrefix.get(l) ?? []) {
            if (seen.has(b)) continue;
            seen.add(b);
            const j = b.items[0];
            if (!near(i, j)) continue;
            const s = sim(coreOf[i], coreOf[j]);
            if (s >= threshold) a.passing.push({ c: b, s });
          }
      }
      return a.passing;
    };
    const inOneMatter = (c: Class) => {
      if (!c.whole) {
        const root = sets.find(c.items[0]);
        c.whole = c.items.every((j) => sets.find(j) === root);
      }
      return c.whole;
    };
    for (let i = 0; i < n; i++) {
      if (short[i]) continue;
      const got: { j: number; s: number }[] = [];
      for (const { c, s } of passing(classOf[i])) {
        const last = c.items[c.items.length - 1];
        if (last <= i) continue;
        if (inOneMatter(c) && sets.find(c.items[0]) === sets.find(i)) continue;
        // The class's items above i (its items are in ascending order).
        let lo = 0;
        let hi = c.items.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (c.items[mid] <= i) lo = mid + 1;
          else hi = mid;
        }
        for (let k = lo; k < c.items.length; k++) got.push({ j: c.items[k], s });
      }
      got.sort((a, b) => a.j - b.j);
      for (const { j, s } of got) {
        if (meetingOf(i) === meetingOf(j) || sets.find(i) === sets.find(j)) continue;
        link(
          i,
          j,
          "similar",
          () => `"${items[i].title}" and "${items[j].title}" have similar titles (${s.toFixed(2)})`,
        );
      }
    }
  } else
    for (let i = 0; i < n; i++) {
      const candidates = new Set<number>();
      for (const c of coreOf[i])
        for (const l of c.lemmas) if (!common(l)) for (const j of byLemma.get(l) ?? []) if (j > i) candidates.add(j);
      for (const j of [...candidates].sort((a, b) => a - b)) similar(i, j);
    }

  // Matters from the clusters.
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = sets.find(i);
    const list = groups.get(root);
    if (list) list.push(i);
    else groups.set(root, [i]);
  }
  // Each edge joins two items of one cluster: the edges of each, in the order they were found.
  const edgesOf = new Map<number, Edge[]>();
  for (const e of edges) {
    const root = sets.find(e.a);
    const list = edgesOf.get(root);
    if (list) list.push(e);
    else edgesOf.set(root, [e]);
  }
  return lists.map((options) => listMatters(options));

  function listMatters(options: MatterOptions): Matter[] {
    const minMeetings = options.minMeetings ?? 2;
    const out: Matter[] = [];
    for (const [root, idxs] of groups) {
      const meetings = [...new Set(idxs.map(meetingOf))];
      if (meetings.length < minMeetings) continue;
      // Label: the core its titles share most (a programme's name first), printed from the earliest
      // title in mixed case that carries it, so later meetings do not rename the matter.
      // Every core of a title counts (a title naming two papers shares its second with another
      // item); a title's first core wins a tie.
      const count = new Map<string, { n: number; first: number; titles: { title: string; date: string }[] }>();
      for (const i of idxs)
        coreOf[i].forEach((c, k) => {
          const got = count.get(c.key) ?? { n: 0, first: 0, titles: [] };
          got.n++;
          if (k === 0) got.first++;
          got.titles.push({ title: items[i].title, date: items[i].date ?? "9999" });
          count.set(c.key, got);
        });
      const programme = idxs.map((i) => programmeOf.get(i)).find((p) => p !== undefined);
      const lead = programme !== undefined ? (lemmas(programme)[0] ?? "\0") : "\0";
      const ranked = [...count]
        .filter(([, v]) => v.first > 0 || v.n > 1)
        .sort(
          (a, b) =>
            Number(b[0].startsWith(lead)) - Number(a[0].startsWith(lead)) ||
            b[1].n - a[1].n ||
            b[1].first - a[1].first ||
            (a[0] < b[0] ? -1 : 1),
        );
      const upper = (t: string) => t === t.toUpperCase();
      const earliest = ranked[0]?.[1].titles.sort(
        (a, b) => Number(upper(a.title)) - Number(upper(b.title)) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0),
      )[0];
      // Titles with no words left (a bare number) still make a matter, named by the first title.
      const key = ranked[0]?.[0] ?? items[idxs[0]].title.toLowerCase();
      const top = { title: earliest?.title ?? items[idxs[0]].title };
      const members: MatterMember[] = idxs.map((i) => {
        const it = items[i];
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
          // The subject as its own title prints it ("help to live at home"), for saying why it is here.
          evidence: [
            {
              phrase: printedSubject(it.title).toLowerCase().replace(/\s+/g, " ").trim(),
              field: "title" as const,
              label: null,
              span: it.span,
            },
          ],
        };
      });
      members.sort(compareMembers);
      // The first member carrying each item id (as a search of the sorted members would find it).
      const memberOf = new Map<string, MatterMember>();
      for (const m of members) if (!memberOf.has(m.itemId)) memberOf.set(m.itemId, m);
      const links: MatterLink[] = [...(edgesOf.get(root) ?? [])]
        .sort((x, y) => STAGE_RANK[x.kind] - STAGE_RANK[y.kind])
        .map((e) => {
          const [p, q] =
            compareMembers(memberOf.get(items[e.a].id)!, memberOf.get(items[e.b].id)!) <= 0 ? [e.a, e.b] : [e.b, e.a];
          return {
            from: items[p].id,
            to: items[q].id,
            kind: e.kind,
            phrases: [...new Set([...coreOf[p], ...coreOf[q]].map((c) => c.key))],
            why: e.why(),
          };
        });
      const dates = members
        .map((m) => m.date)
        .filter((d): d is string => d !== null)
        .sort();
      const hist = idxs.flatMap((i) => history.get(i) ?? []);
      // Printed from the part of the title that carries the chosen core (one of two dated papers).
      const halves = datedHalves(top.title);
      const part =
        halves && ranked[0] && cores(top.title, placeLemma)[0]?.key !== ranked[0][0]
          ? halves.find((h) => cores(h, placeLemma).some((c) => c.key === ranked[0][0]))
          : undefined;
      const label = printedSubject(part ?? top.title);
      // The key (and so the address) is the label as printed, lower case; the phrases are every
      // member's subject as printed, for finding a matter by the words its papers use.
      const printedKey = label.toLowerCase().replace(/\s+/g, " ").trim() || key;
      out.push({
        id: `topic:${printedKey}`,
        council,
        label,
        key: printedKey,
        phrases: [
          printedKey,
          ...[...new Set(idxs.map((i) => printedSubject(items[i].title).toLowerCase().replace(/\s+/g, " ").trim()))]
            .filter((p) => p && p !== printedKey)
            .sort(),
        ],
        score: meetings.length * 10 + idxs.length,
        meetings,
        bodies: [...new Set(members.map((m) => m.body))].sort(),
        years: [
          ...new Set([
            ...dates.map((d) => d.slice(0, 4)),
            ...members.flatMap((m) => (m.date ? [] : (yearOfUndated.get(m.meetingKey) ?? []))),
          ]),
        ].sort(),
        first: dates[0] ?? null,
        last: dates[dates.length - 1] ?? null,
        members,
        links,
        history: hist,
        mentions: [],
      });
    }

    // Also mentioned in: items outside a matter whose other fields name its subject.
    if (options.mentions !== false && out.length) {
      const itemIndex = new Map(items.map((it, i) => [it.id, i]));
      const fieldLemmas = items.map((it) =>
        it.fields
          .filter((f) => f.kind !== "title")
          .map((f) => ({ kind: f.kind, span: f.span, text: ` ${lemmas(f.text).join(" ")} ` })),
      );
      // Which items' other fields carry each lemma, so a matter looks only where its words are.
      const fieldsWith = new Map<string, number[]>();
      fieldLemmas.forEach((fs, i) => {
        for (const l of new Set(fs.flatMap((f) => f.text.trim().split(" ")))) {
          if (!l) continue;
          const list = fieldsWith.get(l);
          if (list) list.push(i);
          else fieldsWith.set(l, [i]);
        }
      });
      for (const m of out) {
        const inside = new Set(m.members.map((x) => itemIndex.get(x.itemId)!));
        const keys = [...new Set(m.members.flatMap((x) => coreOf[itemIndex.get(x.itemId)!].map((c) => c.key)))].filter(
          (k) => k.split(" ").length >= 2 || !GENERIC.has(k),
        );
        // Candidates: the items carrying the rarest word of each key.
        const near = new Set<number>();
        for (const k of keys) {
          const words = k.split(" ");
          let rarest: number[] | undefined;
          for (const w of words) {
            const list = fieldsWith.get(w) ?? [];
            if (!rarest || list.length < rarest.length) rarest = list;
          }
          for (const i of rarest ?? []) near.add(i);
        }
        for (const i of [...near].sort((a, b) => a - b)) {
          if (inside.has(i)) continue;
          const hit = fieldLemmas[i].find((f) => keys.some((k) => f.text.includes(` ${k} `)));
          if (!hit) continue;
          const it = items[i];
          m.mentions.push({
            itemId: it.id,
            docId: it.docId,
            meetingKey: it.meetingKey,
            body: it.body,
            date: it.date,
            kind: it.kind,
            ref: it.ref,
            title: it.title,
            field: hit.kind,
            span: hit.span,
          });
        }
      }
    }
    return out;
  }
}

/** Every council's matters, found within each council alone, most-followed first. */
export function findMatters(input: LinkInput, options: MatterOptions = {}): Matter[] {
  return findMatterLists(input, [options])[0];
}

/**
 * The matters for each of several options at once (the portal's listed matters and the every-item
 * matters follow-ups are checked against), each council's items clustered once for all options
 * that share a similarity threshold. Each list is what findMatters gives for its options.
 */
export function findMatterLists(input: LinkInput, lists: MatterOptions[]): Matter[][] {
  const out: Matter[][] = lists.map(() => []);
  const thresholds = [...new Set(lists.map((o) => o.similarity ?? 0.6))];
  for (const [council, group] of byCouncil(input))
    for (const t of thresholds) {
      const at = lists.flatMap((o, k) => ((o.similarity ?? 0.6) === t ? [k] : []));
      const found = mattersOfCouncil(
        council,
        group,
        at.map((k) => lists[k]),
      );
      at.forEach((k, x) => {
        for (const m of found[x]) out[k].push(m);
      });
    }
  for (const list of out)
    list.sort(
      (a, b) =>
        b.meetings.length - a.meetings.length ||
        b.members.length - a.members.length ||
        (a.first ?? "").localeCompare(b.first ?? "") ||
        a.council.localeCompare(b.council) ||
        a.key.localeCompare(b.key),
    );
  return out;
}
