/**
 * `minutebook db migrate|backup FILE|stats|merge KEEP OTHER|unmerge ALIAS [--db FILE]`: store maintenance for
 * SQLite and PostgreSQL alike, and an officer's corrections to who is who.
 * Only `migrate` creates a store; the others refuse one that does not exist.
 */

import { updateLinks } from "../../import/links";
import { describeLocation, openRepository } from "../../store/open";
import { storeLocation } from "../../store/repository";
import { parseOptions, UsageError } from "../args";
import type { Command } from "../main";
import { formatLinkSummary } from "./links";

const usage =
  "minutebook db migrate | backup FILE | stats | merge KEEP_ID OTHER_ID | unmerge ALIAS_ID  [--db FILE] [--json]   (DATABASE_URL=postgres://… selects PostgreSQL)";

export const command: Command = {
  summary: "Database maintenance: apply migrations, back up (SQLite online backup; PostgreSQL pg_dump), show counts.",
  usage,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { db: { type: "string" }, json: { type: "boolean" } }, usage);
    const [action, ...rest] = positionals;
    const loc = storeLocation(values.db);
    if (action === "migrate") {
      if (rest.length) throw new UsageError(`migrate takes no arguments\nusage: ${usage}`);
      const repo = await openRepository(loc, { migrate: false });
      try {
        const applied = await repo.migrate();
        const stats = await repo.stats();
        // A store from before links were stored gets them now (an up-to-date one: nothing changed, nothing read).
        if (applied.includes(22) && stats.meetings > 0) {
          const now = new Date();
          const links = await updateLinks(repo, { today: now.toISOString().slice(0, 10), now: now.toISOString() });
          if (!values.json) process.stderr.write(`${formatLinkSummary(links)}\n`);
        }
        if (values.json) process.stdout.write(`${JSON.stringify({ applied, schemaVersion: stats.schemaVersion })}\n`);
        else
          process.stdout.write(
            `${describeLocation(loc)}: ${applied.length ? `applied migration${applied.length > 1 ? "s" : ""} ${applied.join(", ")}` : "already up to date"} (schema version ${stats.schemaVersion})\n`,
          );
        return 0;
      } finally {
        await repo.close();
      }
    }
    if (action === "backup") {
      if (rest.length !== 1) throw new UsageError(`backup takes one FILE\nusage: ${usage}`);
      const repo = await openRepository(loc, { mustExist: true });
      try {
        await repo.backup(rest[0]);
        process.stdout.write(`${describeLocation(loc)} backed up to ${rest[0]}\n`);
        return 0;
      } finally {
        await repo.close();
      }
    }
    if (action === "stats") {
      const repo = await openRepository(loc, { mustExist: true });
      try {
        const s = await repo.stats();
        process.stdout.write(
          values.json
            ? `${JSON.stringify(s, null, 1)}\n`
            : `${describeLocation(loc)}\n${Object.entries(s)
                .map(([k, v]) => `  ${k}: ${v}`)
                .join("\n")}\n`,
        );
        return 0;
      } finally {
        await repo.close();
      }
    }
    if (action === "unmerge") {
      // Undo a wrong person merge: the alias (one printed form in one document) becomes its own person.
      if (rest.length !== 1 || !/^\d+$/.test(rest[0]))
        throw new UsageError(`unmerge takes one ALIAS_ID\nusage: ${usage}`);
      const repo = await openRepository(loc, { mustExist: true });
      try {
        const personId = await repo.unmergeAlias(Number(rest[0]));
        process.stdout.write(
          values.json
            ? `${JSON.stringify({ aliasId: Number(rest[0]), personId })}\n`
            : `alias ${rest[0]} is now person ${personId}\n`,
        );
        return 0;
      } finally {
        await repo.close();
      }
    }
    if (action === "merge") {
      // Join two people of one council the rules left apart (a pair listed on the quality page).
      if (rest.length !== 2 || !rest.every((x) => /^\d+$/.test(x)))
        throw new UsageError(`merge takes KEEP_ID OTHER_ID (two people's numbers)\nusage: ${usage}`);
      const repo = await openRepository(loc, { mustExist: true });
      try {
        const personId = await repo.mergePeople(Number(rest[0]), Number(rest[1]));
        process.stdout.write(
          values.json
            ? `${JSON.stringify({ personId, merged: Number(rest[1]) })}\n`
            : `person ${rest[1]} is merged into person ${personId} (undo a form with db unmerge ALIAS_ID)\n`,
        );
        return 0;
      } finally {
        await repo.close();
      }
    }
    throw new UsageError(
      `expected migrate, backup FILE, stats, merge KEEP_ID OTHER_ID or unmerge ALIAS_ID\nusage: ${usage}`,
    );
  },
};
