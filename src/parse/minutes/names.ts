/**
 * Splitting printed lists of people into names: "Mr R W Gough (Chairman), Mr N Baker and
 * Mr R J Thomas", one name per line, TAB columns, names glued on one line ("Mr. A CC Mr. B CC"),
 * "Councillors Angela Caldara and Corinna Edge", "Name – Role", "Name, Role (minute 40 refers)".
 * Roles and bracketed notes are dropped; "(in the Chair)" / "(Chairman)" marks the chair.
 */

const HONORIFIC =
  "(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Sir|Dame|Lord|Lady|Professor|Prof|Rev|Revd|Reverend|County Councillor|Borough Councillor|District Councillor|City Councillor|County Cllr|Borough Cllr|District Cllr|City Cllr)";
const GLUED_SPLIT = new RegExp(
  `(?<!\\b(?:${HONORIFIC}|County|Borough|District|Parish|Town|City)\\.?)\\s+(?=(?:[A-Z][a-z]+\\s+(?=(?:County|Borough|District|City)\\s+(?:Councillor|Cllr)\\b))?${HONORIFIC}\\.?\\s)`,
  "g",
);
const POSTNOMINAL = /^(?:CC|MBE|OBE|CBE|JP|DL|KC|QC|MP|MEP|BEM|FRICS|PhD|MA|BSc|MSc|Hon)\.?$/;
const ROLE_WORD =
  /\b(?:for|of|the|to|with|on|member|director|officer|manager|leader|spokesperson|clerk|head|chief|cabinet|representative|assistant|executive|counsel|services|adviser|advisor|analyst|accountant|lead|support|secretary|deputy|interim|corporate|democratic|strategic|public|substitute|observer|co-opted|parishioners?|residents?|press|visitors?|committee|panel|board|group|partnership|authority|commission|trust)\b/i;

/** `officers`: people the list itself marks as the council's officers ("Mrs C Hardy (Clerk)"). */
export type PersonList = { names: string[]; chair: string | null; officers: string[] };

const OFFICER_NOTE =
  /^\s*(?:(?:parish|town|deputy|assistant|locum)\s+)?(?:clerk|responsible\s+financial\s+officer|rfo|minute[-\s]taker|secretary)\b[^()]{0,30}$/i;

function isChairNote(s: string): boolean {
  return /^\s*(?:in\s+the\s+chair|chair(?:man|person|woman)?|the\s+chair(?:man)?|presiding)\s*$/i.test(s);
}

/** Removes balanced (...) groups, reporting whether one of them named the chair. */
function dropBrackets(s: string): { text: string; chairAt: number[] } {
  const chairAt: number[] = [];
  let out = "";
  let depth = 0;
  let buf = "";
  for (const ch of s) {
    if (ch === "(") {
      depth++;
      if (depth === 1) buf = "";
      else buf += ch;
      continue;
    }
    if (ch === ")" && depth > 0) {
      depth--;
      if (depth === 0) {
        if (isChairNote(buf)) chairAt.push(out.length);
        else if (OFFICER_NOTE.test(buf)) out += "\u0000officer";
        out += " ";
      } else buf += ch;
      continue;
    }
    if (depth > 0) buf += ch;
    else out += ch;
  }
  return { text: out, chairAt };
}

function tidyName(s: string): string {
  return s
    .replace(/^[\s,;:.–—*•_-]+/, "")
    .replace(/^(?:and|&)\s+/i, "")
    .replace(/^(?:Councillors|Cllrs\.?)\s+/i, "")
    .replace(/[\s,;:–—-]+$/, "")
    .replace(/([A-Za-z]{2})\.$/, "$1") // a sentence's full stop, not an initial's
    .replace(/\s+/g, " ")
    .trim();
}

function looksLikeName(s: string): boolean {
  if (!s || s.length > 70) return false;
  if (!/^[A-Z]/.test(s)) return false;
  if (/\d/.test(s)) return false;
  const words = s.split(" ");
  if (words.length > 8) return false;
  const withoutHonorific = s.replace(new RegExp(`^${HONORIFIC}\\.?\\s+`), "");
  // "Mrs C Head", "Mr J Lead": an honorific and capitalised words is a name whatever the words.
  const titled = withoutHonorific !== s && words.length <= 6 && /^(?:[A-Z][A-Za-z.'’-]*,?\s?)+$/.test(withoutHonorific);
  if (!titled && ROLE_WORD.test(withoutHonorific)) return false;
  if (/\b(?:were|was|received|reported|apologies|present|attendance|none|no)\b/i.test(s)) return false;
  return true;
}

/** Splits one entry's text (already free of brackets) into name candidates. */
function splitEntry(entry: string): string[] {
  const out: string[] = [];
  const honorificStart = new RegExp(`^\\s*${HONORIFIC}\\.?\\s`);
  const withoutHonorific = (x: string) => x.replace(new RegExp(`^\\s*${HONORIFIC}\\.?\\s+`), "");
  // "… and P Moran Clerk Mrs J Todd": a role word set before a name starts an officer's entry.
  const pieces = entry
    .replace(
      /\s+(?:plus|with|together\s+with)\s+(?:\w+\s+){0,2}(?:guests?|members?\s+of\s+the\s+public|parishioners|residents|visitors)\b.*$/i,
      "",
    )
    .replace(/(^|\s)(?:(?:Parish|Town)\s+)?Clerk\s*[:–-]?\s+(?=(?:Mr|Mrs|Ms|Miss|Dr)?\.?\s*[A-Z])/g, "$1, \u0001")
    .split(/\s*[,;]\s*|(?<=[a-z]{3})\.\s+(?=[A-Z])/);
  for (const piece of pieces) {
    let officer = piece.startsWith("\u0001");
    let p = officer ? piece.slice(1) : piece;
    let chairByDash = false;
    // "Name – Role": keep the left side.
    const dash = /\s[–—-]\s/.exec(p);
    if (dash) {
      chairByDash = /^[\s*_]*chair(?:man|person|woman)?\b/i.test(p.slice(dash.index + dash[0].length));
      p = p.slice(0, dash.index);
    }
    if (ROLE_WORD.test(withoutHonorific(p.replace("\u0000officer", ""))) && !honorificStart.test(p)) continue;
    p.split(/\s+and\s+|\s+&\s+/).forEach((q, qi) => {
      let t = tidyName(q);
      let chair = chairByDash && qi === 0;
      // "Cllr Smith in the Chair", "Mr Hale presiding": the chair, printed without brackets.
      const inChair = /\s+(?:in\s+the\s+chair|presiding)$/i.exec(t);
      if (inChair && t.split(" ").length >= 4) {
        t = t.slice(0, inChair.index);
        chair = true;
      }
      // "Lorraine Hunt (LH) Chair"
      const trailing = /\s+chair(?:man|person|woman)?$/i.exec(t);
      if (trailing && t.split(" ").length >= 3) {
        t = t.slice(0, trailing.index);
        chair = true;
      }
      if (!t) return;
      if (POSTNOMINAL.test(t) && out.length) {
        out[out.length - 1] = `${out[out.length - 1]}, ${t}`;
        return;
      }
      // "Eden District Councillor A Armstrong": the district's name stays with its councillor.
      const glued = t.split(GLUED_SPLIT).reduce<string[]>((acc, g) => {
        const prev = acc[acc.length - 1];
        if (prev && /^[A-Z][a-z]+$/.test(prev) && /^(?:County|District|Borough|City)\s+Councillor\b/.test(g))
          acc[acc.length - 1] = `${prev} ${g}`;
        else acc.push(g);
        return acc;
      }, []);
      glued.forEach((g, gi) => {
        const n = tidyName(g);
        if (!n) return;
        if (officer) {
          out.push(`${n}\u0000officer`);
          officer = false;
        } else out.push(chair && gi === 0 ? `${n}\u0000chair` : n);
      });
    });
  }
  return out;
}

/**
 * Reads people from lines of a list. `lines` are the printed lines (TAB cells already separate
 * entries); a line ending mid-entry (comma, open bracket, an initial) continues on the next.
 */
export function readPeople(lines: string[][]): PersonList {
  // Rebuild entries: each inner array is one printed line's cells.
  const entries: string[] = [];
  let carry = "";
  // "A, B, C and\nD": commas separate the entries, so a line break is only a wrap.
  const commaStyle = lines.some(
    (l) => l.length === 1 && ((l[0].match(/,/g) ?? []).length >= 2 || /,\s*$/.test(l[0]) || /\band\s*$/.test(l[0])),
  );
  for (let li = 0; li < lines.length; li++) {
    const cells = lines[li].map((c) => c.replace(/\s+/g, " ").trim()).filter(Boolean);
    for (let ci = 0; ci < cells.length; ci++) {
      const c = cells[ci];
      carry = carry ? (/[A-Za-z]-$/.test(carry) ? carry + c : `${carry} ${c}`) : c;
      const open = (carry.match(/\(/g) ?? []).length > (carry.match(/\)/g) ?? []).length;
      const last = ci === cells.length - 1;
      const nextLine = li + 1 < lines.length ? (lines[li + 1][0] ?? "").trim() : "";
      const continues =
        open ||
        (last &&
          ((commaStyle && !(/\)$/.test(carry) && /^[A-Z]/.test(nextLine))) ||
            /[,(&]$|\band$|[A-Za-z]-$/.test(carry) ||
            new RegExp(`\\b${HONORIFIC}\\.?$`).test(carry) ||
            /\b[A-Z]\.?$/.test(carry) ||
            /^[a-z(]/.test(nextLine)));
      if (!continues) {
        entries.push(carry);
        carry = "";
      }
    }
  }
  if (carry) entries.push(carry);
  const names: string[] = [];
  const officers: string[] = [];
  let chair: string | null = null;
  for (const entry of entries) {
    const { text, chairAt } = dropBrackets(entry);
    // Which piece did a chair note follow? Split the text at the note positions.
    let cursor = 0;
    const segments: { text: string; chair: boolean }[] = [];
    for (const at of chairAt) {
      segments.push({ text: text.slice(cursor, at), chair: true });
      cursor = at;
    }
    segments.push({ text: text.slice(cursor), chair: false });
    for (const seg of segments) {
      const parts = splitEntry(seg.text);
      parts.forEach((p, idx) => {
        let n = p;
        let isChair = seg.chair && idx === parts.length - 1;
        let officer = false;
        if (n.includes("\u0000officer")) {
          // "Mrs D Kerr (Secretary)." leaves the sentence's full stop after the role.
          n = tidyName(n.replace("\u0000officer", "").replace(/\s+\.$/, ""));
          officer = true;
        }
        if (n.includes("\u0000chair")) {
          n = n.replace("\u0000chair", "");
          isChair = true;
        }
        if (!looksLikeName(n)) return;
        if (officer) {
          officers.push(n);
          return;
        }
        names.push(n);
        if (isChair && !chair) chair = n;
      });
    }
  }
  return { names, chair, officers };
}
