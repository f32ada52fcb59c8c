// The worker behind links.ts: runs computeLinks (src/link/compute.ts) on the input it is sent and
// posts the result back, so the portal's thread keeps answering requests while the linkers run.
// Plain JS that registers tsx for its own thread (module hooks do not reach a worker), as
// src/extract/isolate-worker.mjs does.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { computeLinks } = await import("../../link/compute.ts");

parentPort.on("message", (job) => {
  try {
    parentPort.postMessage({ id: job.id, ok: true, result: computeLinks(job.input) });
  } catch (e) {
    parentPort.postMessage({ id: job.id, ok: false, message: String(e?.stack ?? e) });
  }
});
