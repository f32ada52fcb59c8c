/**
 * Test support for the portal: a real SQLite store in a temporary folder with the shared seed
 * documents parsed and imported through the store's own import API (no mocks, no copied text), or
 * the seeds and the corpus imported as `minutebook import` does; and a validator of the app's
 * answers against its served OpenAPI document.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { Hono } from "hono";
import { importPaths } from "../import/import-paths";
import { parseFileWithText } from "../pipeline/parse-file";
import { openRepository } from "../store/open";
import type { Repository } from "../store/repository";
import { seedFiles, sharedPath } from "../testing/shared";

export type SeededStore = { repo: Repository; file: string; close(): Promise<void> };

export async function seededStore(): Promise<SeededStore> {
  const dir = mkdtempSync(join(tmpdir(), "minutebook-serve-"));
  const file = join(dir, "minutebook.db");
  const repo = await openRepository({ kind: "sqlite", file });
  // With the text, as `minutebook import` stores them: minutes' and reports' whole passages are searchable.
  for (const path of seedFiles()) {
    const { result, lines } = await parseFileWithText(path);
    await repo.importDocument(result, { path, lines, bytes: readFileSync(path) });
  }
  return {
    repo,
    file,
    close: async () => {
      await repo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The seeds and the whole corpus imported as `minutebook import ../shared/seeds ../shared/corpus` does. */
export async function corpusStore(): Promise<SeededStore> {
  const dir = mkdtempSync(join(tmpdir(), "minutebook-corpus-"));
  const file = join(dir, "minutebook.db");
  const repo = await openRepository({ kind: "sqlite", file });
  try {
    const summary = await importPaths(repo, [sharedPath("seeds"), sharedPath("corpus")]);
    if (summary.documents.failed)
      throw new Error(`the corpus did not import cleanly: ${JSON.stringify(summary.failures)}`);
  } catch (e) {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    repo,
    file,
    close: async () => {
      await repo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type OpenApiDoc = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
};

/**
 * A validator for the app's answers against the OpenAPI document it serves at /api/openapi.json,
 * by ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1). `check(url, body)` finds the path
 * template the URL matches and returns every way the body departs from that path's answer schema.
 */
export async function openApiValidator(app: Hono) {
  const doc = (await (await app.request("/api/openapi.json")).json()) as OpenApiDoc;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, "openapi.json");
  // Literal paths before templated ones, so /api/topics is not read as /api/{x}.
  const templates = Object.keys(doc.paths)
    .map((t) => ({ t, re: new RegExp(`^${t.replace(/\{[^}]+\}/g, "[^/]+")}$`), holes: (t.match(/\{/g) ?? []).length }))
    .sort((a, b) => a.holes - b.holes);
  const compiled = new Map<string, ValidateFunction>();
  const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
  return {
    doc,
    /** The path template of the document that `url` falls under, or null. */
    template(url: string): string | null {
      const path = new URL(url, "http://x").pathname;
      return templates.find((x) => x.re.test(path))?.t ?? null;
    },
    check(url: string, body: unknown, status = 200, method = "get"): string[] {
      const t = this.template(url);
      if (!t) return [`${url}: no path of the OpenAPI document matches`];
      const answer = doc.paths[t][method]?.responses[String(status)];
      if (!answer?.content?.["application/json"]) return [`${url}: the document gives no JSON ${status} answer`];
      const ref = `openapi.json#/${pointer("paths", t, method, "responses", String(status), "content", "application/json", "schema")}`;
      let v = compiled.get(ref);
      if (!v) {
        v = ajv.compile({ $ref: ref });
        compiled.set(ref, v);
      }
      return v(body)
        ? []
        : (v.errors ?? []).map((e) => `${url} ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
    },
  };
}
