/**
 * Bounded reading of the zip packages Word (.docx) and OpenDocument (.odt) files are made of, with
 * jszip. A zip bomb cannot exhaust memory: every part is inflated as a stream and abandoned as soon
 * as the total unpacked size passes the budget, whatever the central directory claims.
 */
import JSZip from "jszip";
import { ReadError } from "../registry";

/** Local file header signature "PK\x03\x04" at the start. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Whether an entry with this exact name appears in the zip's headers (cheap: a byte search, no inflation). */
export function zipHasEntry(bytes: Uint8Array, entry: string): boolean {
  if (!isZip(bytes)) return false;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(entry, "latin1"));
}

/** ODF packages store "mimetype" first, uncompressed: its content sits at byte 38. */
export function odfMimetype(bytes: Uint8Array): string | null {
  if (!isZip(bytes)) return null;
  const head = Buffer.from(bytes.subarray(30, Math.min(bytes.length, 200))).toString("latin1");
  const m = /^mimetype(application\/vnd\.oasis\.opendocument\.[a-z.-]+)/.exec(head);
  return m ? m[1] : null;
}

type ZipStream = {
  on(event: "data", fn: (chunk: Uint8Array) => void): ZipStream;
  on(event: "error", fn: (e: Error) => void): ZipStream;
  on(event: "end", fn: () => void): ZipStream;
  pause(): ZipStream;
  resume(): ZipStream;
};

export class ZipPackage {
  private unpacked = 0;

  private constructor(
    private readonly name: string,
    private readonly zip: JSZip,
    private readonly budget: number,
  ) {}

  static async open(name: string, bytes: Uint8Array, budget: number): Promise<ZipPackage> {
    try {
      const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
      return new ZipPackage(name, zip, budget);
    } catch (e) {
      throw new ReadError(name, `the file is a damaged zip package and cannot be read: ${(e as Error).message}`);
    }
  }

  has(path: string): boolean {
    return this.zip.file(path) !== null;
  }

  list(): string[] {
    return Object.keys(this.zip.files);
  }

  /** The part as UTF-8 text, or null when absent. Throws a ReadError past the unpacked-size budget. */
  async text(path: string): Promise<string | null> {
    const f = this.zip.file(path);
    if (!f) return null;
    const chunks: Uint8Array[] = [];
    await new Promise<void>((resolve, reject) => {
      // jszip's streaming API (internalStream) is not in its type declarations.
      const stream = (f as unknown as { internalStream(t: "uint8array"): ZipStream }).internalStream("uint8array");
      let stopped = false;
      stream
        .on("data", (chunk: Uint8Array) => {
          if (stopped) return;
          this.unpacked += chunk.length;
          if (this.unpacked > this.budget) {
            stopped = true;
            stream.pause();
            reject(
              new ReadError(
                this.name,
                `unpacking the document would take more than ${this.budget} bytes (a zip bomb, or a document over the size limit)`,
              ),
            );
            return;
          }
          chunks.push(chunk);
        })
        .on("error", (e: Error) => {
          if (!stopped)
            reject(new ReadError(this.name, `part ${path} of the package cannot be unpacked: ${e.message}`));
          stopped = true;
        })
        .on("end", () => {
          if (!stopped) resolve();
        })
        .resume();
    });
    return Buffer.concat(chunks)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
  }
}
