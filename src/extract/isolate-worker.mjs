// The worker behind isolate.ts: takes one job at a time ({ id, readerId, name, bytes, sha256, limits }),
// runs that built-in reader's read(), and answers with its output or its error. Plain JS so that it
// loads the same way under `node bin/minutebook.mjs` and under `node --import tsx`: it registers tsx's
// loader for its own thread, since module hooks registered on the parent do not reach a worker.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { registerBuiltinReaders } = await import("./index.ts");
const { listReaders } = await import("./registry.ts");
await registerBuiltinReaders();

parentPort.on("message", async (job) => {
  try {
    const reader = listReaders().find((r) => r.id === job.readerId);
    if (!reader) throw new Error(`no reader ${job.readerId}`);
    const out = await reader.read({ name: job.name, bytes: job.bytes, sha256: job.sha256, limits: job.limits });
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
