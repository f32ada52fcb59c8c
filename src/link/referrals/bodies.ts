/**
 * Names of receiving bodies inside resolution text ("the Cabinet", "the County Council", "the
 * Children and Families Overview and Scrutiny Committee", "the Department for Transport"), read as
 * a run of capitalised words, and comparison of body names across documents.
 */

const BODY_HEADS = new Set([
  "cabinet",
  "council",
  "committee",
  "sub-committee",
  "commission",
  "board",
  "forum",
  "panel",
  "executive",
  "assembly",
  "partnership",
  "authority",
  "group",
]);
const BODY_OPENERS = new Set(["department", "secretary", "government"]);
const CONNECTORS = new Set(["and", "of", "for", "&", "on"]);

export type BodyMention = { name: string; index: number; end: number };

type Word = { text: string; start: number; end: number };

function wordsFrom(text: string, from: number, limit: number): Word[] {
  const out: Word[] = [];
  let i = from;
  while (i < text.length && out.length < limit) {
    while (i < text.length && text[i] === " ") i++;
    const start = i;
    while (i < text.length && /[A-Za-z'’&-]/.test(text[i])) i++;
    if (i === start) break;
    out.push({ text: text.slice(start, i), start, end: i });
  }
  return out;
}

const isCap = (w: string) => w[0] !== undefined && w[0] !== w[0].toLowerCase();

/** The body named at `from` (after an optional "the"/"its"), or null when the words there are not a body. */
export function bodyAt(text: string, from: number): BodyMention | null {
  let words = wordsFrom(text, from, 14);
  while (words.length && /^(the|its|their|that|this)$/i.test(words[0].text)) words = words.slice(1);
  const run: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (isCap(w.text)) run.push(w);
    else if (CONNECTORS.has(w.text.toLowerCase()) && run.length && words[i + 1] && isCap(words[i + 1].text))
      run.push(w);
    else break;
  }
  while (run.length && CONNECTORS.has(run[run.length - 1].text.toLowerCase())) run.pop();
  if (!run.length) return null;
  // A run of capitals broken by punctuation in the source ends there.
  let cut = run.length;
  for (let i = 1; i < run.length; i++)
    if (/[,;:.()]/.test(text.slice(run[i - 1].end, run[i].start))) cut = Math.min(cut, i);
  const kept = run.slice(0, cut);
  const last = kept[kept.length - 1].text.toLowerCase().replace(/['’]s$/, "");
  const first = kept[0].text.toLowerCase();
  if (!BODY_HEADS.has(last) && !BODY_OPENERS.has(first)) return null;
  return {
    name: text.slice(kept[0].start, kept[kept.length - 1].end),
    index: kept[0].start,
    end: kept[kept.length - 1].end,
  };
}

/** The body named just before `at`, ending there ("… the County Council be recommended"). */
export function bodyBefore(text: string, at: number): BodyMention | null {
  // Walk back over up to 12 words, then read forward from each candidate start.
  const starts: number[] = [];
  let i = at;
  for (let n = 0; n < 12 && i > 0; n++) {
    while (i > 0 && text[i - 1] === " ") i--;
    const end = i;
    while (i > 0 && /[A-Za-z'’&-]/.test(text[i - 1])) i--;
    if (i === end) break;
    starts.push(i);
  }
  let best: BodyMention | null = null;
  for (const s of starts) {
    const b = bodyAt(text, s);
    if (b && b.end === trimEnd(text, at)) best = b;
  }
  return best;
}

function trimEnd(text: string, at: number): number {
  let i = at;
  while (i > 0 && text[i - 1] === " ") i--;
  return i;
}

/** Lower case, "the" and punctuation dropped: for comparing body names. */
export function normBody(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9& ]+/g, " ")
    .split(" ")
    .filter((w) => w && w !== "the")
    .join(" ");
}

const normCache = new Map<string, string>();
function normBodyCached(name: string): string {
  let n = normCache.get(name);
  if (n === undefined) {
    n = normBody(name);
    if (normCache.size > 10000) normCache.clear();
    normCache.set(name, n);
  }
  return n;
}

/** "Cabinet" matches "Cabinet"; "Committee" (a body speaking of itself) matches "… Scrutiny Committee". */
export function sameBody(a: string, b: string): boolean {
  const x = normBodyCached(a);
  const y = normBodyCached(b);
  if (!x || !y) return false;
  return x === y || x.endsWith(` ${y}`) || y.endsWith(` ${x}`);
}
