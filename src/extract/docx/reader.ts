/**
 * The word-processor readers: Word (.docx) and OpenDocument text (.odt), sniffed by content (a zip
 * package holding word/document.xml, or an ODF "mimetype" of a text document), never by name.
 * Bounded: the file size limit, an unpacked-size budget against zip bombs (zip.ts) and the time
 * limit checked as paragraphs are read. parse/v1 has no word-processor format, so their records
 * say "xml" (both are XML packages); the reader id says which.
 */
import { ReadError, type Reader, type ReadInput, type ReadOutput } from "../registry";
import { readDocx } from "./docx";
import { readOdt } from "./odt";
import { isZip, odfMimetype, ZipPackage, zipHasEntry } from "./zip";

/** Unpacked XML budget: the document may unpack to a few times its packed size, never past this. */
export function unpackBudget(maxBytes: number): number {
  return Math.max(8 * 1024 * 1024, maxBytes);
}

function checkSize(input: ReadInput): void {
  if (input.bytes.length > input.limits.maxBytes)
    throw new ReadError(
      input.name,
      `file is ${input.bytes.length} bytes, over the limit of ${input.limits.maxBytes} bytes`,
    );
}

export const docxReader: Reader = {
  id: "docx",
  format: "xml",
  score({ name, bytes }) {
    if (zipHasEntry(bytes, "word/document.xml")) return 100;
    // A zip named .docx without Word's main part is read (and refused with a clear reason) only when nothing else wants it.
    return isZip(bytes) && /\.docx$/i.test(name) ? 1 : 0;
  },
  async read(input: ReadInput): Promise<ReadOutput> {
    checkSize(input);
    if (!isZip(input.bytes)) throw new ReadError(input.name, "not a Word document: the file is not a zip package");
    const deadline = Date.now() + input.limits.timeoutMs;
    const pkg = await ZipPackage.open(input.name, input.bytes, unpackBudget(input.limits.maxBytes));
    if (!pkg.has("word/document.xml"))
      throw new ReadError(input.name, "not a Word document: the zip package has no word/document.xml");
    return { kind: "lines", doc: await readDocx(pkg, input.name, input.sha256, deadline) };
  },
};

export const odtReader: Reader = {
  id: "odt",
  format: "xml",
  score({ bytes }) {
    const mt = odfMimetype(bytes);
    if (mt === "application/vnd.oasis.opendocument.text") return 100;
    return 0;
  },
  async read(input: ReadInput): Promise<ReadOutput> {
    checkSize(input);
    const deadline = Date.now() + input.limits.timeoutMs;
    const pkg = await ZipPackage.open(input.name, input.bytes, unpackBudget(input.limits.maxBytes));
    if (!pkg.has("content.xml"))
      throw new ReadError(input.name, "not an OpenDocument text: the package has no content.xml");
    return { kind: "lines", doc: await readOdt(pkg, input.name, input.sha256, deadline) };
  },
};
