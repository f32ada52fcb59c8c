/**
 * Finds the minute items inside a minutes section. Numbered headings ("523. Title.",
 * "84.    Apologies", "1       DECLARATIONS OF INTEREST", "3. To Approve the Minutes") are
 * candidates; the longest consecutive run of numbers wins, with extra weight for headings that an
 * "(Item 5)" / "(Agenda item 3)" marker confirms, so numbered paragraphs inside items (which restart
 * at 1) lose. Unnumbered headings confirmed by an "(Item N)" marker and Modern.Gov headings
 * ("Title. pdf icon PDF 373 KB") are added.
 */
import { isRunning, type Section } from "./sections";
import { isNoiseText, type LineView, squash, stripPdfLink } from "./text";

export type ItemHeading = {
  number: string | null;
  title: string;
  agendaItem: string | null;
  /** index into views of the heading line */
  at: number;
  /** index into views of the last heading line (title continuation or item marker) */
  headEnd: number;
  /** text printed after the title on the heading line ("2. Apologies: Apologies were received ...") */
  inline: string | null;
};

const ITEM_MARKER = /^\(\s*(?:agenda\s+)?item\s+(\d{1,3}[a-z]?)\s*\)\.?$/i;
const TRAILING_MARKER = /\(\s*(?:agenda\s+)?item\s+(\d{1,3}[a-z]?)\s*\)\.?\s*$/i;
const NUMBERED = /^(\d{1,4})(?:\.\s+|\s{2,}|\.(?=[A-Z])|\s(?=[A-Z][^a-z]{3,}$|.*\(\s*[Aa]genda\s+[Ii]tem\s+\d))(\S.*)$/;

/**
 * A numbered heading: "523. Title", "84.    Title", "1 TITLE IN CAPITALS", "Minute No. 12 Title",
 * "Minute 12: Title", "45/23 Title" (number/year) and "2023/45 Title" (year/number). `seq` is the
 * part that counts up from one minute to the next.
 */
function readNumbered(
  raw: string,
): { number: string; seq: number; title: string; loose?: boolean; scheme?: string } | null {
  const m = NUMBERED.exec(raw);
  if (m) return { number: m[1], seq: Number(m[1]), title: m[2] };
  // Dated schemes: "21.01.03 Minutes" (year.month.item), "05.21.03"; the last part counts up.
  const dotted = /^(\d{1,4})\.(\d{1,2})\.(\d{1,3})\.?\s+(?=[A-Z'"‘“(])(\S.*)$/.exec(raw);
  if (dotted)
    return {
      number: `${dotted[1]}.${dotted[2]}.${dotted[3]}`,
      seq: Number(dotted[3]),
      title: dotted[4],
      scheme: `${dotted[1]}.${dotted[2]}.#`,
    };
  // Lettered headings "A. Apologies for absence", "B) Planning": a scheme of their own (letters count up).
  const lettered = /^([A-Z])[.)]\s+(?=[A-Z'"‘“(])(\S.*)$/.exec(raw);
  if (lettered && !/^[A-Z][a-z]+\s+(?:said|reported|asked|noted|declared|proposed|seconded)\b/.test(lettered[2]))
    return { number: lettered[1], seq: lettered[1].charCodeAt(0) - 64, title: lettered[2], scheme: "A." };
  // "1 Police Report": one space before a short title line; read loosely (a heading only when bold
  // or in a consecutive run, as chooseChain decides).
  const loose = /^(\d{1,3})\s(?=[A-Z])([A-Z][^.;:!?]{2,80})$/.exec(raw);
  if (loose && !/^\d{1,3}\s+[A-Z][a-z]+\s+\d{4}\b/.test(raw))
    return { number: loose[1], seq: Number(loose[1]), title: loose[2], loose: true };
  // "Minute 12/24", "Min 12/24", "Min. No. 24.05.03", "Minute Ref 21/045": the prefix is not part of
  // the number; what follows is read as any other scheme, keyed with the prefix.
  const pre = /^(?:minute|min)\.?\s*(?:(?:no|ref)\.?\s*|number\s+)?(?=\d)/i.exec(raw);
  if (pre) {
    const inner = readNumbered(raw.slice(pre[0].length));
    if (inner && (inner.scheme || !inner.loose))
      return { ...inner, loose: false, scheme: `min ${inner.scheme ?? "#"}` };
  }
  const p = /^(?:minute\s+(?:no\.?\s*)?|min\.\s*)(\d{1,4}[a-z]?)\s*[.:]?\s+(\S.*)$/i.exec(raw);
  if (p) return { number: p[1], seq: Number.parseInt(p[1], 10), title: p[2] };
  const y = /^(\d{1,4})\/(\d{2,4})\.?\s+(?=[A-Z0-9'"‘“(])(\S.*)$/.exec(raw);
  if (y) {
    const a = y[1];
    const b = y[2];
    // "45/23": number then year; "2023/45" or "23/045": year then number.
    const yearFirst = a.length === 4 || (b.length >= 3 && a.length === 2);
    return {
      number: `${a}/${b}`,
      seq: Number(yearFirst ? b : a),
      title: y[3],
      scheme: yearFirst ? `${a}/#` : `#/${b}`,
    };
  }
  return null;
}

/** `scheme`: the number with its counting part blanked ("21.01.#", "#/16", "24/#"); null for a plain number. */
type Candidate = ItemHeading & { weight: number; num: number | null; scheme?: string | null };

function cleanTitle(t: string): string {
  return squash(stripPdfLink(t))
    .replace(TRAILING_MARKER, "")
    .replace(/\s*\(\s*pages?\s+\d+\s*[-–]\s*\d+\s*\)\s*$/i, "")
    .replace(/[.:;,\s]+$/, "")
    .trim();
}

/** Next content line index after `i` (skipping blanks, noise and running furniture), within `max` lines. */
function nextContent(texts: string[], i: number, last: number, running: Set<string>, max = 8): number {
  for (let j = i + 1; j <= last && j - i <= max; j++) {
    const t = texts[j];
    if (!t || isNoiseText(t) || isRunning(running, t)) continue;
    return j;
  }
  return -1;
}

export function findItems(
  views: LineView[],
  texts: string[],
  first: number,
  last: number,
  sec: Section,
): ItemHeading[] {
  const cands: Candidate[] = [];
  const running = sec.running;
  for (let i = first; i <= last; i++) {
    const t = texts[i];
    if (!t || (t.length > 400 && !views[i].virtual) || isNoiseText(t) || isRunning(running, t)) continue;
    const c0 = t.charCodeAt(0);
    // a digit, "M"/"m" (Minute No.), or a capital letter and a stop ("A. Title")
    const maybeNumbered =
      (c0 >= 48 && c0 <= 57) || c0 === 77 || c0 === 109 || (c0 >= 65 && c0 <= 90 && /^[A-Z][.)]\s/.test(t));
    let m = maybeNumbered
      ? readNumbered(
          views[i].text
            .replace(/[\u00a0\t]/g, " ")
            .trim()
            .slice(0, 400),
        )
      : null;
    // The number alone on its line, the title on the next ("1." / "Adoption of Minutes").
    let titleAt = -1;
    if (!m && /^\d{1,3}\.$/.test(t)) {
      const nx = nextContent(texts, i, last, running, 4);
      if (nx > 0 && /^[A-Z'"‘“(]/.test(texts[nx]) && texts[nx].length <= 160 && !readNumbered(texts[nx])) {
        m = { number: t.slice(0, -1), seq: Number(t.slice(0, -1)), title: texts[nx] };
        titleAt = nx;
      }
    }
    // Marker-confirmed title: this line (and up to two wrapped lines) then "(Item N)".
    const markerAt = (() => {
      if (TRAILING_MARKER.test(t)) return i;
      let j = i;
      for (let k = 0; k < 3; k++) {
        const nx = nextContent(texts, j, last, running, 14);
        if (nx < 0) return -1;
        if (ITEM_MARKER.test(texts[nx])) return nx;
        // A wrapped title continues on the very next line (or over a page break); only the
        // marker may follow a blank line.
        if (nx !== j + 1 && (views[nx].line.page === views[j].line.page || nx - j > 14)) return -1;
        if (nx - j > 3 && views[nx].line.page === views[j].line.page && !ITEM_MARKER.test(texts[nx])) return -1;
        const nt = texts[nx];
        // Not another heading or a sentence; a title in capitals continues in capitals.
        if (readNumbered(nt) || /[.;]$/.test(nt.replace(TRAILING_MARKER, "").trim())) return -1;
        if (!/[a-z]/.test(t) && /[a-z]/.test(nt.replace(TRAILING_MARKER, ""))) return -1;
        if (TRAILING_MARKER.test(nt) && nt.length < 120) return nx;
        if (nt.length > 110 || /^\(?[a-z\d]{1,3}[).]\s/i.test(nt)) return -1;
        j = nx;
      }
      return -1;
    })();
    if (m) {
      const num = m.seq;
      let title = m.title;
      let inline: string | null = null;
      if (/^RESOLVED\b/i.test(title) || (/^\d/.test(title) && /^\d+(?:\.\d+)+\s/.test(t))) continue;
      if (!/^[A-Z0-9'"‘“(£]/.test(title)) continue;
      if (views[i].virtual && titleAt < 0) {
        // An item run into its text on one long line: the title ends at the first sentence break,
        // and the rest of the line (however long; the heading was read from its first 400
        // characters) is the item's text.
        const full = views[i].text.replace(/[\u00a0\t]/g, " ").trim();
        title = full.slice(Math.min(full.length, 400) - title.length);
        const cut =
          /:\s|\s[–—-]\s|[?!.]\s|\s\d{1,2}\.\d{1,2}\b|\s(?=(?:The|It|A|An|All|No|Cllr|Councillor|Councillors)\s)|\s(?=[A-Z]{2,3}\s+[a-z])/.exec(
            title.slice(0, 160),
          );
        const at = cut ? cut.index : Math.min(title.length, 100);
        inline =
          title
            .slice(at)
            .replace(/^[:\s–—.?!-]+/, "")
            .trim() || null;
        title = title.slice(0, at);
      }
      // A heading in capitals run into its text ("APOLOGIES FOR ABSENCE Apologies were received
      // from ..."): the capitals are the title, the rest is the minute's text.
      // The text may open with "A resident …", "I …" or the decision ("RESOLVED: that …").
      const caps =
        inline === null
          ? /^([A-Z0-9'’&/(),-]*[A-Z]{2}[A-Z0-9'’&/(),-]*(?:\s+[A-Z0-9'’&/(),-]+)*?)\s+(?=[A-Z][a-z]|[AI]\s+[a-z]|(?:RESOLVED|AGREED|DECIDED)\b)/.exec(
              title,
            )
          : null;
      const after = caps ? title.slice(caps[0].length) : "";
      if (
        caps &&
        (caps[1].includes(" ") || caps[1].length >= 6) &&
        // The text reads as words, "None", a short sentence ("Proposed by Cllr A") or a list of names
        // ("PRESENT Cllr A Smith (Chair), Cllr B").
        (/\b[a-z]{3,}/.test(after) ||
          /^(?:none|nil)\b/i.test(after) ||
          /^(?:Cllrs?|Councillors?)\s+[A-Z]/.test(after) ||
          /^[A-Z][a-z]+\s+[a-z]{2,}\b/.test(after)) &&
        !/^(?:RESOLVED|AGREED|DECIDED)\b/.test(caps[1])
      ) {
        inline = title.slice(caps[0].length).trim();
        title = caps[1];
      }
      const colon = inline === null ? title.indexOf(": ") : -1;
      // A run-in heading with a colon ("Apologies: Cllr A, B", "Finance: The balance was …"): the
      // words before the colon are the title when they are a few and the rest reads as text.
      const runIn =
        colon > 3 &&
        title.slice(0, colon).split(" ").length <= 6 &&
        /^[A-Z]/.test(title) &&
        !/^(?:resolved|agreed|decided)\b/i.test(title) &&
        (/\b(?:[a-z]{3,}|Cllrs?|Councillors?)\b/.test(title.slice(colon + 2)) ||
          /^(?:none|nil|n\/a)\b/i.test(title.slice(colon + 2)));
      if (colon > 3 && (runIn || title.length - colon > 60 || title.length > 140)) {
        inline = title.slice(colon + 2).trim();
        title = title.slice(0, colon);
      }
      let weight = m.loose && !views[i].line.bold && !views[i].line.heading ? 0.6 : 1;
      // A scheme of minute numbers ("7/19", "21.01.03") outweighs numbered paragraphs, which read
      // as sentences ("1. Bench: the bench was painted.").
      if (m.scheme === "A.") weight -= 0.2;
      else if (/[./]\d/.test(m.number)) weight += 0.2;
      else if (/\.$/.test(title) && /\s[a-z]+\s[a-z]+\s[a-z]+/.test(title)) weight -= 0.3;
      let headEnd = i;
      if (titleAt >= 0) {
        headEnd = titleAt;
      } else if (markerAt >= 0) {
        weight += 3;
        const parts = [title];
        for (let j = i + 1; j <= markerAt; j++)
          if (texts[j] && !isNoiseText(texts[j]) && !isRunning(running, texts[j])) parts.push(texts[j]);
        title = parts.join(" ");
        headEnd = markerAt;
      } else {
        const nx = i + 1 <= last ? texts[i + 1] : "";
        if (title.length > 160 || (nx && /^[a-z]/.test(nx) && !/[.]$/.test(title))) weight -= 0.6;
        if (/[,]$/.test(title) || (/:$/.test(title) && title.length > 80)) weight -= 0.6;
        if (/\b(?:said|reported|advised|noted|introduced|confirmed|provided|explained|asked|proposed)\b/.test(title))
          weight -= 0.5;
        // A title wrapped onto the next line: both lines bold, or the first plainly unfinished.
        const after = i + 2 <= last ? texts[i + 2] : "";
        if (
          nx &&
          !after &&
          nx.length < 100 &&
          !readNumbered(nx) &&
          !/^(?:RESOLVED|\(?[a-z\d]{1,3}[).]\s)/i.test(nx) &&
          ((views[i].line.bold && views[i + 1].line.bold) ||
            /\s(?:at|of|and|the|to|for|in|on|with|from|by|[-–])$/.test(title))
        ) {
          title = `${title} ${nx}`;
          headEnd = i + 1;
        }
      }
      const agendaMatch =
        markerAt >= 0 ? (TRAILING_MARKER.exec(texts[markerAt]) ?? ITEM_MARKER.exec(texts[markerAt])) : null;
      cands.push({
        number: m.number,
        num,
        scheme: m.scheme ?? null,
        title: cleanTitle(title),
        agendaItem: agendaMatch ? agendaMatch[1] : null,
        at: i,
        headEnd,
        inline,
        weight,
      });
      continue;
    }
    if (markerAt >= 0 && !ITEM_MARKER.test(t) && t.length < 200 && !/[.;:,]$/.test(t) && /^[A-Z0-9'"‘“]/.test(t)) {
      const prev = i > first ? texts[i - 1] : "";
      if (prev && !/[.:;]$/.test(prev) && !ITEM_MARKER.test(prev) && prev.length > 60) continue; // mid-paragraph
      const parts: string[] = [];
      for (let j = i; j <= markerAt; j++)
        if (texts[j] && !isNoiseText(texts[j]) && !isRunning(running, texts[j])) parts.push(texts[j]);
      const agendaMatch = TRAILING_MARKER.exec(texts[markerAt]) ?? ITEM_MARKER.exec(texts[markerAt]);
      cands.push({
        number: null,
        num: null,
        title: cleanTitle(parts.join(" ")),
        agendaItem: agendaMatch ? agendaMatch[1] : null,
        at: i,
        headEnd: markerAt,
        inline: null,
        weight: 4,
      });
      i = markerAt;
      continue;
    }
    // An unnumbered bold heading that records a decision ("Election of Chair" ... "RESOLVED that").
    if (views[i].line.bold && boldDecisionHeading(views, texts, i, last)) {
      cands.push({
        number: null,
        num: null,
        title: cleanTitle(t),
        agendaItem: null,
        at: i,
        headEnd: i,
        inline: null,
        weight: 3.5,
      });
      continue;
    }
    if (sec.kind === "moderngov") {
      const mg = modernGovHeading(texts, i, last);
      if (mg)
        cands.push({
          number: null,
          num: null,
          title: mg,
          agendaItem: null,
          at: i,
          headEnd: i,
          inline: null,
          weight: 4,
        });
    }
  }
  return chooseChain(cands);
}

/** A short bold title line, after a blank, whose following text (up to the next bold line) holds a RESOLVED. */
function boldDecisionHeading(views: LineView[], texts: string[], i: number, last: number): boolean {
  const t = texts[i];
  if (t.length > 100 || !/^[A-Z]/.test(t) || !/[a-z]/.test(t) || /[.:;,]$/.test(t)) return false;
  if (i > 0 && texts[i - 1]) return false;
  if (/^(?:RESOLVED|REASONS?\b|present\b|apologies\b|in attendance\b)/i.test(t)) return false;
  for (let j = i + 1; j <= last && j - i <= 40; j++) {
    if (!texts[j]) continue;
    if (views[j].line.bold) return false;
    if (/^(?:\(?\d{1,3}[).]\s+)?RESOLVED\b/.test(texts[j])) return true;
  }
  return false;
}

/** Modern.Gov item headings: "Title. pdf icon PDF 373 KB", or a short "Title." line announcing exemption. */
function modernGovHeading(texts: string[], i: number, last: number): string | null {
  const t = texts[i];
  if (/(?:pdf icon\s*)?\bPDF\s*\d+(?:\.\d+)?\s*[KM]B\s*$/i.test(t.slice(-40))) return cleanTitle(t);
  if (t.length > 120 || !/\.$/.test(t) || !/^[A-Z]/.test(t)) return null;
  let j = i + 1;
  while (j <= last && !texts[j]) j++;
  if (j > last) return null;
  const nx = texts[j];
  if (/^The public (?:are|is) likely to be excluded\b/i.test(nx) || /^\(Exempt under\b/i.test(nx)) {
    // The same title inside the exclusion item's list is preceded by an agenda sentence ending ":-".
    let p = i - 1;
    while (p >= 0 && !texts[p]) p--;
    if (p >= 0 && /:-?$/.test(texts[p]) && i - p <= 3) return null;
    return cleanTitle(t);
  }
  return null;
}

/** A number's scheme with its counting part blanked: "19.05.#", "#/16"; null for a plain number. */
function scheme(c: Candidate): string | null {
  return c.scheme ?? null;
}

/** Best-weighted chain of consecutively numbered candidates, plus the unnumbered ones. */
function chooseChain(cands: Candidate[]): ItemHeading[] {
  const numbered = cands.filter((c) => c.num !== null);
  const best: { score: number; prev: number }[] = [];
  // scheme|number → index in `numbered` of the best chain ending there; a run keeps its numbering
  // scheme ("1/16", "2/16" and "1.", "2." are two runs, not one).
  const endAt = new Map<string, number>();
  const key = (c: Candidate, num: number) => `${scheme(c) ?? "#"}|${num}`;
  let top = -1;
  for (let k = 0; k < numbered.length; k++) {
    const c = numbered[k];
    let score = c.weight;
    let prev = -1;
    for (const step of [1, 2]) {
      const p = endAt.get(key(c, (c.num as number) - step));
      if (p === undefined) continue;
      const s = best[p].score + c.weight - (step - 1) * 0.8;
      if (s > score) {
        score = s;
        prev = p;
      }
    }
    best.push({ score, prev });
    const cur = endAt.get(key(c, c.num as number));
    if (cur === undefined || best[cur].score <= score) endAt.set(key(c, c.num as number), k);
    if (top < 0 || score > best[top].score) top = k;
  }
  const chosen = new Set<number>();
  if (top >= 0 && best[top].score > 0) for (let k = top; k >= 0; k = best[k].prev) chosen.add(k);
  let picked: Candidate[] = numbered.filter((_, k) => chosen.has(k));
  // A dated scheme ("19.05.03", "1/16") names its minutes whatever their order: a heading of the
  // chosen scheme printed out of order is a minute too.
  const schemes = new Map<string, number>();
  for (const c of picked) {
    const k = scheme(c);
    if (k) schemes.set(k, (schemes.get(k) ?? 0) + 1);
  }
  if (schemes.size)
    picked.push(
      ...numbered.filter((c, k) => !chosen.has(k) && c.weight > 0.5 && (schemes.get(scheme(c) ?? "") ?? 0) >= 2),
    );
  // Numbered paragraphs between marker-confirmed unnumbered headings are not items.
  const confirmed = (c: Candidate) => c.weight >= 4;
  if (!picked.some(confirmed) && cands.some((c) => c.num === null && confirmed(c))) picked = [];
  for (const c of cands) if (c.num === null) picked.push(c);
  // A numbered chain that starts after unnumbered marker items keeps both; drop unnumbered
  // candidates that sit inside a chosen heading's own lines.
  picked.sort((a, b) => a.at - b.at);
  const out: ItemHeading[] = [];
  for (const p of picked) {
    const prev = out[out.length - 1];
    if (prev && p.at <= prev.headEnd) continue;
    out.push(p);
  }
  return out.map(({ number, title, agendaItem, at, headEnd, inline }) => ({
    number,
    title,
    agendaItem,
    at,
    headEnd,
    inline,
  }));
}
