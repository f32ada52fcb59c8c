/**
 * Key-phrase extraction for linking: text is cut into runs at punctuation, numbers and dates, and
 * every run yields noun-phrase-like n-grams (content words at both ends, function words allowed
 * inside: "help to live at home"). Pure; used by topics, follow-ups and referrals.
 */

/** Function words: never at either end of a phrase. */
const STOP = new Set(
  (
    "a an the of to and or for in on at by with from as into onto upon that this these those be is are was were " +
    "been being it its their theirs there which who whom whose what when where how not no nor but if than then so " +
    "such other any all each both per via our your his her they them we us i you he she also may might will would " +
    "shall should could can has have had do does did about after before over under between through during up out " +
    "off more most less least very only own same some few new just again further once here why because until while " +
    "against among across within without"
  ).split(" "),
);

/**
 * Council vocabulary that says nothing about a subject ("report", "noted", "Director"): allowed inside
 * a phrase but never at either end, so a phrase is never only procedure. Singular forms.
 */
const GENERIC = new Set(
  (
    "report committee cabinet council county meeting minute item agenda appendix annex paragraph page section " +
    "noted note approve approved approval agree agreed member officer director chief executive lead chairman chair " +
    "deputy update consideration considered consider following current future including include set year annual " +
    "period date time part number detail comment information view regard respect relation relating key overall " +
    "place way proposed proposal outcome submitted submit receive received provide provided requested request " +
    "advised advise asked ask forwarded refer referred recommended recommend recommendation resolved resolution " +
    "welcome welcomed thank thanks support supported detailed setting outline outlined position progress matter " +
    "issue issues arrangement process result response respond requirement required available necessary possible " +
    "report back further contained like reason decision meeting mr mrs ms dr cc mbe obe cbe jp cllr councillor " +
    "etc e g ie eg"
  ).split(" "),
);

/**
 * Words that are never a subject on their own, though they end many subject phrases ("Treasury
 * Management Strategy"): roles, kinds of document, kinds of body and of area. Singular forms.
 */
const NOT_ALONE = new Set(
  (
    "leader head deputy cabinet statement reference policy strategy plan programme framework department " +
    "directorate act governance review scheme project service local national city district borough " +
    "government working party group team finance budget performance business case general public " +
    "people community health care support fund funding need high school children adult family " +
    "development delivery management commissioning transformation partnership board forum panel " +
    "assessment consultation report summary"
  ).split(" "),
);

/** Whether a single word can name a subject by itself. */
export function canStandAlone(norm: string): boolean {
  return isContent(norm) && !NOT_ALONE.has(norm);
}

const MONTHS = new Set(
  "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split(
    " ",
  ),
);

export type Token = { norm: string; raw: string; cap: boolean; sentenceStart: boolean };

/** Lower case, possessive and plural removed: "Libraries" → "library", "Council's" → "council". */
export function normWord(raw: string): string {
  let w = raw.toLowerCase();
  if (w.endsWith("'s") || w.endsWith("’s")) w = w.slice(0, -2);
  w = w.replace(/['’]/g, "");
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && w.endsWith("sses")) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is"))
    return w.slice(0, -1);
  return w;
}

/**
 * Splits text into runs of word tokens; a run ends at punctuation other than an apostrophe or an
 * in-word hyphen, at any token holding a digit, and at month names (dates are never topics).
 */
export function runs(text: string): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  let sentenceStart = true;
  const flush = () => {
    if (cur.length) out.push(cur);
    cur = [];
  };
  // One pass over characters; words are letters/digits with inner apostrophes or hyphens.
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && (isWordChar(text[j]) || (isInnerJoin(text[j]) && j + 1 < n && isWordChar(text[j + 1])))) j++;
      const raw = text.slice(i, j);
      const hasDigit = /[0-9]/.test(raw);
      const lower = raw.toLowerCase();
      if (hasDigit || MONTHS.has(lower)) flush();
      else {
        for (const part of raw.split("-")) {
          if (!part) continue;
          const norm = normWord(part);
          if (norm) cur.push({ norm, raw: part, cap: part[0] !== part[0].toLowerCase(), sentenceStart });
          sentenceStart = false;
        }
      }
      sentenceStart = false;
      i = j;
      continue;
    }
    if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r" && c !== "*" && c !== "_") flush();
    if (c === "." || c === "!" || c === "?" || c === ":" || c === ";" || c === "\n") sentenceStart = true;
    i++;
  }
  flush();
  return out;
}

function isWordChar(c: string): boolean {
  const code = c.charCodeAt(0);
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    (code >= 192 && code <= 591)
  );
}

function isInnerJoin(c: string): boolean {
  return c === "'" || c === "’" || c === "-";
}

export function isStop(norm: string): boolean {
  return STOP.has(norm);
}

/** A word that can stand at either end of a key phrase. */
export function isContent(norm: string): boolean {
  return norm.length >= 3 && !STOP.has(norm) && !GENERIC.has(norm) && !MONTHS.has(norm);
}

export type PhraseHit = {
  phrase: string;
  words: number;
  /** Every content word was capitalised where it stood, and the phrase did not open a sentence. */
  properCase: boolean;
  /** A capitalised single word standing alone, not inside a longer capitalised name ("the Lightbulb service"). */
  isolated: boolean;
};

/** Phrases of 1..maxWords words whose first and last words are content words; at most 3 function words inside. */
export function phrases(text: string, maxWords = 6): PhraseHit[] {
  const out: PhraseHit[] = [];
  for (const run of runs(text)) {
    for (let i = 0; i < run.length; i++) {
      if (!isContent(run[i].norm)) continue;
      let inner = 0;
      for (let k = i; k < run.length && k - i < maxWords; k++) {
        const t = run[k];
        if (!isContent(t.norm)) {
          if (STOP.has(t.norm)) inner++;
          if (inner > 3) break;
          continue;
        }
        const words = run.slice(i, k + 1);
        const properCase = !run[i].sentenceStart && words.every((w) => !isContent(w.norm) || w.cap);
        out.push({
          phrase: words.map((w) => w.norm).join(" "),
          words: words.length,
          properCase,
          isolated: properCase && k === i && !run[i - 1]?.cap && !run[i + 1]?.cap,
        });
      }
    }
  }
  return out;
}

/** The content words of a text, normalised. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const run of runs(text)) for (const t of run) if (isContent(t.norm)) out.push(t.norm);
  return out;
}

/** Normalised form of a phrase-like string ("Help to Live at Home" → "help to live at home"). */
export function normPhrase(text: string): string {
  return runs(text)
    .map((r) => r.map((t) => t.norm).join(" "))
    .join(" | ");
}

/** Whether phrase `inner` occurs as whole words in normalised text `outer` ("a b" in "x a b y"). */
export function containsPhrase(outer: string, inner: string): boolean {
  if (!inner) return false;
  let from = 0;
  for (;;) {
    const at = outer.indexOf(inner, from);
    if (at < 0) return false;
    const before = at === 0 || outer[at - 1] === " ";
    const end = at + inner.length;
    const after = end === outer.length || outer[end] === " ";
    if (before && after) return true;
    from = at + 1;
  }
}

/**
 * The words of a normalised phrase as printed in `text` ("help to live at home" in "Help to Live
 * at Home - Confirmation…" → "Help to Live at Home"), or null when the text does not contain it.
 */
export function printedForm(text: string, phrase: string): string | null {
  const want = phrase.split(" ");
  for (const run of runs(text))
    for (let i = 0; i + want.length <= run.length; i++)
      if (want.every((w, k) => run[i + k].norm === w))
        return run
          .slice(i, i + want.length)
          .map((t) => t.raw)
          .join(" ");
  return null;
}
