/**
 * The one entry point from the store's meetings to everything linked across them: topics (with their
 * stable ids), referrals, sums of money, data-quality flags and follow-ups, each council's meetings
 * linked among themselves. Pure and synchronous, with its input and output plain data (structured-
 * clonable), so a caller can run it off its own thread (the portal runs it in a worker and keeps
 * serving the previous result until this one is ready). What the linkers find may change inside
 * src/link; callers only call computeLinks.
 */
import type { FollowUp } from "./followups/followups";
import { findFollowUps } from "./followups/followups";
import type { LinkInput } from "./index";
import { findMatterLists, findTopics } from "./index";
import { findMoney, type MoneyMention } from "./money/money";
import { findQualityFlags, type QualityFlag } from "./quality/quality";
import { findReferrals, type Referral } from "./referrals/referrals";
import { topicIds } from "./threads/ids";

export type ComputeInput = {
  /** Every meeting as read from each document, with its text lines where the caller has them. */
  entries: LinkInput;
  /** The council each entry belongs to (same order as entries; null when unknown). */
  authorities: (string | null)[];
  /** When each council ("" for none) reached the store (its earliest document id): ids favour the earlier. */
  since: Record<string, number>;
  /** "Today" (YYYY-MM-DD) for follow-ups' due and overdue states. */
  today: string;
};

export type LinkedThread = ReturnType<typeof findTopics>[number] & { slug: string; authority: string | null };

export type LinkResult = {
  threads: LinkedThread[];
  referrals: Referral[];
  money: MoneyMention[];
  quality: QualityFlag[];
  followUps: FollowUp[];
  today: string;
};

/** Entries grouped by council ("" for none), in input order. */
export function groupByAuthority(entries: LinkInput, authorities: (string | null)[]): Map<string, LinkInput> {
  const groups = new Map<string, LinkInput>();
  entries.forEach((e, i) => {
    const a = authorities[i] ?? "";
    const g = groups.get(a) ?? [];
    g.push(e);
    groups.set(a, g);
  });
  return groups;
}

/** Every matter, even one met once, without mentions: what a follow-up's promise is checked against. */
export function everyMatter(entries: LinkInput): ReturnType<typeof findTopics> {
  return findTopics(entries, { minMeetings: 1, mentions: false });
}

export function computeLinks(input: ComputeInput): LinkResult {
  const byAuthority = groupByAuthority(input.entries, input.authorities);
  const groups = [...byAuthority.values()];
  // Matters are found over the whole input, each within its own council (src/link/matters/council);
  // the listed ones and every matter (what each council's follow-ups are checked against) from
  // one clustering.
  const [listed, matters] = findMatterLists(input.entries, [{}, { minMeetings: 1, mentions: false }]);
  const found = listed.map((t) => {
    const a = t.council.startsWith("unknown: ") ? "" : t.council;
    return { ...t, authority: a || null, since: input.since[a] };
  });
  // Ids from each topic's defining phrase (and council, when two share one), never its rank.
  const ids = topicIds(found);
  const threads = found.map((t, i) => ({ ...t, slug: ids[i] }));
  return {
    threads,
    referrals: groups.flatMap((g) => findReferrals(g)),
    money: groups.flatMap((g) => findMoney(g)),
    quality: groups.flatMap((g) => findQualityFlags(g)),
    followUps: groups.flatMap((g) => findFollowUps(g, { today: input.today, matters })),
    today: input.today,
  };
}
