/**
 * Structural validation of parse/v1 results. Used by tests (property tests assert every output is
 * schema-valid) and by the import stage before anything is stored. Returns every problem, not the first.
 */
import type { ParseResult } from "./parse-v1";

type Check = (v: unknown, path: string, errs: string[]) => void;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str: Check = (v, p, e) => {
  if (typeof v !== "string") e.push(`${p}: expected string`);
};
const nstr: Check = (v, p, e) => {
  if (v !== null && typeof v !== "string") e.push(`${p}: expected string or null`);
};
const isoDate: Check = (v, p, e) => {
  if (v !== null && (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v)))
    e.push(`${p}: expected ISO date or null`);
};
const hhmm: Check = (v, p, e) => {
  if (v !== null && (typeof v !== "string" || !/^([01]\d|2[0-3]):[0-5]\d$/.test(v)))
    e.push(`${p}: expected HH:MM or null`);
};
const nbool: Check = (v, p, e) => {
  if (v !== null && typeof v !== "boolean") e.push(`${p}: expected boolean or null`);
};
const arr =
  (item: Check): Check =>
  (v, p, e) => {
    if (!Array.isArray(v)) return void e.push(`${p}: expected array`);
    for (let i = 0; i < v.length; i++) item(v[i], `${p}[${i}]`, e);
  };
const obj =
  (shape: Record<string, Check>, nullable = false): Check =>
  (v, p, e) => {
    if (v === null && nullable) return;
    if (!isObj(v)) return void e.push(`${p}: expected object`);
    for (const [k, c] of Object.entries(shape)) c(v[k], `${p}.${k}`, e);
  };
const span: Check = (v, p, e) => {
  if (!isObj(v)) return void e.push(`${p}: expected span`);
  const { startLine, endLine, page } = v as Record<string, unknown>;
  if (!Number.isInteger(startLine) || (startLine as number) < 1) e.push(`${p}.startLine: expected integer >= 1`);
  if (!Number.isInteger(endLine) || (endLine as number) < (startLine as number))
    e.push(`${p}.endLine: expected >= startLine`);
  if (page !== null && (!Number.isInteger(page) || (page as number) < 1))
    e.push(`${p}.page: expected integer >= 1 or null`);
};
const clause: Check = (v, p, e) => obj({ label: nstr, text: str, children: arr(clause) })(v, p, e);
const pages: Check = (v, p, e) => {
  if (v === null) return;
  obj({
    start: (x, q, f) => Number.isInteger(x) || f.push(`${q}: int`),
    end: (x, q, f) => Number.isInteger(x) || f.push(`${q}: int`),
  })(v, p, e);
};

const meeting = obj({
  body: str,
  authority: nstr,
  date: isoDate,
  time: hhmm,
  location: nstr,
  contact: obj({ name: nstr, phone: nstr, email: nstr }, true),
  membership: arr(obj({ name: str, role: nstr })),
  agenda: arr(obj({ number: str, title: str, reportBy: nstr, pages, span })),
  attendance: obj({ chair: nstr, present: arr(str), apologies: arr(str), inAttendance: arr(str) }, true),
  minutes: arr(
    obj({
      number: nstr,
      agendaItem: nstr,
      title: str,
      declarations: arr(obj({ member: str, interest: nstr, item: nstr })),
      resolutions: arr(clause),
      keyDecision: nbool,
      reasons: arr(str),
      exemptParagraphs: arr((x, q, f) => Number.isInteger(x) || f.push(`${q}: int`)),
      span,
    }),
  ),
  reports: arr(
    obj({
      agendaItem: nstr,
      title: str,
      author: nstr,
      recommendations: arr(str),
      officers: arr(obj({ name: str, role: nstr, phone: nstr, email: nstr })),
      appendices: arr(str),
      backgroundPapers: arr(str),
      span,
    }),
  ),
  nextMeeting: isoDate,
  span,
});

const result = obj({
  schema: (v, p, e) => v === "parse/v1" || e.push(`${p}: expected "parse/v1"`),
  source: obj({
    name: str,
    format: (v, p, e) => ["text", "markdown", "pdf", "html", "xml"].includes(v as string) || e.push(`${p}: bad format`),
    sha256: (v, p, e) => (typeof v === "string" && /^[0-9a-f]{64}$/.test(v)) || e.push(`${p}: expected sha256 hex`),
  }),
  meetings: arr(meeting),
  diagnostics: arr(
    obj({
      level: (v, p, e) => ["info", "warning", "error"].includes(v as string) || e.push(`${p}: bad level`),
      message: str,
      span: (v, p, e) => v === null || span(v, p, e),
    }),
  ),
});

/** Every way `value` departs from parse/v1; empty when it conforms. */
export function validateParseResult(value: unknown): string[] {
  const errs: string[] = [];
  result(value, "$", errs);
  return errs;
}

export function isParseResult(value: unknown): value is ParseResult {
  return validateParseResult(value).length === 0;
}
