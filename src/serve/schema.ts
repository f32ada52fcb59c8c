/**
 * Building blocks for the OpenAPI document's JSON Schemas (openapi.ts and follow/openapi.ts): the
 * scalar types, nullable forms, arrays, $refs and closed objects whose every property is required.
 */

export type Schema = Record<string, unknown>;

export const str: Schema = { type: "string" };
export const strN: Schema = { type: ["string", "null"] };
export const int: Schema = { type: "integer" };
export const intN: Schema = { type: ["integer", "null"] };
export const num: Schema = { type: "number" };
export const bool: Schema = { type: "boolean" };
export const boolN: Schema = { type: ["boolean", "null"] };
export const date: Schema = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" };
export const dateN: Schema = { type: ["string", "null"], pattern: "^\\d{4}-\\d{2}-\\d{2}$" };

export const arr = (items: Schema, description?: string): Schema => ({
  type: "array",
  items,
  ...(description ? { description } : {}),
});
export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
/** The schema, or null. */
export const nul = (s: Schema): Schema => ({ anyOf: [s, { type: "null" }] });
/** An object with exactly these properties, all required. */
export const obj = (properties: Record<string, Schema>, description?: string): Schema => ({
  type: "object",
  ...(description ? { description } : {}),
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});
