/**
 * Text helpers shared by the parsers: cleaning a line's words (bullets, markup, NBSP, whitespace),
 * loose comparison keys and token similarity, and recognising page furniture. Pure functions; every
 * regex here runs over a bounded prefix of a line so no input can make them slow.
 */

/** Longest prefix of a line any pattern looks at; lines in council documents are far shorter. */
export const MAX_SCAN = 500;

export function head(s: string, n = MAX_SCAN): string {
  return s.length > n ? s.slice(0, n) : s;
}

/** Whether a string needs cleaning: markup, runs of or odd whitespace, or whitespace at its ends. */
function needsClean(t: string): boolean {
  const n = t.length;
  if (n === 0) return false;
  let prevSpace = true; // a leading space counts as needing a trim
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return true;
      prevSpace = true;
      continue;
    }
    if (c < 32 || c === 0xa0 || c === 42 /* * */ || c === 60 /* < */ || c === 0x2007 || c === 0x202f) return true;
    prevSpace = false;
  }
  return prevSpace; // a trailing space
}

/** Collapses whitespace (NBSP included), drops stray markdown bold/underline marks, trims. */
export function clean(s: string): string {
  const t = head(s, 4000);
  if (!needsClean(t)) return t; // most lines are already clean
  return t
    .replace(/\*\*|<\/?u>/gi, "")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** Removes a leading list bullet ("- ", "• ", "* ") left by PDF-to-text conversion. */
export function stripBullet(s: string): string {
  return s.replace(/^\s*(?:[-•*▪●◦]\s+)+/, "");
}

/** Removes one trailing full stop (not an ellipsis), the way titles are quoted. */
export function stripTrailingStop(s: string): string {
  const t = s.trim();
  if (t.endsWith("...")) return t;
  return t.replace(/\s*\.$/, "").trim();
}

export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 13 && c !== 12 && c !== 11 && c !== 10) return false;
  }
  return true;
}

/** Lowercase letters and digits separated by single spaces: the loose key titles are compared by. */
export function normKey(s: string): string {
  return head(s, 4000)
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u2032`']/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9£%]+/g, " ")
    .trim();
}

export function tokens(s: string): string[] {
  const k = normKey(s);
  return k ? k.split(" ") : [];
}

/** Dice coefficient over token bags: 1 for the same words, 0 for none in common. */
export function similarity(a: string, b: string): number {
  return tokenSimilarity(tokens(a), tokens(b));
}

/** Dice coefficient over two token lists already made with tokens(). */
export function tokenSimilarity(ta: string[], tb: string[]): number {
  if (!ta.length && !tb.length) return 1;
  if (!ta.length || !tb.length) return 0;
  const bag = new Map<string, number>();
  for (const t of ta) bag.set(t, (bag.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of tb) {
    const c = bag.get(t) ?? 0;
    if (c > 0) {
      bag.set(t, c - 1);
      common++;
    }
  }
  return (2 * common) / (ta.length + tb.length);
}

/** Share of letters that are upper case (0 when there are no letters). */
export function upperShare(s: string): number {
  let up = 0;
  let letters = 0;
  const n = Math.min(s.length, MAX_SCAN);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      up++;
      letters++;
    } else if (c >= 97 && c <= 122) letters++;
    else if (c > 127) {
      const ch = s[i];
      const lo = ch.toLowerCase();
      const hi = ch.toUpperCase();
      if (lo === hi) continue;
      letters++;
      if (ch === hi) up++;
    }
  }
  return letters ? up / letters : 0;
}

/** A line in upper case with at least a few letters: report titles, headers, author lines. */
export function isUpperLine(s: string, minLetters = 4): boolean {
  const n = Math.min(s.length, MAX_SCAN);
  let up = 0;
  let letters = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      letters++;
      // Early out: more lower-case letters than 15% of a full line means it is not in capitals.
      if (letters - up > 0.15 * n + 1) return false;
    } else if (c >= 65 && c <= 90) {
      up++;
      letters++;
    }
  }
  if (letters < minLetters) return false;
  return upperShare(s) >= 0.85;
}

const BLANK_PAGE = /^\s*(?:this page (?:is |has been )?(?:intentionally|deliberately) (?:left )?blank)\.?\s*$/i;

/** "This page is intentionally left blank": page furniture between documents of a pack. */
export function isBlankPageMarker(s: string): boolean {
  return BLANK_PAGE.test(head(s, 120));
}

/** The text contains the blank-page phrase anywhere (sometimes glued to a signature). */
export function hasBlankPagePhrase(s: string): boolean {
  return /this page is intentionally left blank/i.test(head(s));
}

/** "Agenda Item 10": a stamp a Modern.Gov pack prints on the first page of each item's papers. */
export function agendaItemStamp(s: string): string | null {
  const m = /^\s*Agenda\s+Item\s+(\d{1,3}[a-z]?(?:\.\d{1,2})?)\s*$/i.exec(head(s, 60));
  return m ? m[1] : null;
}
