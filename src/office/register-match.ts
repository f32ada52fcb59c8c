/**
 * Which entry of a councillor's public register a declaration made at a meeting is about, read from the
 * words they share: a declaration "as a member of the Leicestershire Fire Authority" meets the entry
 * "Member, Leicestershire Combined Fire Authority". Words every declaration uses ("interest", "member",
 * "pecuniary") do not count; the entry sharing the most remaining words wins, and none when no entry
 * shares a word or two entries tie. Only public entries are offered (a sensitive entry's description is
 * never read out of the store for the public page), so a link never hints at a withheld interest. No I/O.
 */

const GENERIC = new Set(
  `a about an and any are as at be been being but by council councillor county declared declares declaring
disclosable for from had has have he her his in interest interests is it its member members non not of on or
other personal pecuniary prejudicial registerable registered she significant that the their this to was were
which who with item items agenda minute relation respect regard matter nature`.split(/\s+/),
);

/** The words of a text that can tie a declaration to an entry. */
export function significantWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 3 && !GENERIC.has(w))
      .map((w) => (w.length > 4 && w.endsWith("s") ? w.slice(0, -1) : w)),
  );
}

/** The id of the register entry the declaration is about, or null. */
export function matchRegisterEntry(
  declaration: string | null,
  entries: readonly { id: number; description: string }[],
): number | null {
  if (!declaration) return null;
  const said = significantWords(declaration);
  let best: number | null = null;
  let bestScore = 0;
  let tie = false;
  for (const e of entries) {
    const words = significantWords(e.description);
    let score = 0;
    for (const w of words) if (said.has(w)) score++;
    if (score > bestScore) {
      best = e.id;
      bestScore = score;
      tie = false;
    } else if (score > 0 && score === bestScore) tie = true;
  }
  return bestScore > 0 && !tie ? best : null;
}
