// Test-only: a SourceDocument from made-up text, read the way the text reader reads a .txt (or .md) file.
import { linesFromText } from "../../extract/text/reader";
import type { SourceDocument } from "../../model/document";

export function textDocument(text: string, name = "t.txt", markdown = false): SourceDocument {
  return {
    name,
    format: markdown ? "markdown" : "text",
    sha256: "0".repeat(64),
    lines: linesFromText(text, { markdown }),
    pageCount: null,
    furniture: [],
    diagnostics: [],
  };
}
