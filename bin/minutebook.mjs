#!/usr/bin/env node
// The `minutebook` command: loads the TypeScript CLI through tsx so a clone runs without a build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
const code = await main(process.argv.slice(2));
// A finished command ends its process, so idle worker threads or database pools cannot hold it open;
// but only once stdout and stderr have flushed, because writes to a full pipe are still queued.
const flushed = (stream) => new Promise((resolve) => stream.write("", resolve));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
