/**
 * Registers the built-in readers. Each reader lives in its own folder under extract/ and declares
 * what it reads; add a new format by registering it here.
 */
import { registerReader } from "./registry";
import { markdownReader, textReader } from "./text/reader";

let done = false;

export async function registerBuiltinReaders(): Promise<void> {
  if (done) return;
  done = true;
  registerReader(textReader);
  registerReader(markdownReader);
  // Readers in optional folders register themselves when present (PDF, Modern.Gov HTML/XML).
  for (const mod of ["./pdf/reader", "./moderngov-html/reader", "./moderngov-xml/reader"]) {
    let loaded: Record<string, unknown>;
    try {
      loaded = await import(mod);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND" && String(e).includes(mod.slice(2))) continue;
      throw e;
    }
    for (const v of Object.values(loaded)) {
      if (v && typeof v === "object" && "read" in v && "score" in v && "id" in v) registerReader(v as never);
    }
  }
}
