/**
 * The council a document belongs to, where the document says so: a "Merton Council" title line, a
 * footer ("… • Leicestershire County Council • …"), or, failing those, the council of the kind the
 * document calls itself ("the County Council") that it names most often. An e-mail domain alone is
 * never taken as evidence. Pure.
 */
import type { SourceDocument } from "../../model/document";
import { clean, head } from "../common/text";

export type Authority = { name: string; line: number | null };

const KIND = "(County|City|Borough|District|Town|Parish|Metropolitan Borough|Community)";
const LONDON = /\b((?:London|Royal) Borough of [A-Z][a-z]+(?:[ -](?:and|upon)?[ -]?[A-Z][a-z]+){0,3})\b/;
const TITLE_LINE = /^([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}) (?:(?:County|City|Borough|District|Town|Parish) )?Council$/;
const NOT_A_NAME = new Set([
  "The",
  "All",
  "This",
  "Each",
  "Every",
  "Local",
  "Other",
  "Neighbouring",
  "Both",
  "Any",
  "Our",
  "A",
  "An",
]);

const KIND_WORDS = new Set(["County", "City", "Borough", "District", "Town", "Parish", "Community", "The"]);

/** The named council ending just before " Council": the words and the kind, e.g. "Kent" + "County". */
// Place names join their words with small words: "Upper Brockcombe on the Hill", "Newcastle upon
// Tyne", "Barrow-in-Furness", "Ashby-de-la-Zouch", "Bishop's Stortford"; "of" and "and" never join (so
// "Minutes of the Meeting of X Parish Council" names X).
const JOIN =
  "(?:[ -](?:upon|on|by|under|next|cum|super)(?: the)?[ -]|-(?:in|le|la|de|en|sub|on|upon|under|by)(?:-la|-le|-the)?-|[ -])";
const NAMED_TAIL = new RegExp(`\\b([A-Z][a-z'’]+(?:${JOIN}[A-Z][a-z'’]+){0,5}) ${KIND}$`);

export function mentions(text: string): { name: string; kind: string }[] {
  const out: { name: string; kind: string }[] = [];
  const t = head(text);
  // Each " Council" (not "Councillor") is read backwards over the 90 characters before it: the
  // same matches as scanning the whole line for "<Name> <Kind> Council", at a fraction of the cost.
  for (let k = t.indexOf(" Council"); k >= 0; k = t.indexOf(" Council", k + 8)) {
    const next = t.charCodeAt(k + 8);
    if ((next >= 48 && next <= 57) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 95)
      continue;
    const m = NAMED_TAIL.exec(t.slice(Math.max(0, k - 90), k));
    if (!m) continue;
    const words = m[1].split(/[ -]/);
    while (words.length && NOT_A_NAME.has(words[0])) words.shift();
    if (words.length) out.push({ name: `${m[1].slice(m[1].indexOf(words[0]))} ${m[2]} Council`, kind: m[2] });
  }
  if (t.includes(" Borough of ")) {
    const l = LONDON.exec(t);
    if (l) out.push({ name: l[1], kind: "Borough" });
  }
  return out;
}

export function findAuthority(doc: SourceDocument): Authority | null {
  // 1. The document's own title lines and footers: near the top, or lines built of "•" separated parts.
  for (let i = 0; i < doc.lines.length; i++) {
    const raw = doc.lines[i].text;
    const top = i < 40;
    const bullet = raw.indexOf("•");
    const footer = bullet >= 0 && raw.indexOf("•", bullet + 1) > 0;
    if (!top && !footer) continue;
    const t = clean(raw);
    if (top && t.length <= 60) {
      const tl = TITLE_LINE.exec(t);
      if (tl && !NOT_A_NAME.has(tl[1].split(" ")[0]) && !KIND_WORDS.has(tl[1])) return { name: t, line: i + 1 };
    }
    if (footer) {
      const m = mentions(t);
      if (m.length) return { name: m[0].name, line: i + 1 };
    }
  }
  for (const f of doc.furniture) {
    const m = mentions(clean(f.text));
    if (m.length) return { name: m[0].name, line: null };
  }
  // 2. The most-named council of the kind the document calls itself.
  const counts = new Map<string, { n: number; kind: string; line: number }>();
  const selfKinds = new Map<string, number>();
  // How a document names itself shows early; a bounded look keeps huge inputs cheap.
  for (let i = 0; i < Math.min(doc.lines.length, 20000); i++) {
    const t = doc.lines[i].text;
    if (!t.includes("Council")) continue;
    for (const m of mentions(t)) {
      const c = counts.get(m.name) ?? { n: 0, kind: m.kind, line: i + 1 };
      c.n++;
      counts.set(m.name, c);
    }
    const self = /\bthe (County|City|Borough|District|Town|Parish) Council\b/.exec(head(t));
    if (self) selfKinds.set(self[1], (selfKinds.get(self[1]) ?? 0) + 1);
  }
  let selfKind: string | null = null;
  for (const [k, n] of selfKinds) if (n >= 2 && (!selfKind || n > (selfKinds.get(selfKind) ?? 0))) selfKind = k;
  let best: Authority | null = null;
  let bestN = 0;
  for (const [name, c] of counts) {
    if (c.kind !== selfKind || c.n < 2) continue;
    if (c.n > bestN) {
      best = { name, line: c.line };
      bestN = c.n;
    }
  }
  return best;
}
