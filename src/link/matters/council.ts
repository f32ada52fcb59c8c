/**
 * Which council each meeting belongs to, so matters are found within one council and never across
 * councils. A meeting's council is the authority its document states. A meeting whose document
 * does not say is placed only on evidence, which is kept: another meeting of the same document
 * names the council; or its committee's full name (three words or more, so not "Cabinet") belongs to
 * exactly one known council in the input; or its own titles and resolutions name the place of
 * exactly one known council ("Leicester and Leicestershire Strategic Growth Plan"). Otherwise it is
 * a council of its own ("unknown: <document>"), joined to nothing else. Pure.
 */
import type { LinkEntry, LinkInput } from "../index";
import { flattenClauses } from "../threads/items";

export type CouncilOf = { council: string; known: boolean; inferred: string | null };

const GENERIC_PLACE = new Set([
  "county",
  "city",
  "borough",
  "district",
  "town",
  "parish",
  "community",
  "council",
  "metropolitan",
  "royal",
  "london",
  "of",
  "and",
  "the",
  "upon",
]);

export function normCouncil(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function placeWords(authority: string): string[] {
  return normCouncil(authority)
    .split(" ")
    .filter((w) => w.length >= 3 && !GENERIC_PLACE.has(w));
}

function ownWords(e: LinkEntry): Set<string> {
  const m = e.meeting;
  const texts = [
    ...m.agenda.map((a) => a.title),
    ...m.minutes.flatMap((x) => [x.title, ...flattenClauses(x.resolutions ?? []).map((c) => c.text)]),
    ...m.reports.map((r) => r.title),
  ];
  const out = new Set<string>();
  for (const t of texts) for (const w of normCouncil(t).split(" ")) if (w) out.add(w);
  return out;
}

const bodyKey = (b: string) => normCouncil(b).replace(/^the /, "");

/** The council of every meeting key in the input, with the evidence when it was inferred. */
export function councils(input: LinkInput): Map<string, CouncilOf> {
  const out = new Map<string, CouncilOf>();
  const known = new Map<string, string>(); // normalised → as printed
  const byDoc = new Map<string, Set<string>>();
  const bodyCouncils = new Map<string, Set<string>>();
  for (const e of input) {
    const a = e.meeting.authority;
    if (!a) continue;
    const k = normCouncil(a);
    if (!known.has(k) || a < known.get(k)!) known.set(k, a);
    byDoc.set(e.docId, (byDoc.get(e.docId) ?? new Set()).add(k));
    const b = bodyKey(e.meeting.body);
    bodyCouncils.set(b, (bodyCouncils.get(b) ?? new Set()).add(k));
  }
  const places = [...known.keys()].map((k) => ({ k, words: placeWords(k) })).filter((p) => p.words.length);
  // A meeting key some entry names a council for takes the first such council in name order, so
  // the answer never depends on the order of the input.
  const stated = new Map<string, string>();
  for (const e of input) {
    const a = e.meeting.authority;
    if (!a) continue;
    const k = normCouncil(a);
    const prev = stated.get(e.meetingKey);
    if (prev === undefined || k < prev) stated.set(e.meetingKey, k);
  }
  for (const [key, k] of stated) out.set(key, { council: known.get(k)!, known: true, inferred: null });
  const firstDoc = new Map<string, string>();
  for (const e of input) {
    const d = firstDoc.get(e.meetingKey);
    if (d === undefined || e.docId < d) firstDoc.set(e.meetingKey, e.docId);
  }
  for (const e of input) {
    if (out.has(e.meetingKey) && out.get(e.meetingKey)!.known) continue;
    const sameDoc = byDoc.get(e.docId);
    if (sameDoc && sameDoc.size === 1) {
      const k = [...sameDoc][0];
      out.set(e.meetingKey, {
        council: known.get(k)!,
        known: true,
        inferred: `another meeting in ${e.docId} names it`,
      });
      continue;
    }
    const b = bodyKey(e.meeting.body);
    const byBody = bodyCouncils.get(b);
    if (b.split(" ").length >= 3 && byBody && byBody.size === 1) {
      const k = [...byBody][0];
      out.set(e.meetingKey, {
        council: known.get(k)!,
        known: true,
        inferred: `only ${known.get(k)} has a "${e.meeting.body}"`,
      });
      continue;
    }
    const words = ownWords(e);
    const hits = places.filter((p) => p.words.every((w) => words.has(w)));
    if (hits.length === 1) {
      out.set(e.meetingKey, {
        council: known.get(hits[0].k)!,
        known: true,
        inferred: `its titles name ${hits[0].words.join(" ")}`,
      });
      continue;
    }
    // A meeting spoken of by several documents is a council of its own named after the first of them in
    // name order, so the answer never depends on the order of the input.
    if (!out.has(e.meetingKey))
      out.set(e.meetingKey, { council: `unknown: ${firstDoc.get(e.meetingKey)}`, known: false, inferred: null });
  }
  return out;
}

/** The input split by council, each part in input order. */
export function byCouncil(input: LinkInput): Map<string, LinkInput> {
  const of = councils(input);
  const groups = new Map<string, LinkInput>();
  for (const e of input) {
    const c = of.get(e.meetingKey)!.council;
    const g = groups.get(c) ?? [];
    g.push(e);
    groups.set(c, g);
  }
  return groups;
}
