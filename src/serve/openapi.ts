/**
 * The open-data API's OpenAPI 3.1 document, generated from the zod schema each route declares when it
 * is registered (zod's own JSON Schema output, draft 2020-12, the dialect of OpenAPI 3.1): nothing here
 * is written out by hand, so the document cannot drift from the routes. `describe(app, method, path,
 * doc)` puts one route in the document; app.ts's `page()` and the follow routes' `twin()` call it for
 * every page's JSON twin. A schema with `.meta({ id })` becomes a named component. A test enumerates the
 * router and fails on any API route or page twin missing here.
 *
 * Adding a route: register it, then describe it with its answer's zod schema, e.g.
 *   app.get("/api/things/:id", handler);
 *   describe(app, "get", "/api/things/:id", { summary: "One thing", response: Thing, query: { page: Q.page } });
 * (a JSON body: `body: ThingForm`). Record schemas live in model/records.ts or beside their feature.
 *
 * (Not @hono/zod-openapi's generator: it drops `null` from a nullable named schema, `Place.nullable()`
 * becoming a bare $ref, which the ajv tests caught.)
 */
import type { Hono } from "hono";
import { z } from "zod";
import { isoDate, ParagraphType } from "../model/records";
import { ErrorBody } from "./schemas";

export const API_INFO = {
  title: "Minutebook open data API",
  version: "1.0.0",
  description:
    "Council committee records (meetings, agendas, reports, minutes, decisions, attendance, declarations) with provenance: every record names the document and lines it was read from. Every HTML page has a JSON twin at /api + its address. Exempt information (Schedule 12A) is never included.",
};

/**
 * Pages of the portal with no JSON twin, and why. Any other page must have one (register it with
 * app.ts's page()); the router test fails on a page that has neither.
 */
export const PAGES_WITHOUT_TWIN: Record<string, string> = {
  "/assets/*": "static files (styles, scripts, fonts, images)",
  "/favicon.ico": "a redirect to the icon in /assets",
  "/open-data": "describes the API itself; the data is /api/openapi.json",
  "/accessibility": "a fixed statement, no records",
  "/sign-in": "a form; signing in is not open data",
  "/sign-in/oidc": "a redirect to the council's OpenID provider",
  "/sign-in/passkey": "the step after the password (a passkey or a one-time code); signing in is not open data",
  "/auth/callback": "the OpenID provider's redirect back",
  "/signed-out": "a confirmation, no records",
  "/account": "one signed-in person's own account page (their passkeys), not open data",
  "/account/*": "signing-up and password-reset forms for one person, not open data",
  "/office": "the signed-in office side: private pages and forms, not open data",
  "/office/*": "the signed-in office side: private pages and forms, not open data",
  "/meetings/:id{[0-9]+}/pack.pdf": "the published agenda pack itself (PDF); its page map is /api/meetings/{id}/pack",
  "/meetings/:id{[0-9]+}/supplement/:file{[0-9]+\\.pdf}":
    "a published supplement (PDF), listed in /api/meetings/{id}/pack",
};

/** Whether a page needs no JSON twin (PAGES_WITHOUT_TWIN, where "/x/*" covers everything under /x/). */
export function withoutTwin(honoPath: string): boolean {
  if (honoPath in PAGES_WITHOUT_TWIN) return true;
  return Object.keys(PAGES_WITHOUT_TWIN).some((p) => p.endsWith("/*") && honoPath.startsWith(p.slice(0, -1)));
}

/** Query parameters shared by several routes. */
export const Q = {
  page: z.int().min(1).optional().describe("Page number, from 1"),
  limit: z.int().min(1).max(100).optional().describe("Rows per page, 1 to 100 (default 20)"),
  committee: z.int().min(1).optional().describe("Committee id"),
  year: z
    .string()
    .regex(/^\d{4}$/)
    .optional()
    .describe("Calendar year"),
  from: isoDate.optional().describe("On or after this date"),
  to: isoDate.optional().describe("On or before this date"),
  key: z.enum(["1"]).optional().describe("Key decisions only"),
  q: z.string().max(200).optional().describe("Search words"),
  type: ParagraphType.optional().describe("Only this kind of record"),
};

export type RouteDoc = {
  summary: string;
  description?: string;
  /** The 200 answer's body. */
  response: z.ZodType;
  /** Its media type (default application/json). */
  type?: string;
  /** Query parameters, each optional unless its schema says otherwise. */
  query?: Record<string, z.ZodType>;
  /** Path parameters; each `:name` in the path defaults to a positive integer id. */
  params?: Record<string, z.ZodType>;
  /** A JSON request body (forms and API writes). */
  body?: z.ZodType;
  /** Answers besides 200, 400 and 404 (or replacing them). */
  responses?: Record<string, { description: string; schema?: z.ZodType; type?: string }>;
};

type Method = "get" | "post" | "put" | "patch" | "delete";
type Described = { method: Method; path: string; doc: RouteDoc };

/** "/api/meetings/:id" as OpenAPI writes it: "/api/meetings/{id}". */
export const openApiPath = (honoPath: string) => honoPath.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}");

const described = new WeakMap<Hono, Described[]>();

/** Puts one route into `app`'s OpenAPI document, with its parameters, body and answers from their zod schemas. */
export function describe(app: Hono, method: Method, honoPath: string, doc: RouteDoc): void {
  const list = described.get(app) ?? [];
  described.set(app, list);
  list.push({ method, path: honoPath, doc });
}

type Json = Record<string, unknown>;
const SAFE = 9007199254740991;

/** Converts zod schemas to JSON Schema, collecting every named (`.meta({ id })`) schema as a component. */
class SchemaSet {
  readonly components: Record<string, Json> = {};

  of(schema: z.ZodType): Json {
    const out = z.toJSONSchema(schema, { target: "draft-2020-12", unrepresentable: "any", io: "output" }) as Json;
    const { $schema: _, $defs, ...body } = out;
    for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, Json>)) this.components[id] = tidy(def);
    const id = z.globalRegistry.get(schema)?.id;
    if (typeof id === "string") {
      // zod may already have moved the named root into $defs, leaving the root a $ref to it.
      if (!(body.$ref === `#/$defs/${id}`)) this.components[id] = tidy(body);
      return { $ref: `#/components/schemas/${id}` };
    }
    return tidy(body);
  }
}

/** `#/$defs/X` refs point at the components; zod's safe-integer bounds on every int are dropped as noise. */
function tidy(schema: Json): Json {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', '"#/components/schemas/'), (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Json).filter(
            ([key, x]) => !((key === "minimum" && x === -SAFE) || (key === "maximum" && x === SAFE)),
          ),
        )
      : v,
  );
}

/** The OpenAPI 3.1 document of every route described on `app`. */
export function openApiDocument(app: Hono) {
  const schemas = new SchemaSet();
  const paths: Record<string, Record<string, Json>> = {};
  const error = { "application/json": { schema: schemas.of(ErrorBody) } };
  for (const { method, path, doc } of described.get(app) ?? []) {
    const names = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
    const parameters = [
      ...names.map((name) => param(schemas, name, "path", doc.params?.[name] ?? z.int().min(1))),
      ...Object.entries(doc.query ?? {}).map(([name, s]) => param(schemas, name, "query", s)),
    ];
    const responses: Record<string, Json> = {
      "200": {
        description: doc.summary,
        content: { [doc.type ?? "application/json"]: { schema: schemas.of(doc.response) } },
      },
      "400": { description: "Bad query string or body", content: error },
      "404": { description: "No such record", content: error },
    };
    for (const [status, r] of Object.entries(doc.responses ?? {}))
      responses[status] = {
        description: r.description,
        ...(r.schema ? { content: { [r.type ?? "application/json"]: { schema: schemas.of(r.schema) } } } : {}),
      };
    const key = openApiPath(path);
    paths[key] ??= {};
    paths[key][method] = {
      summary: doc.summary,
      ...(doc.description ? { description: doc.description } : {}),
      parameters,
      ...(doc.body
        ? { requestBody: { required: true, content: { "application/json": { schema: schemas.of(doc.body) } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: API_INFO,
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas.components).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}

function param(schemas: SchemaSet, name: string, where: "path" | "query", s: z.ZodType): Json {
  const required = where === "path" || !s.safeParse(undefined).success;
  const { description, ...schema } = schemas.of(s instanceof z.ZodOptional ? (s.unwrap() as z.ZodType) : s);
  const text = description ?? s.description;
  return { name, in: where, required, schema, ...(text ? { description: text } : {}) };
}
