// An officer report as structured sections, mirroring what the parser extracts from a pack (parse/v1
// Report: title, author, recommendations, officers to contact, appendices, background papers) plus the
// prose sections a report prints (purpose, reasons, background, implications). A section, an appendix or
// the whole report can be marked exempt under Schedule 12A Part 1 (paragraphs 1–7, England) with the
// public-interest reason the law asks for; `publicProjection` is the only way to the text the public may
// read. Content is hashed canonically, so a clearance approval binds to exactly one version.
// Pure: no I/O (node:crypto only hashes).

import { createHash } from "node:crypto";
import { z } from "zod";

/** Schedule 12A Part 1 paragraphs (England). */
export const SCHEDULE_12A_PARAGRAPHS = [1, 2, 3, 4, 5, 6, 7] as const;
export const SCHEDULE_12A_TEXT: Record<number, string> = {
  1: "Information relating to any individual",
  2: "Information which is likely to reveal the identity of an individual",
  3: "Information relating to the financial or business affairs of any particular person (including the authority holding that information)",
  4: "Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter",
  5: "Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings",
  6: "Information which reveals that the authority proposes to give a notice or make an order or direction",
  7: "Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime",
};

export const exemptMark = z.object({
  paragraphs: z
    .array(z.coerce.number().int())
    .min(1, "Select at least one paragraph of Schedule 12A")
    .refine((ps) => ps.every((p) => p >= 1 && p <= 7), "Schedule 12A paragraphs are 1 to 7"),
  publicInterest: z
    .string()
    .trim()
    .min(1, "Give the reason the public interest in keeping this exempt outweighs disclosing it")
    .max(5000),
});
export type ExemptMark = z.infer<typeof exemptMark>;

/** The prose sections a report prints, in order; each may be exempt on its own. */
export const SECTION_KEYS = ["purpose", "reasons", "background", "resources", "legal", "equality"] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export const SECTION_TITLES: Record<SectionKey, string> = {
  purpose: "Purpose of the report",
  reasons: "Reasons for recommendations",
  background: "Background",
  resources: "Resource implications",
  legal: "Legal implications",
  equality: "Equality and human rights implications",
};

const text = (max: number) => z.string().trim().max(max);
export const section = z.object({ text: text(100_000).default(""), exempt: exemptMark.nullable().default(null) });
export type Section = z.infer<typeof section>;

export const contact = z.object({
  name: z.string().trim().min(1, "Enter the officer’s name").max(200),
  role: text(200)
    .nullable()
    .default(null)
    .transform((s) => s || null),
  phone: text(50)
    .nullable()
    .default(null)
    .transform((s) => s || null),
  email: text(320)
    .nullable()
    .default(null)
    .transform((s) => s || null),
});
export type Contact = z.infer<typeof contact>;

export const appendix = z.object({
  /** "A", "B", … */
  label: z
    .string()
    .trim()
    .regex(/^[A-Z]{1,2}$/, "Label appendices A, B, C"),
  title: z.string().trim().min(1, "Enter the appendix title").max(300),
  text: text(200_000).default(""),
  exempt: exemptMark.nullable().default(null),
});
export type Appendix = z.infer<typeof appendix>;

export const reportContent = z.object({
  title: z.string().trim().min(1, "Enter the report title").max(300),
  /** Who the report is of, as printed: "Director of Corporate Resources". */
  author: z.string().trim().min(1, "Enter who the report is from").max(300),
  recommendations: z.array(z.string().trim().min(1).max(5000)).default([]),
  sections: z
    .object(
      Object.fromEntries(SECTION_KEYS.map((k) => [k, section.default({ text: "", exempt: null })])) as {
        [K in SectionKey]: z.ZodDefault<typeof section>;
      },
    )
    .default(Object.fromEntries(SECTION_KEYS.map((k) => [k, { text: "", exempt: null }])) as never),
  contacts: z.array(contact).default([]),
  appendices: z.array(appendix).default([]),
  backgroundPapers: z.array(z.string().trim().min(1).max(1000)).default([]),
  /** The whole report is exempt (only its title and paragraphs are public). */
  exempt: exemptMark.nullable().default(null),
});
export type ReportContent = z.infer<typeof reportContent>;

/** Canonical JSON: object keys sorted at every level, so equal content always hashes alike. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v as object)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(v);
}

/** The SHA-256 of a version's content: what a clearance approval is bound to. */
export function contentSha256(c: ReportContent): string {
  return createHash("sha256")
    .update(canonicalJson(reportContent.parse(c)))
    .digest("hex");
}

/** Is anything in the report exempt (the whole, a section or an appendix)? */
export function hasExempt(c: ReportContent): boolean {
  return !!c.exempt || SECTION_KEYS.some((k) => c.sections[k].exempt) || c.appendices.some((a) => a.exempt);
}

/** Every Schedule 12A paragraph the report cites, sorted. */
export function exemptParagraphs(c: ReportContent): number[] {
  const ps = new Set<number>([
    ...(c.exempt?.paragraphs ?? []),
    ...SECTION_KEYS.flatMap((k) => c.sections[k].exempt?.paragraphs ?? []),
    ...c.appendices.flatMap((a) => a.exempt?.paragraphs ?? []),
  ]);
  return [...ps].sort((a, b) => a - b);
}

/** What the public may read: exempt text removed; titles, labels and paragraphs kept (R4). */
export type PublicReport = {
  title: string;
  author: string;
  exempt: { paragraphs: number[] } | null;
  recommendations: string[];
  sections: { key: SectionKey; title: string; text: string | null; exemptParagraphs: number[] | null }[];
  contacts: Contact[];
  appendices: { label: string; title: string; text: string | null; exemptParagraphs: number[] | null }[];
  backgroundPapers: string[];
};

export function publicProjection(c: ReportContent): PublicReport {
  if (c.exempt)
    return {
      title: c.title,
      author: c.author,
      exempt: { paragraphs: [...c.exempt.paragraphs] },
      recommendations: [],
      sections: [],
      contacts: [],
      appendices: c.appendices.map((a) => ({
        label: a.label,
        title: a.title,
        text: null,
        exemptParagraphs: a.exempt?.paragraphs ?? c.exempt?.paragraphs ?? [],
      })),
      backgroundPapers: [],
    };
  return {
    title: c.title,
    author: c.author,
    exempt: null,
    recommendations: [...c.recommendations],
    sections: SECTION_KEYS.filter((k) => c.sections[k].text || c.sections[k].exempt).map((k) => ({
      key: k,
      title: SECTION_TITLES[k],
      text: c.sections[k].exempt ? null : c.sections[k].text,
      exemptParagraphs: c.sections[k].exempt?.paragraphs ?? null,
    })),
    contacts: c.contacts.map((x) => ({ ...x })),
    appendices: c.appendices.map((a) => ({
      label: a.label,
      title: a.title,
      text: a.exempt ? null : a.text,
      exemptParagraphs: a.exempt?.paragraphs ?? null,
    })),
    // s100D(4): exempt documents need not be listed; the list itself is public.
    backgroundPapers: [...c.backgroundPapers],
  };
}

/** Every piece of exempt text in a report (for the "never in a public artifact" check). */
export function exemptTexts(c: ReportContent): string[] {
  const out: string[] = [];
  if (c.exempt) {
    out.push(...c.recommendations, ...SECTION_KEYS.map((k) => c.sections[k].text), ...c.appendices.map((a) => a.text));
  } else {
    for (const k of SECTION_KEYS) if (c.sections[k].exempt) out.push(c.sections[k].text);
    for (const a of c.appendices) if (a.exempt) out.push(a.text);
  }
  return out.filter((t) => t.trim().length > 0);
}

/** An empty report for a new draft. */
export function emptyReport(title: string, author: string): ReportContent {
  return reportContent.parse({ title, author });
}
