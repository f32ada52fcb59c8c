// A parse worker of import/parse-pool.ts: takes one file at a time ({ id, name, bytes }), runs the whole
// read → parse → exempt marking → validation (pipeline/parse-file.ts) and the not-a-paper check, and
// answers with the result and its text lines, or the error. Plain JS so that it loads the same way under
// `node bin/minutebook.mjs` and `node --import tsx`: it registers tsx's loader for its own thread.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { prepareBytes } = await import("./parse-pool.ts");

parentPort.on("message", async (job) => {
  try {
    const out = await prepareBytes(job.name, job.bytes);
    parentPort.postMessage({ id: job.id, ok: true, out });
  } catch (e) {
    const err = e ?? {};
    parentPort.postMessage({
      id: job.id,
      ok: false,
      error: { name: String(err.name ?? "Error"), message: String(err.message ?? e), file: err.file },
    });
  }
});
