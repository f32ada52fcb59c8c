/**
 * Strict reading of path ids and query parameters: anything malformed is a 400 (or a 404 for ids)
 * with a message a person can act on, never an exception from deeper down. A page's filter form reads
 * its query leniently: a malformed value is read as not given and its message kept in `problems`, so
 * the page can answer 400 with the GOV.UK error summary and the input as typed (the API stays strict).
 */
import { badRequest, notFound } from "./errors";

export function pathId(raw: string | undefined): number {
  if (!raw || !/^[1-9]\d{0,9}$/.test(raw) || Number(raw) > Number.MAX_SAFE_INTEGER)
    throw notFound("There is no such record.");
  return Number(raw);
}

export class Query {
  /** In lenient mode, the message for each parameter read as not given because it was malformed. */
  readonly problems: Record<string, string> | null;

  constructor(
    readonly params: URLSearchParams,
    opts: { lenient?: boolean } = {},
  ) {
    this.problems = opts.lenient ? {} : null;
    for (const [k, v] of params) {
      if (v.length > 500) throw badRequest(`The ${k} parameter is too long.`);
    }
  }

  static of(url: string, opts: { lenient?: boolean } = {}): Query {
    return new Query(new URL(url).searchParams, opts);
  }

  /** Strict: a 400. Lenient: the parameter counts as not given and the message is kept. */
  private bad(name: string, message: string): null {
    if (!this.problems) throw badRequest(message);
    this.problems[name] ??= message;
    return null;
  }

  private one(name: string): string | null {
    const all = this.params.getAll(name);
    if (all.length > 1) return this.bad(name, `Give ${name} once only.`);
    const v = all[0];
    return v === undefined || v === "" ? null : v;
  }

  text(name: string, max = 200): string | null {
    const v = this.one(name);
    if (v === null) return null;
    const t = v.trim();
    if (t.length > max) return this.bad(name, `${name} must be at most ${max} characters.`);
    // Control characters have no business in a query and break feeds.
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(t))
      return this.bad(name, `${name} contains control characters.`);
    return t || null;
  }

  int(name: string, min: number, max: number): number | null {
    const v = this.one(name);
    if (v === null) return null;
    if (!/^\d{1,10}$/.test(v) || Number(v) < min || Number(v) > max)
      return this.bad(name, `${name} must be a whole number from ${min} to ${max}.`);
    return Number(v);
  }

  page(): number {
    return this.int("page", 1, 100000) ?? 1;
  }

  id(name: string): number | null {
    return this.int(name, 1, Number.MAX_SAFE_INTEGER);
  }

  year(name = "year"): string | null {
    const v = this.one(name);
    if (v === null) return null;
    if (!/^(19|20|21)\d{2}$/.test(v)) return this.bad(name, `${name} must be a four-digit year, for example 2017.`);
    return v;
  }

  /** A date as YYYY-MM-DD, or as written in the UK (31/1/2017, 31-01-2017, 31.1.2017); returned as ISO. */
  date(name: string): string | null {
    let v = this.one(name);
    if (v === null) return null;
    const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v.trim());
    if (uk) v = `${uk[3]}-${uk[2].padStart(2, "0")}-${uk[1].padStart(2, "0")}`;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    const d = m ? new Date(`${v}T00:00:00Z`) : null;
    if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v)
      return this.bad(name, `${name} must be a real date, for example 10/3/2017 or 2017-03-10.`);
    return v;
  }

  flag(name: string): boolean {
    const v = this.one(name);
    if (v === null) return false;
    if (!["1", "true", "yes", "on"].includes(v.toLowerCase()))
      return this.bad(name, `${name} must be 1 or left out.`) ?? false;
    return true;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | null {
    const v = this.one(name);
    if (v === null) return null;
    if (!allowed.includes(v as T)) return this.bad(name, `${name} must be one of: ${allowed.join(", ")}.`);
    return v as T;
  }
}
