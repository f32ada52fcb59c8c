/**
 * People: the printed forms of a councillor's name ("Mr. J. B. Rhodes CC", "Mr. Rhodes CC",
 * "Mr Rhodes", "Mr. Dave Houseman MBE, CC") parsed into parts, and a conservative rule for when two
 * forms are the same person. Pure functions; the store keeps the rule that merged each alias so a
 * wrong merge can be seen and undone.
 */

export type ParsedName = {
  printed: string;
  /** Lower-case title without its full stop ("mr", "mrs", "dr", "cllr"); null when none is printed. */
  title: string | null;
  /** Forenames or initials in order, as printed without full stops ("J", "B" or "Dave"). */
  given: string[];
  surname: string;
  /** Lower-case surname with accents and punctuation removed: the key candidates are looked up by. */
  surnameKey: string;
  /** Post-nominals dropped from the name ("CC", "MBE", "JP"). */
  suffixes: string[];
};

const TITLES = new Map<string, string>([
  ["mr", "mr"],
  ["mrs", "mrs"],
  ["ms", "ms"],
  ["miss", "miss"],
  ["mx", "mx"],
  ["dr", "dr"],
  ["cllr", "cllr"],
  ["councillor", "cllr"],
  ["county councillor", "cllr"],
  ["sir", "sir"],
  ["dame", "dame"],
  ["lady", "lady"],
  ["lord", "lord"],
  ["prof", "prof"],
  ["professor", "prof"],
  ["rev", "rev"],
  ["revd", "rev"],
]);

const SUFFIXES = new Set([
  "cc",
  "mbe",
  "obe",
  "cbe",
  "bem",
  "jp",
  "dl",
  "mp",
  "mep",
  "kc",
  "qc",
  "frcs",
  "phd",
  "ba",
  "msc",
  "ma",
  "bsc",
  "frsa",
  "rn",
]);
const PARTICLES = new Set(["de", "da", "van", "von", "der", "le", "la", "di", "du", "st"]);

const fold = (s: string): string =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/** Parses a printed name; returns null when nothing name-like is left (e.g. empty or only a title). */
export function parseName(printed: string): ParsedName | null {
  // Drop parenthesised remarks ("(Chairman)", "(minute 40 refers)") and anything after a dash or colon.
  const s = printed
    .replace(/\([^)]*\)/g, " ")
    .replace(/\s[-–—:]\s.*$/, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!s) return null;
  const suffixes: string[] = [];
  const tokens = s
    .split(/[\s,]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  // Post-nominals at the end.
  while (tokens.length > 1 && SUFFIXES.has(fold(tokens[tokens.length - 1]).replace(/\./g, ""))) {
    suffixes.unshift(tokens.pop()!.replace(/\./g, ""));
  }
  let title: string | null = null;
  if (tokens.length > 1) {
    const two = fold(`${tokens[0]} ${tokens[1]}`).replace(/\./g, "");
    const one = fold(tokens[0]).replace(/\./g, "");
    if (TITLES.has(two) && tokens.length > 2) {
      title = TITLES.get(two)!;
      tokens.splice(0, 2);
    } else if (TITLES.has(one)) {
      title = TITLES.get(one)!;
      tokens.shift();
    }
  }
  // Initials run together ("J.B.") split into letters.
  const words: string[] = [];
  // Undotted initials ("SD Sheahan", "S D Sheahan") are initials too: two or three capitals with no
  // vowel, before the surname, in a name not printed all in capitals.
  const allCaps = s === s.toUpperCase();
  tokens.forEach((t, i) => {
    if (/^(\p{L}\.){2,}$/u.test(t)) for (const c of t.split(".").filter(Boolean)) words.push(c);
    else if (!allCaps && i < tokens.length - 1 && /^[A-Z]{2,3}$/.test(t) && !/[AEIOUY]/.test(t))
      for (const c of t) words.push(c);
    else words.push(t.replace(/\.$/, ""));
  });
  const clean = words.filter((w) => /\p{L}/u.test(w));
  if (!clean.length || clean.length > 5) return null;
  // Sentences ("All Members of the committee who …") are not names: lower-case words other than particles.
  if (clean.some((w) => /^\p{Ll}/u.test(w) && !PARTICLES.has(w))) return null;
  let surnameParts = [clean.pop()!];
  while (clean.length && PARTICLES.has(fold(clean[clean.length - 1]))) surnameParts = [clean.pop()!, ...surnameParts];
  const surname = surnameParts.join(" ");
  const surnameKey = fold(surname).replace(/[^\p{L}\p{N}]+/gu, "");
  if (!surnameKey) return null;
  return { printed: printed.trim(), title, given: clean, surname, surnameKey, suffixes };
}

/** Initials of the given names, upper case, in order: ["Dave"] → "D", ["J", "B"] → "JB". */
export function initials(given: string[]): string {
  return given.map((g) => fold(g).charAt(0).toUpperCase()).join("");
}

const isInitial = (g: string): boolean => g.replace(/\./g, "").length === 1;

/** The name without post-nominals, for display: "Mr J. B. Rhodes", "Mr Dave Houseman". */
export function displayName(n: ParsedName): string {
  const title = n.title ? `${n.title.charAt(0).toUpperCase()}${n.title.slice(1)}` : null;
  const given = n.given.map((g) => (isInitial(g) ? `${g.toUpperCase()}.` : g));
  return [title, ...given, n.surname].filter(Boolean).join(" ");
}

/** A person already known, as the store keeps it. */
export type KnownPerson = { id: number; title: string | null; given: string[]; surnameKey: string };

export type MergeRule =
  | "exact"
  | "initials"
  | "forename-initial"
  | "initials-prefix"
  | "forename-prefix"
  | "surname-unique";

/** Titles agree when equal, when either is missing, or when one is the generic "Cllr". */
function titlesAgree(a: string | null, b: string | null): boolean {
  if (!a || !b || a === b) return true;
  return a === "cllr" || b === "cllr";
}

function sameGiven(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => fold(x) === fold(b[i]));
}

/**
 * How a parsed name relates to one known person, or null when they must stay apart:
 * - "exact": the same forenames/initials (and agreeing titles);
 * - "initials": different spellings that reduce to the same initials where both are initials only
 *   or both forenames are the same (never two different full forenames);
 * - "forename-initial": a forename on one side, the matching initial on the other ("Dave" / "D.");
 * - "initials-prefix": initials only on one side, the first of the other's ("S." / "S. D.");
 * - "forename-prefix": the forename a person goes by against their printed initials, the first
 *   agreeing and the rest left off ("Nigel" / "N. J."); two different full forenames never agree.
 * A form without any forename or initial is matched separately by `resolvePerson` (surname-unique).
 */
export function matchRule(name: ParsedName, known: KnownPerson): MergeRule | null {
  if (name.surnameKey !== known.surnameKey || !titlesAgree(name.title, known.title)) return null;
  if (!name.given.length || !known.given.length) return null;
  if (sameGiven(name.given, known.given)) return "exact";
  if (name.given.length !== known.given.length) {
    // "S. Sheahan" and "S. D. Sheahan": the shorter printing gives the first initials of the longer.
    const [short, long] =
      name.given.length < known.given.length ? [name.given, known.given] : [known.given, name.given];
    const agree = short.every((g, i) => {
      const other = long[i];
      if (fold(g) === fold(other)) return true;
      return (isInitial(g) || isInitial(other)) && fold(g).charAt(0) === fold(other).charAt(0);
    });
    if (!agree) return null;
    return short.every(isInitial) ? "initials-prefix" : "forename-prefix";
  }
  let usedInitial = false;
  for (let i = 0; i < name.given.length; i++) {
    const a = name.given[i];
    const b = known.given[i];
    if (fold(a) === fold(b)) continue;
    if (isInitial(a) || isInitial(b)) {
      if (fold(a).charAt(0) !== fold(b).charAt(0)) return null;
      usedInitial = true;
      continue;
    }
    return null; // two different full forenames
  }
  return usedInitial ? "forename-initial" : "initials";
}

export type Resolution = { personId: number; rule: MergeRule } | { personId: null; rule: "first-seen" };

/**
 * Resolves a printed name against the known people with the same surname (same authority).
 * Conservative: a merge happens only when exactly one known person fits; otherwise a new person.
 */
export function resolvePerson(name: ParsedName, candidates: KnownPerson[]): Resolution {
  const same = candidates.filter((c) => c.surnameKey === name.surnameKey && titlesAgree(name.title, c.title));
  if (!name.given.length) {
    // "Mr Rhodes": only when one person of that surname (and agreeing title) is known.
    if (same.length === 1) return { personId: same[0].id, rule: "surname-unique" };
    return { personId: null, rule: "first-seen" };
  }
  const fits: { id: number; rule: MergeRule }[] = [];
  for (const c of same) {
    const rule = matchRule(name, c);
    if (rule) fits.push({ id: c.id, rule });
  }
  const exact = fits.filter((f) => f.rule === "exact");
  if (exact.length === 1) return { personId: exact[0].id, rule: "exact" };
  if (fits.length === 1) return { personId: fits[0].id, rule: fits[0].rule };
  if (!fits.length) {
    // A person known only by title and surname ("Mr Rhodes") gains forenames when they are the only one.
    const bare = same.filter((c) => !c.given.length);
    if (bare.length === 1 && same.length === 1) return { personId: bare[0].id, rule: "surname-unique" };
  }
  return { personId: null, rule: "first-seen" };
}

/** Edit distance of two short strings (insertions, deletions, substitutions), stopping past `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Two names that may be one person misspelt ("Sandy McMillian" / "Sandy McMillan"): the same
 * forenames or initials and surnames one edit apart (surnames of five letters or more). Never
 * merged: flagged for someone to review.
 */
export function nearMiss(a: ParsedName, b: ParsedName): boolean {
  if (a.surnameKey === b.surnameKey || a.surnameKey.length < 5 || b.surnameKey.length < 5) return false;
  if (!a.given.length || !b.given.length || initials(a.given) !== initials(b.given)) return false;
  return editDistance(a.surnameKey, b.surnameKey, 1) === 1;
}

/** Two people of one council as the store keeps them: printed title, forenames or initials, surname key. */
export type StoredPerson = { title: string | null; given: string[]; surnameKey: string };

/**
 * Why two people of one council the rules kept apart may be one, for an officer to decide (merge or
 * keep apart), or null when nothing suggests it: a form with the surname only while several people of
 * that surname are known, names that fit each other but also fit someone else, or a surname one letter
 * off with the same initials. Different titles (Mr / Mrs) or different full forenames never are.
 */
export function doubtfulPair(a: StoredPerson, b: StoredPerson): string | null {
  if (a.surnameKey === b.surnameKey) {
    if (!titlesAgree(a.title, b.title)) return null;
    if (!a.given.length || !b.given.length)
      return "one is printed with the surname only, and more than one person of that surname is known";
    const rule = matchRule(
      { printed: "", title: a.title, given: a.given, surname: a.surnameKey, surnameKey: a.surnameKey, suffixes: [] },
      { id: 0, ...b },
    );
    return rule ? "the names fit each other, but they also fit another person's, so they were not joined" : null;
  }
  const pa = {
    printed: "",
    title: a.title,
    given: a.given,
    surname: a.surnameKey,
    surnameKey: a.surnameKey,
    suffixes: [],
  };
  const pb = {
    printed: "",
    title: b.title,
    given: b.given,
    surname: b.surnameKey,
    surnameKey: b.surnameKey,
    suffixes: [],
  };
  return nearMiss(pa, pb) ? "the same initials and surnames one letter apart: one person misspelt, or two?" : null;
}
