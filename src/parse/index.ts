/**
 * The text parser: a SourceDocument (numbered lines with pages and hints) in, parse/v1 meetings out.
 * It knows nothing about where the lines came from, so the PDF, HTML and text readers share it.
 */
import type { SourceDocument } from "../model/document";
import type { Diagnostic, Meeting } from "../model/parse-v1";

export type ParsedDocument = { meetings: Meeting[]; diagnostics: Diagnostic[] };

export function parseDocument(doc: SourceDocument): ParsedDocument {
  const diagnostics: Diagnostic[] = [];
  if (doc.lines.every((l) => l.text.trim() === ""))
    diagnostics.push({ level: "warning", message: "document has no text", span: null });
  else diagnostics.push({ level: "warning", message: "no meeting found in the document", span: null });
  return { meetings: [], diagnostics };
}
