/**
 * The PostgreSQL adapter: the conformance suite in a fresh schema per run (dropped afterwards),
 * plus PostgreSQL-only checks. Needs MINUTEBOOK_TEST_PG_URL; skipped with a visible reason when unset
 * locally, and required under CI (testPostgresUrl throws there).
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import pg from "pg";
import { testPostgresUrl } from "../../testing/shared";
import { runConformance } from "../conformance";
import { runLinksConformance } from "../links-conformance";
import { runMinutesConformance } from "../minutes-conformance";
import { runOfficeConformance } from "../office-conformance";
import { runPackConformance } from "../packs-conformance";
import { openPostgres } from "./index";

const url = testPostgresUrl();
const freshSchema = () => `minutebook_test_${randomBytes(6).toString("hex")}`;

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url! });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

if (!url) {
  test("postgres conformance", {
    skip: "MINUTEBOOK_TEST_PG_URL is not set (bash scripts/pg-start.sh prints it)",
  }, () => {});
} else {
  const postgresFactory = async () => {
    const schema = freshSchema();
    const repo = await openPostgres({ url, schema });
    return {
      repo,
      cleanup: async () => {
        await repo.close();
        await dropSchema(schema);
      },
    };
  };
  runConformance("postgres", postgresFactory);
  runOfficeConformance("postgres", postgresFactory);
  runMinutesConformance("postgres", postgresFactory);
  runLinksConformance("postgres", postgresFactory);
  runPackConformance("postgres", postgresFactory);

  test("postgres: a generated tsvector with a GIN index serves search", async () => {
    const schema = freshSchema();
    const repo = await openPostgres({ url, schema });
    try {
      const idx = await repo.pool.query(
        "SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = 'paragraphs' AND indexdef ILIKE '%gin%'",
        [schema],
      );
      assert.equal(idx.rowCount, 1);
      const r = await repo.search('"exact phrase" -excluded OR other', {}, { limit: 5, offset: 0 });
      assert.match(r.engineQuery, /exact.*phrase/);
      // Concurrent migrations from two processes serialise on the advisory lock.
      const second = await openPostgres({ url, schema, migrate: false });
      const both = await Promise.all([repo.migrate(), second.migrate()]);
      assert.deepEqual(both, [[], []]);
      await second.close();
    } finally {
      await repo.close();
      await dropSchema(schema);
    }
  });

  test("postgres: backup writes a pg_dump archive of the store's schema", async () => {
    const { mkdtempSync, rmSync, statSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const schema = freshSchema();
    const repo = await openPostgres({ url, schema });
    const dir = mkdtempSync(join(tmpdir(), "minutebook-pg-"));
    try {
      await repo.backup(join(dir, "store.dump"));
      assert.ok(statSync(join(dir, "store.dump")).size > 0);
    } finally {
      await repo.close();
      await dropSchema(schema);
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
