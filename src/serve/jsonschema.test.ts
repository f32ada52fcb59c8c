/** The JSON Schema subset validator: accepts what the schemas allow and reports what they do not. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { validate } from "./jsonschema";
import { openApiDocument } from "./openapi";

const root = openApiDocument() as unknown as Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

test("valid records pass", () => {
  const span = { startLine: 1, endLine: 3, page: null };
  assert.deepEqual(validate(ref("Span"), span, root), []);
  assert.deepEqual(validate(ref("Provenance"), { documentId: 1, documentName: "x", span }, root), []);
  assert.deepEqual(validate(ref("CommitteeList"), [], root), []);
});

test("wrong types, missing and extra properties, enums and patterns are reported", () => {
  assert.deepEqual(validate(ref("Span"), { startLine: "1", endLine: 3, page: null }, root), [
    "$.startLine: expected integer, got string",
  ]);
  assert.deepEqual(validate(ref("Span"), { startLine: 1.5, endLine: 3, page: null }, root), [
    "$.startLine: expected integer, got number",
  ]);
  assert.deepEqual(validate(ref("Span"), { startLine: 1, page: null, extra: 1 }, root), [
    "$: missing endLine",
    "$: unexpected property extra",
  ]);
  assert.equal(validate(ref("MeetingSummary"), null, root).length, 1);
  const hit = validate({ type: "string", enum: ["a"] }, "b", root);
  assert.equal(hit.length, 1);
  assert.equal(validate({ type: "string", pattern: "^\\d{4}$" }, "20x7", root).length, 1);
  assert.equal(validate({ anyOf: [{ type: "null" }, { type: "integer" }] }, "x", root).length, 1);
  assert.equal(
    validate({ type: "array", items: { type: "integer" } }, [1, "2"], root)[0],
    "$[1]: expected integer, got string",
  );
  assert.match(validate({ $ref: "#/components/schemas/Nope" }, 1, root)[0], /unresolved/);
  assert.match(validate({ oneOf: [] }, 1, root)[0], /unsupported keyword oneOf/);
});
