/**
 * Registers the built-in readers. Each reader lives in its own folder under extract/ and declares
 * what it reads; add a new format by importing it here and listing it in BUILTIN_READERS.
 */
import { docxReader, odtReader } from "./docx/reader";
import { htmlReader, moderngovHtmlReader } from "./moderngov-html/reader";
import { moderngovXmlReader } from "./moderngov-xml/reader";
import { pdfReader } from "./pdf/reader";
import { type Reader, registerReader } from "./registry";
import { markdownReader, textReader } from "./text/reader";

export const BUILTIN_READERS: readonly Reader[] = [
  textReader,
  markdownReader,
  pdfReader,
  htmlReader,
  moderngovHtmlReader,
  moderngovXmlReader,
  docxReader,
  odtReader,
];

let done = false;

/** Idempotent and synchronous in effect: every built-in is registered before the first read. */
export async function registerBuiltinReaders(): Promise<void> {
  if (done) return;
  for (const r of BUILTIN_READERS) registerReader(r);
  done = true;
}
