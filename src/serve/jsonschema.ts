/**
 * A small JSON Schema (2020-12 subset) validator for the schemas in openapi.ts: $ref, type (with
 * "null" and "integer"), properties, required, additionalProperties: false, items, enum, pattern,
 * anyOf, minimum, maxLength. Unknown keywords are an error, so the subset cannot be silently exceeded.
 */

type Schema = Record<string, unknown>;

const KNOWN = new Set([
  "$ref",
  "type",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "enum",
  "pattern",
  "anyOf",
  "minimum",
  "maxLength",
  "description",
]);

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

/** Returns a list of problems ("$.minutes[0].title: expected string, got null"); empty when valid. */
export function validate(schema: Schema, value: unknown, root: Schema, path = "$"): string[] {
  for (const k of Object.keys(schema)) if (!KNOWN.has(k)) return [`${path}: schema uses unsupported keyword ${k}`];
  if (typeof schema.$ref === "string") {
    const m = /^#\/components\/schemas\/(.+)$/.exec(schema.$ref);
    const target = m ? ((root.components as Schema)?.schemas as Record<string, Schema>)?.[m[1]] : undefined;
    if (!target) return [`${path}: unresolved $ref ${schema.$ref}`];
    return validate(target, value, root, path);
  }
  if (Array.isArray(schema.anyOf)) {
    const results = (schema.anyOf as Schema[]).map((s) => validate(s, value, root, path));
    if (results.some((r) => r.length === 0)) return [];
    return [`${path}: matches none of anyOf (${results.map((r) => r[0]).join(" | ")})`];
  }
  const errors: string[] = [];
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    const ok = types.some((t) => t === actual || (t === "number" && actual === "integer"));
    if (!ok) return [`${path}: expected ${types.join(" or ")}, got ${actual}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (typeof value === "string") {
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value))
      errors.push(`${path}: "${value}" does not match ${schema.pattern}`);
    if (typeof schema.maxLength === "number" && value.length > schema.maxLength)
      errors.push(`${path}: longer than ${schema.maxLength}`);
  }
  if (typeof value === "number" && typeof schema.minimum === "number" && value < schema.minimum)
    errors.push(`${path}: below ${schema.minimum}`);
  if (actual === "array" && schema.items)
    (value as unknown[]).forEach((v, i) => {
      errors.push(...validate(schema.items as Schema, v, root, `${path}[${i}]`));
    });
  if (actual === "object") {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) errors.push(`${path}: missing ${r}`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) errors.push(...validate(props[k], v, root, `${path}.${k}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected property ${k}`);
    }
  }
  return errors;
}
