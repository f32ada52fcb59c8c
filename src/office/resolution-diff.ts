// What changed between the report's recommendation and the resolution the meeting passed, word by word
// (jsdiff's word diff), and the verdict the published minutes print: "approved as recommended" when the
// two agree once spacing, clause letters and a leading "That" are set aside, otherwise "approved with
// amendments" with the words added and removed. No incumbent shows this; pure, so the public page,
// the PDF and the workspace all show the same verdict.
import { diffWords } from "diff";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };
export type ResolutionVerdict = "as-recommended" | "with-amendments" | "no-recommendation";
export type ResolutionDiff = { verdict: ResolutionVerdict; parts: DiffPart[]; added: number; removed: number };

export const VERDICT_TEXT: Record<ResolutionVerdict, string> = {
  "as-recommended": "Approved as recommended",
  "with-amendments": "Approved with amendments",
  "no-recommendation": "Resolved (no report recommendation)",
};

/** Clause letters and numbering, "That", spacing and a final full stop are layout, not wording. */
export function normaliseClauses(s: string): string {
  return s
    .split(/\n+/)
    .map((l) =>
      l
        .trim()
        .replace(/^\(?([a-z]{1,3}|[ivx]{1,5}|\d{1,2})[).]\s+/i, "")
        .replace(/[;.]\s*(and)?\s*$/i, "")
        .trim(),
    )
    .filter(Boolean)
    .join("\n")
    .replace(/[ \t]+/g, " ");
}

export function resolutionDiff(recommendation: string | null, resolution: string): ResolutionDiff {
  if (recommendation === null || !recommendation.trim()) {
    return { verdict: "no-recommendation", parts: [{ kind: "same", text: resolution }], added: 0, removed: 0 };
  }
  const a = normaliseClauses(recommendation);
  const b = normaliseClauses(resolution);
  const parts: DiffPart[] = diffWords(a, b).map((c) => ({
    kind: c.added ? "added" : c.removed ? "removed" : "same",
    text: c.value,
  }));
  const words = (k: DiffPart["kind"]) =>
    parts
      .filter((p) => p.kind === k)
      .reduce((n, p) => n + p.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length, 0);
  const added = words("added");
  const removed = words("removed");
  return { verdict: added + removed === 0 ? "as-recommended" : "with-amendments", parts, added, removed };
}

/** "+, subject to a review in March −the whole" as plain text, for text and Word output. */
export function diffAsText(d: ResolutionDiff): string {
  return d.parts
    .map((p) =>
      p.kind === "same" ? p.text : p.kind === "added" ? `[added: ${p.text.trim()}]` : `[removed: ${p.text.trim()}]`,
    )
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}
