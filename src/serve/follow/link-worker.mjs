// The worker behind links.ts: runs computeLinks (src/link/compute.ts) and findPeople on the input it is sent and
// posts the result back, so the portal's thread keeps answering requests while the linkers run.
// Plain JS that registers tsx for its own thread (module hooks do not reach a worker), as
// src/extract/isolate-worker.mjs does.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { computeLinks } = await import("../../link/compute.ts");
const { findPeople } = await import("../../link/identity/people.ts");

parentPort.on("message", (job) => {
  try {
    // The council's people too (the CLI's `topics --people` reads them stored).
    const result = { ...computeLinks(job.input), people: findPeople(job.input.entries) };
    parentPort.postMessage({ id: job.id, ok: true, result });
  } catch (e) {
    parentPort.postMessage({ id: job.id, ok: false, message: String(e?.stack ?? e) });
  }
});
