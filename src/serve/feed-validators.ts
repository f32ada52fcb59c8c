/**
 * Validators for the feeds the site serves, used by tests (not at run time): Atom is checked as XML
 * (fast-xml-parser's validator: well-formed, one root) and then against RFC 4287's rules for what a feed
 * and an entry must hold, written as a zod schema (the RFC's normative RELAX NG schema is in an appendix
 * this project has no validator for; the rules below are its MUSTs: exactly one id, title, updated;
 * ids are absolute IRIs; dates are RFC 3339; an author on the feed or every entry; an entry has content
 * or an alternate link; no two alternate links with the same type and hreflang). iCalendar is parsed by
 * ical.js (Mozilla's RFC 5545 parser) and then checked for what RFC 5545 requires of a published
 * calendar: VERSION 2.0 and PRODID, each VEVENT's UID, DTSTAMP and DTSTART, a STATUS from the VEVENT
 * list, a SUMMARY, an end after the start (and an end at all for an event at a time: DTEND or
 * DURATION), and a VTIMEZONE for every TZID used.
 *
 *   assert.deepEqual(atomProblems(xml), []);   assert.deepEqual(icalProblems(ics).problems, []);
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { z } from "zod";

const ATOM_NS = "http://www.w3.org/2005/Atom";
// RFC 3339 date-time (RFC 4287 §3.3: uppercase T and Z, seconds required).
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

const textConstruct = z.union([
  z.string(),
  z.object({ "#text": z.string().optional(), "@_type": z.enum(["text", "html", "xhtml"]).optional() }).loose(),
]);
const one = <T extends z.ZodType>(s: T, what: string) =>
  z.array(s, { error: `must contain ${what}` }).length(1, `must contain exactly one ${what}`);
const optionalOne = <T extends z.ZodType>(s: T, what: string) =>
  z.array(s).max(1, `must not contain more than one ${what}`).optional();
const dateConstruct = (what: string) => one(z.string().regex(RFC3339, `${what} must be an RFC 3339 date-time`), what);
const person = z.object({ name: one(z.string().min(1), "atom:name") }).loose();
const link = z
  .object({
    "@_href": z.string().min(1, "atom:link must have an href"),
    "@_rel": z.string().optional(),
    "@_type": z.string().optional(),
    "@_hreflang": z.string().optional(),
  })
  .loose();

type Link = z.infer<typeof link>;
function alternatesDistinct(links: Link[] | undefined, ctx: z.RefinementCtx, where: string) {
  const seen = new Set<string>();
  for (const l of links ?? []) {
    if ((l["@_rel"] ?? "alternate") !== "alternate") continue;
    const k = `${l["@_type"] ?? ""} ${l["@_hreflang"] ?? ""}`;
    if (seen.has(k))
      ctx.addIssue({ code: "custom", message: `${where} has two alternate links with the same type and hreflang` });
    seen.add(k);
  }
}

const KNOWN_ENTRY = new Set([
  "author",
  "category",
  "content",
  "contributor",
  "id",
  "link",
  "published",
  "rights",
  "source",
  "summary",
  "title",
  "updated",
]);
const KNOWN_FEED = new Set([
  "author",
  "category",
  "contributor",
  "generator",
  "icon",
  "id",
  "link",
  "logo",
  "rights",
  "subtitle",
  "title",
  "updated",
  "entry",
]);
function onlyAtomElements(known: Set<string>, where: string) {
  return (v: Record<string, unknown>, ctx: z.RefinementCtx) => {
    for (const k of Object.keys(v)) {
      if (k === "#text") {
        if (String(v[k]).trim()) ctx.addIssue({ code: "custom", message: `${where} has text outside its elements` });
        continue;
      }
      if (!k.startsWith("@_") && !k.includes(":") && !known.has(k))
        ctx.addIssue({ code: "custom", message: `${where} has an element RFC 4287 does not define: ${k}` });
    }
  };
}

const entry = z
  .object({
    id: one(z.string().regex(ABSOLUTE_IRI, "atom:id must be an absolute IRI"), "atom:id"),
    title: one(textConstruct, "atom:title"),
    updated: dateConstruct("atom:updated"),
    published: optionalOne(z.string().regex(RFC3339, "atom:published must be an RFC 3339 date-time"), "published"),
    author: z.array(person).optional(),
    link: z.array(link).optional(),
    content: optionalOne(z.unknown(), "atom:content"),
    summary: optionalOne(textConstruct, "atom:summary"),
  })
  .loose()
  .superRefine((e, ctx) => {
    onlyAtomElements(KNOWN_ENTRY, "an entry")(e, ctx);
    alternatesDistinct(e.link, ctx, "an entry");
    if (!e.content && !(e.link ?? []).some((l) => (l["@_rel"] ?? "alternate") === "alternate"))
      ctx.addIssue({ code: "custom", message: "an entry without atom:content must have an alternate link" });
  });

const feed = z
  .object({
    "@_xmlns": z.literal(ATOM_NS, { error: `the feed must be in the Atom namespace ${ATOM_NS}` }),
    id: one(z.string().regex(ABSOLUTE_IRI, "atom:id must be an absolute IRI"), "atom:id"),
    title: one(textConstruct, "atom:title"),
    updated: dateConstruct("atom:updated"),
    author: z.array(person).optional(),
    link: z.array(link).optional(),
    generator: optionalOne(z.unknown(), "atom:generator"),
    entry: z.array(entry).optional(),
  })
  .loose()
  .superRefine((f, ctx) => {
    onlyAtomElements(KNOWN_FEED, "the feed")(f, ctx);
    alternatesDistinct(f.link, ctx, "the feed");
    if (!f.author?.length && (f.entry ?? []).some((e) => !e.author?.length))
      ctx.addIssue({ code: "custom", message: "without a feed author, every entry must have an atom:author" });
  });

const ALWAYS_ARRAY = new Set([...KNOWN_FEED, ...KNOWN_ENTRY, "name", "uri", "email"]);

/** What is wrong with an Atom document (empty when it is valid). */
export function atomProblems(xml: string): string[] {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) return [`not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`];
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    trimValues: false,
    isArray: (name, path) => ALWAYS_ARRAY.has(name) && path !== "feed",
  }).parse(xml) as Record<string, unknown>;
  const roots = Object.keys(doc).filter((k) => k !== "?xml");
  if (roots.length !== 1 || roots[0] !== "feed") return [`the root element must be atom:feed, not ${roots.join(", ")}`];
  const r = feed.safeParse(doc.feed);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".") || "feed"}: ${i.message}`);
}

const STATUSES = new Set(["TENTATIVE", "CONFIRMED", "CANCELLED"]);

/** What ical.js made of an iCalendar text, and what is wrong with it (RFC 5545). */
export function icalProblems(text: string): { problems: string[]; events: ICAL.Event[] } {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (e) {
    return { problems: [`ical.js cannot parse it: ${(e as Error).message}`], events: [] };
  }
  const problems: string[] = [];
  if (root.name !== "vcalendar") problems.push(`the root component is ${root.name}, not VCALENDAR`);
  if (root.getFirstPropertyValue("version") !== "2.0") problems.push("VERSION must be 2.0");
  if (!root.getFirstPropertyValue("prodid")) problems.push("PRODID is required");
  if (!/\r\n$/.test(text) || /[^\r]\n/.test(text)) problems.push("lines must end in CRLF");
  for (const line of text.split("\r\n"))
    if (new TextEncoder().encode(line).length > 75)
      problems.push(`a line is longer than 75 octets: ${line.slice(0, 40)}`);
  const zones = new Set(root.getAllSubcomponents("vtimezone").map((z) => String(z.getFirstPropertyValue("tzid"))));
  const uids = new Set<string>();
  const events = root.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  for (const [i, ev] of events.entries()) {
    const v = ev.component;
    const where = `event ${i + 1} (${ev.uid ?? "no UID"})`;
    for (const p of ["uid", "dtstamp", "dtstart"])
      if (v.getAllProperties(p).length !== 1) problems.push(`${where}: must have exactly one ${p.toUpperCase()}`);
    if (ev.uid && uids.has(ev.uid)) problems.push(`${where}: UID used twice`);
    uids.add(ev.uid);
    const status = v.getFirstPropertyValue("status");
    if (status !== null && !STATUSES.has(String(status)))
      problems.push(`${where}: STATUS ${status} is not a VEVENT status`);
    for (const p of v.getAllProperties()) {
      const tzid = p.getParameter("tzid");
      if (tzid && !zones.has(String(tzid)))
        problems.push(`${where}: ${p.name.toUpperCase()} uses TZID ${tzid} with no VTIMEZONE`);
    }
    if (v.hasProperty("dtend") && ev.endDate.compare(ev.startDate) <= 0)
      problems.push(`${where}: DTEND is not after DTSTART`);
    if (v.hasProperty("dtend") && v.hasProperty("duration")) problems.push(`${where}: has both DTEND and DURATION`);
    // A meeting at a time must say when it ends, or calendar programs show it as a point in time.
    if (ev.startDate && !ev.startDate.isDate && !v.hasProperty("dtend") && !v.hasProperty("duration"))
      problems.push(`${where}: a timed event has no end (DTEND or DURATION)`);
    if (!v.hasProperty("summary")) problems.push(`${where}: has no SUMMARY`);
  }
  return { problems, events };
}
