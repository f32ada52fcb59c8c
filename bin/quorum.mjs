#!/usr/bin/env node
// The `quorum` command: loads the TypeScript CLI through tsx so a clone runs without a build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
const code = await main(process.argv.slice(2));
// A finished command ends its process: idle worker threads or database pools must not hold it open.
// stdout and stderr to files and pipes are synchronous on Linux, so nothing printed is lost.
process.exit(code);
