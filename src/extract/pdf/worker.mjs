// PDF glyph extraction, run inside a worker_threads Worker (plain JS so it loads without tsx).
// Opens the PDF with pdf.js (no eval, no font or network fetching), and posts back, per page, the
// positioned text runs with their font's bold flag. Layout (lines, columns, furniture) happens in
// layout.ts on the main thread; this file only turns bytes into glyph runs. A worker takes one job
// at a time ({ id, bytes, maxPages }) and answers every message with that id; it ends each job
// with "done" or "error", then waits for the next, so a warm worker can be reused.
import { parentPort } from "node:worker_threads";

// pdf.js reports recoverable problems on the console; they must not reach the user's terminal.
for (const k of ["log", "info", "warn", "error", "debug"]) console[k] = () => {};

// pdf.js decodes Flate and Brotli streams through DecompressionStream when there is one, which in Node is a
// native zlib stream. A worker terminated at its time limit while such a stream is being set up aborts the
// whole process in Node 20 (node_zlib.cc "close before init", seen once in a test run under load), so this
// worker leaves it out and pdf.js uses its own JavaScript decoders (its fallback when the stream fails).
delete globalThis.DecompressionStream;

const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");

const BOLD_NAME = /bold|black|heavy|semibold|demibold|extrabold|ultrabold|[-,]bd$|[-,]sb$/i;

/** @param {unknown} e */
function describe(e) {
  const err = /** @type {{ name?: string; message?: string }} */ (e ?? {});
  return { name: String(err.name ?? "Error"), message: String(err.message ?? e) };
}

/** @param {{ id: number; bytes: Uint8Array; maxPages: number }} job */
async function run(job) {
  const { id, bytes, maxPages } = job;
  /** @param {Record<string, unknown>} m */
  const post = (m) => parentPort.postMessage({ ...m, id });
  const { getDocument, Util } = pdfjs;
  const task = getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    // Recover what can be read from damaged content (pdf.js skips bad operators); whole-file damage still fails.
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    const d = describe(e);
    const code = d.name === "PasswordException" ? "encrypted" : "invalid";
    await task.destroy().catch(() => {});
    post({ type: "error", code, message: `${d.name}: ${d.message}` });
    return;
  }
  const numPages = doc.numPages;
  if (numPages > maxPages) {
    post({
      type: "error",
      code: "too-many-pages",
      message: `the PDF has ${numPages} pages, over the limit of ${maxPages} pages`,
    });
    await doc.destroy();
    return;
  }
  let encrypted = false;
  try {
    const meta = await doc.getMetadata();
    encrypted = Boolean(meta?.info?.EncryptFilterName);
  } catch {
    // Metadata is optional.
  }
  post({ type: "meta", numPages, encrypted });

  /** Font loadedName → { name, bold } for the whole document. */
  const fonts = new Map();
  for (let p = 1; p <= numPages; p++) {
    let page;
    try {
      page = await doc.getPage(p);
    } catch (e) {
      const d = describe(e);
      post({ type: "page", page: { n: p, width: 0, height: 0, items: [], error: d.message } });
      continue;
    }
    const vp = page.getViewport({ scale: 1 });
    let tc;
    try {
      tc = await page.getTextContent();
    } catch (e) {
      const d = describe(e);
      post({
        type: "page",
        page: { n: p, width: vp.width, height: vp.height, items: [], error: d.message },
      });
      page.cleanup();
      continue;
    }
    const unknown = Object.keys(tc.styles).filter((k) => !fonts.has(k));
    if (unknown.length) {
      // Text content does not carry font names; the operator list sends the fonts over.
      try {
        await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
      } catch {
        // Fonts stay unknown (not bold); the text is still usable.
      }
      for (const k of unknown) {
        let name = "";
        let bold = false;
        try {
          const f = page.commonObjs.get(k);
          name = String(f?.name ?? "");
          bold = f?.bold === true || f?.black === true || BOLD_NAME.test(name.replace(/^[A-Z]{6}\+/, ""));
        } catch {
          // Not resolved: leave unknown.
        }
        fonts.set(k, { name, bold });
      }
    }
    /** @type {Array<[string, number, number, number, number, string, number]>} */
    const items = [];
    for (const it of tc.items) {
      if (!("str" in it) || it.str === "" || /^\s+$/.test(it.str)) continue;
      const m = Util.transform(vp.transform, it.transform);
      const size = Math.hypot(m[2], m[3]);
      // Direction of the text on the displayed page (y downwards): 0 left to right, 1 running up,
      // 2 running down, 3 upside down, 4 any other angle.
      const angle = (Math.atan2(m[1], m[0]) * 180) / Math.PI;
      const dir =
        Math.abs(angle) < 3
          ? 0
          : Math.abs(angle + 90) < 3
            ? 1
            : Math.abs(angle - 90) < 3
              ? 2
              : Math.abs(Math.abs(angle) - 180) < 3
                ? 3
                : 4;
      // [text, x, baseline y (downwards), width, font size, font id, direction]
      items.push([it.str, m[4], m[5], it.width, size, it.fontName, dir]);
    }
    post({ type: "page", page: { n: p, width: vp.width, height: vp.height, items } });
    page.cleanup();
  }
  const fontList = {};
  for (const [k, v] of fonts) fontList[k] = v;
  post({ type: "done", fonts: fontList });
  await doc.destroy();
}

parentPort.on("message", (job) => {
  run(job).catch((e) => {
    const d = describe(e);
    parentPort.postMessage({ id: job.id, type: "error", code: "invalid", message: `${d.name}: ${d.message}` });
  });
});
