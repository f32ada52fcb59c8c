// PDF glyph extraction, run inside a worker_threads Worker (plain JS so it loads without tsx).
// Opens the PDF with pdf.js (no eval, no font or network fetching), and posts back, per page, the
// positioned text runs with their font's bold flag. Layout (lines, columns, furniture) happens in
// layout.ts on the main thread; this file only turns bytes into glyph runs.
import { parentPort, workerData } from "node:worker_threads";

const BOLD_NAME = /bold|black|heavy|semibold|demibold|extrabold|ultrabold|[-,]bd$|[-,]sb$/i;

/** @param {unknown} e */
function describe(e) {
  const err = /** @type {{ name?: string; message?: string }} */ (e ?? {});
  return { name: String(err.name ?? "Error"), message: String(err.message ?? e) };
}

async function run() {
  const { bytes, maxPages } = workerData;
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const { getDocument, Util } = pdfjs;
  const task = getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: true,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    const d = describe(e);
    const code = d.name === "PasswordException" ? "encrypted" : "invalid";
    parentPort.postMessage({ type: "error", code, message: `${d.name}: ${d.message}` });
    return;
  }
  const numPages = doc.numPages;
  if (numPages > maxPages) {
    parentPort.postMessage({
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
  parentPort.postMessage({ type: "meta", numPages, encrypted });

  /** Font loadedName → { name, bold } for the whole document. */
  const fonts = new Map();
  for (let p = 1; p <= numPages; p++) {
    let page;
    try {
      page = await doc.getPage(p);
    } catch (e) {
      const d = describe(e);
      parentPort.postMessage({ type: "page", page: { n: p, width: 0, height: 0, items: [], error: d.message } });
      continue;
    }
    const vp = page.getViewport({ scale: 1 });
    let tc;
    try {
      tc = await page.getTextContent();
    } catch (e) {
      const d = describe(e);
      parentPort.postMessage({
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
        await page.getOperatorList();
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
      const horizontal = Math.abs(m[1]) <= 0.05 * Math.abs(m[0]) && m[0] > 0 && Math.abs(m[2]) <= 0.05 * Math.abs(m[3]);
      // [text, x, baseline y (downwards), width, font size, font id, 0 horizontal | 1 rotated]
      items.push([it.str, m[4], m[5], it.width, size, it.fontName, horizontal ? 0 : 1]);
    }
    parentPort.postMessage({ type: "page", page: { n: p, width: vp.width, height: vp.height, items } });
    page.cleanup();
  }
  const fontList = {};
  for (const [k, v] of fonts) fontList[k] = v;
  parentPort.postMessage({ type: "done", fonts: fontList });
  await doc.destroy();
}

run().catch((e) => {
  const d = describe(e);
  parentPort.postMessage({ type: "error", code: "invalid", message: `${d.name}: ${d.message}` });
});
