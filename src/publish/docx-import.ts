/**
 * Word import: an officer's .docx report → report sections, so nobody is forced off Word. The existing
 * Word reader (extract/docx) gives the lines; `sectionsFromLines` (pure) files each paragraph under the
 * heading above it, by the headings councils' report templates use (Purpose, Recommendations, Background,
 * Resource/Financial implications, Legal implications, Equality…, Officer(s) to contact, Background papers,
 * Appendices). The title is the first line in capitals or the first line; numbering ("1.", "(a)") is
 * dropped because the pack numbers paragraphs itself. Nothing is marked exempt on import: the officer marks
 * exempt parts in the form, with their paragraphs and reasons.
 */
import { createHash } from "node:crypto";
import { docxReader } from "../extract/docx/reader";
import { DEFAULT_LIMITS } from "../extract/registry";
import type { SectionKey } from "../office/reports";

export type ImportedReport = {
  title: string | null;
  author: string | null;
  recommendations: string[];
  sections: Partial<Record<SectionKey, string>>;
  contacts: { name: string; role: string | null; phone: string | null; email: string | null }[];
  appendices: string[];
  backgroundPapers: string[];
};

type Slot = SectionKey | "recommendations" | "contacts" | "appendices" | "backgroundPapers" | "ignore";

const HEADINGS: [RegExp, Slot][] = [
  [/^purpose( of (the )?report)?$/i, "purpose"],
  [/^recommendations?$/i, "recommendations"],
  [/^reasons? for (the )?recommendations?$/i, "reasons"],
  [/^background$/i, "background"],
  [/^(resource|financial|finance)( and \w+)? implications$/i, "resources"],
  [/^legal implications$/i, "legal"],
  [/^equalit(y|ies)( and human rights)?( implications)?$/i, "equality"],
  [/^officers? to contact$|^contact officers?$|^report author$/i, "contacts"],
  [/^appendix$|^appendices$/i, "appendices"],
  [/^background papers$|^list of background papers$/i, "backgroundPapers"],
  [/^part [ab]$|^circulation under the local issues alert procedure$/i, "ignore"],
];

const stripNumber = (s: string) => s.replace(/^\s*(\d+(\.\d+)*\.?|\([a-z]{1,3}\)|[a-z]\)|[•\-–])\s+/i, "").trim();

/** Files each line under the heading above it. `lines` are the document's text lines in order. */
export function sectionsFromLines(lines: readonly string[]): ImportedReport {
  const out: ImportedReport = {
    title: null,
    author: null,
    recommendations: [],
    sections: {},
    contacts: [],
    appendices: [],
    backgroundPapers: [],
  };
  let slot: Slot | null = null;
  const paras: Partial<Record<SectionKey, string[]>> = {};
  for (const raw of lines) {
    const text = raw.replace(/\s+/g, " ").trim();
    if (!text) continue;
    const bare = stripNumber(text).replace(/[:.]$/, "");
    const h = HEADINGS.find(([re]) => re.test(bare));
    if (h) {
      slot = h[1];
      continue;
    }
    const report = /^(joint )?report of (the )?(.+)$/i.exec(text);
    if (!out.author && report) {
      out.author = report[3].replace(/\.$/, "");
      continue;
    }
    if (slot === null) {
      if (!out.title && text.length > 3 && !/^agenda item/i.test(text)) out.title = text;
      continue;
    }
    const line = stripNumber(text);
    if (!line || /^it is recommended that:?$/i.test(line)) continue;
    switch (slot) {
      case "ignore":
        break;
      case "recommendations":
        out.recommendations.push(line);
        break;
      case "appendices":
        out.appendices.push(line);
        break;
      case "backgroundPapers":
        if (!/^none\.?$/i.test(line)) out.backgroundPapers.push(line);
        break;
      case "contacts": {
        const tel = /^(tel(ephone)?|phone)[:.]?\s*(.+)$/i.exec(line);
        const mail = /^e-?mail[:.]?\s*(\S+@\S+)$/i.exec(line);
        const last = out.contacts[out.contacts.length - 1];
        if (tel && last) last.phone = tel[3];
        else if (mail && last) last.email = mail[1];
        else {
          const [name, ...role] = line.split(/,\s*/);
          out.contacts.push({ name, role: role.join(", ") || null, phone: null, email: null });
        }
        break;
      }
      default:
        paras[slot] = [...(paras[slot] ?? []), line];
    }
  }
  for (const [k, v] of Object.entries(paras)) out.sections[k as SectionKey] = (v as string[]).join("\n\n");
  if (out.title && out.title === out.title.toUpperCase())
    out.title = out.title.charAt(0) + out.title.slice(1).toLowerCase();
  return out;
}

/** Reads a .docx with Minutebook's Word reader and files its lines into sections. */
export async function importDocx(name: string, bytes: Uint8Array): Promise<ImportedReport> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const r = await docxReader.read({ name, bytes, sha256, limits: DEFAULT_LIMITS });
  if (r.kind !== "lines") throw new Error(`${name}: not a Word document`);
  return sectionsFromLines(r.doc.lines.map((l) => l.text));
}
