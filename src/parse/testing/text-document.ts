// Test-only: a SourceDocument from made-up plain text, read the way the text reader reads a .txt file.
import { linesFromText } from "../../extract/text/reader";
import type { SourceDocument } from "../../model/document";

export function textDocument(text: string, name = "t.txt"): SourceDocument {
  return {
    name,
    format: "text",
    sha256: "0".repeat(64),
    lines: linesFromText(text, { markdown: false }),
    pageCount: null,
    furniture: [],
    diagnostics: [],
  };
}
