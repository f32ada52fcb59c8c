/**
 * Which council a document belongs to when it does not print one (a Modern.Gov front sheet headed
 * just "CABINET", a panel's minutes, a web fragment). Pure rules over what the store already holds;
 * the store (store/common/write.ts) gathers the evidence and applies the first rule that gives exactly
 * one council, strongest first:
 *   1. the meeting's name is itself a council's name ("Ayton Community Council");
 *   2. the meeting's other papers: a committee of the same name meets on the same date in exactly one
 *      council (the agenda and the minutes of one meeting);
 *   3. the document's web addresses: an e-mail or site on `<place>.gov.uk` whose place is exactly one
 *      known council's ("democratic.services@kent.gov.uk" → Kent County Council);
 *   4. the folder: the other papers in the same folder name exactly one council;
 *   5. the meeting's name begins with exactly one known council's place ("Milburn Annual Parish
 *      Meeting" → Milburn Parish Council);
 *   6. the same committee: a committee of that name exists in exactly one council, when the name is
 *      specific (three words or more) or the store holds one council only.
 * Councils are compared by a normalised key, so "Limerick City And County Council" and "Limerick City
 * and County Council" are one. Nothing here joins two councils: each rule needs a unique answer.
 */

/** A council's name compared without case, punctuation, "&" for "and" or a leading "The". */
export function councilKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}

/** Words that say what kind of council or meeting something is, not where. */
const GENERIC = new Set([
  "county",
  "city",
  "borough",
  "district",
  "town",
  "parish",
  "community",
  "council",
  "councils",
  "metropolitan",
  "royal",
  "unitary",
  "combined",
  "authority",
  "of",
  "and",
  "the",
  "upon",
  "london",
]);

/** A council's place words: "West Berkshire District Council" → ["west", "berkshire"]. */
export function placeWords(council: string): string[] {
  return councilKey(council)
    .split(" ")
    .filter((w) => w && !GENERIC.has(w));
}

/**
 * The council a meeting's own name gives, when the name is a council's: "Ayton Community Council",
 * "Limerick City and County Council", "Milburn Parish Council". A kind alone ("County Council", "Full
 * Council", "Parish Council") names no council.
 */
export function bodyIsCouncil(body: string): string | null {
  const b = body.replace(/\s+/g, " ").trim().replace(/^the /i, "");
  if (!/\bcouncil$/i.test(b)) return null;
  if (/\b(?:full|extraordinary|special|annual|ordinary|joint|youth|shadow)\b/i.test(b)) return null;
  return placeWords(b).length ? b : null;
}

/** `<place>.gov.uk` labels in the text (e-mail addresses and web sites), most frequent first. */
export function govDomains(lines: readonly string[]): string[] {
  const counts = new Map<string, number>();
  const re = /\b(?:[a-z0-9-]+\.)*?([a-z0-9-]+)\.gov\.uk\b/gi;
  for (const l of lines) {
    if (!/\.gov\s*\.\s*uk/i.test(l)) continue;
    // A PDF may break an address across a line ("…@kent" / ".gov.uk"): spaces inside it are closed up.
    for (const m of l.replace(/\s*\.\s*gov\s*\.\s*uk/gi, ".gov.uk").matchAll(re)) {
      const label = m[1].toLowerCase();
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
}

/** The one council whose place is this web label ("kent", "westberks" is not guessed), or null. */
export function councilOfDomain(label: string, councils: readonly string[]): string | null {
  const hits = councils.filter((c) => {
    const words = placeWords(c);
    return words.length > 0 && (words.join("") === label || words.join("-") === label);
  });
  return hits.length === 1 ? hits[0] : null;
}

/** The one council whose place the meeting's name begins with ("Milburn Annual Parish Meeting"), or null. */
export function councilOfBodyPlace(body: string, councils: readonly string[]): string | null {
  const words = councilKey(body).split(" ");
  const hits = councils.filter((c) => {
    const place = placeWords(c);
    return place.length > 0 && words.length > place.length && place.every((w, i) => words[i] === w);
  });
  return hits.length === 1 ? hits[0] : null;
}

/** Whether a committee's name is specific enough to place a document by itself (three words or more). */
export const specificName = (key: string): boolean => key.split(" ").filter(Boolean).length >= 3;

/** The only distinct value, or null when there are none or several. */
export function only<T>(xs: Iterable<T>): T | null {
  const s = new Set(xs);
  return s.size === 1 ? [...s][0] : null;
}
