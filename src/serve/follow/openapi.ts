/**
 * The OpenAPI paths and schemas of the follow API (topics, follow-ups, referrals, money, quality,
 * a person's timeline), merged into the portal's document by openapi.ts. The shapes mirror
 * records.ts; the follow tests validate every twin against them.
 */

import { arr, bool, date, dateN, int, intN, nul, num, obj, ref, type Schema, str, strN } from "../schema";

const status: Schema = { type: "string", enum: ["met", "open", "overdue"] };
const moneySort: Schema = { type: "string", enum: ["date-desc", "date-asc", "amount-desc", "amount-asc"] };

export const FOLLOW_SCHEMAS: Record<string, Schema> = {
  Place: obj(
    {
      meetingId: intN,
      committee: str,
      date: dateN,
      ref: str,
      title: str,
      href: { type: ["string", "null"], description: "The item on its meeting page; null when not in the store" },
      source: nul(ref("Provenance")),
    },
    'An item in the records: its meeting, reference ("minute 40(b)") and the lines it was read from',
  ),
  TopicSummary: obj({
    id: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" },
    label: str,
    authority: strN,
    phrases: arr(str),
    years: arr(str),
    first: dateN,
    last: dateN,
    committees: arr(str),
    meetings: int,
    items: int,
  }),
  MoneyRecord: obj({
    place: ref("Place"),
    committeeId: { type: ["integer", "null"], description: "The committee's id in the store, for ?committee=" },
    source: { type: "string", enum: ["resolution", "reason", "recommendation"] },
    asPrinted: str,
    pounds: num,
    per: strN,
    purpose: str,
    context: str,
  }),
  Topics: obj({
    topics: arr(ref("TopicSummary")),
    total: int,
    page: int,
    limit: int,
    meetings: int,
    withText: { type: "boolean", description: "Whether the documents' discussion text was read" },
  }),
  Topic: obj({
    topic: ref("TopicSummary"),
    entries: arr(
      obj({
        kind: { type: "string", enum: ["agenda", "minute", "report"] },
        place: ref("Place"),
        evidence: arr(obj({ phrase: str, field: str, label: strN, source: nul(ref("Provenance")) })),
        why: { type: "string", description: "Why the item was linked: shared phrases and where each was found" },
        linkedFrom: nul(ref("Place")),
      }),
    ),
    money: arr(ref("MoneyRecord")),
    withText: bool,
  }),
  FollowUp: obj({
    status,
    promise: str,
    from: ref("Place"),
    text: str,
    due: obj({
      body: str,
      by: dateN,
      asPrinted: strN,
      meeting: nul(obj({ which: { type: "string", enum: ["next", "future"] }, meetingId: intN, date: dateN })),
    }),
    metBy: nul(obj({ place: ref("Place"), phrases: arr(str), late: bool, why: str })),
  }),
  FollowUps: obj({
    today: date,
    committee: nul(ref("CommitteeRef")),
    status: nul(status),
    counts: obj({ met: int, open: int, overdue: int }),
    followUps: arr(ref("FollowUp")),
  }),
  Referral: obj({
    from: ref("Place"),
    text: str,
    verb: str,
    to: obj({
      body: str,
      date: dateN,
      dateAsPrinted: strN,
      resolvedBy: nul({ type: "string", enum: ["date", "next-meeting"] }),
      stub: { type: "boolean", description: "True when the receiving meeting is not yet in the store" },
      meetingId: intN,
      href: strN,
    }),
  }),
  Referrals: obj({ referrals: arr(ref("Referral")) }),
  Money: obj({
    money: arr(ref("MoneyRecord")),
    total: { type: "integer", description: "Sums matching the filter, across all pages" },
    page: int,
    limit: int,
    filter: obj({ committee: nul(ref("CommitteeRef")), from: dateN, to: dateN, sort: moneySort }),
    committees: arr(obj({ id: int, name: str, count: int }), "Committees with at least one sum, for the filter"),
  }),
  TopicMissing: obj(
    {
      error: obj({ status: { type: "integer", enum: [404] }, message: str }),
      id: str,
      near: arr(ref("TopicSummary")),
    },
    "No current topic clearly continues this id; the nearest topics instead",
  ),
  Quality: obj({
    flags: arr(
      obj({
        kind: str,
        level: { type: "string", enum: ["warning", "info"] },
        message: str,
        values: arr(str),
        place: ref("Place"),
      }),
    ),
  }),
  Timeline: obj({
    person: obj({ id: int, name: str, printed: arr(str) }),
    roles: arr(obj({ committee: ref("CommitteeRef"), role: strN, from: dateN, to: dateN })),
    events: arr(
      obj({
        date: dateN,
        kind: {
          type: "string",
          enum: [
            "chair",
            "present",
            "apologies",
            "in-attendance",
            "absent",
            "declaration",
            "report-officer",
            "proposed",
            "seconded",
            "named",
          ],
          description:
            "proposed, seconded and named are read from the minutes' printed lines (source gives the line); the rest from the records",
        },
        committee: nul(ref("CommitteeRef")),
        meetingId: intN,
        text: str,
        href: strN,
        source: nul(ref("Provenance")),
      }),
    ),
    withText: bool,
  }),
};

type Param = { name: string; in: "query" | "path"; required?: boolean; schema: Schema; description?: string };
const id: Param = { name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } };
const page: Param = { name: "page", in: "query", schema: { type: "integer", minimum: 1 } };
const statusParam: Param = { name: "status", in: "query", schema: status, description: "Only this status" };

function get(summary: string, schema: string, parameters: Param[] = [], extra: Record<string, unknown> = {}) {
  const error = { content: { "application/json": { schema: ref("Error") } } };
  return {
    get: {
      summary,
      parameters,
      responses: {
        "200": { description: summary, content: { "application/json": { schema: ref(schema) } } },
        "400": { description: "Bad query string", ...error },
        "404": { description: "No such record", ...error },
        ...extra,
      },
    },
  };
}

const dateParam = (name: string, what: string): Param => ({
  name,
  in: "query",
  schema: { type: "string" },
  description: `${what}: YYYY-MM-DD or as written in the UK (31/1/2017)`,
});

/** The follow API's paths and the schema each response follows. */
export const FOLLOW_RESPONSES: Record<string, string> = {
  "/api/topics": "Topics",
  "/api/topics/{id}": "Topic",
  "/api/followups": "FollowUps",
  "/api/committees/{id}/followups": "FollowUps",
  "/api/referrals": "Referrals",
  "/api/money": "Money",
  "/api/quality": "Quality",
  "/api/people/{id}/timeline": "Timeline",
};

export const FOLLOW_PATHS = {
  "/api/topics": get("Subjects followed across meetings and committees", "Topics", [page]),
  "/api/topics/{id}": get(
    "One topic: every item, why it was linked, and the sums of money printed in it",
    "Topic",
    [
      {
        name: "id",
        in: "path",
        required: true,
        schema: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" },
        description:
          "The slug of the topic's defining phrase, with --council when two councils' topics share it. Stable across imports; an id some other topic now carries on redirects there.",
      },
    ],
    {
      "301": {
        description: "The topic now has another id (its defining phrase changed after an import); Location gives it",
      },
      "404": {
        description: "No current topic clearly continues this id: the nearest topics instead",
        content: { "application/json": { schema: ref("TopicMissing") } },
      },
    },
  ),
  "/api/followups": get("Promised follow-up actions, their due dates and whether they were met", "FollowUps", [
    statusParam,
  ]),
  "/api/committees/{id}/followups": get("Follow-ups promised by or due to one committee", "FollowUps", [
    id,
    statusParam,
  ]),
  "/api/referrals": get("Resolutions referred to other bodies, and the receiving meetings", "Referrals"),
  "/api/money": get(
    "Sums of money in resolutions, reasons and recommendations, with what they are for (never from exempt items)",
    "Money",
    [
      { name: "committee", in: "query", schema: { type: "integer", minimum: 1 }, description: "Committee id" },
      dateParam("from", "Meetings on or after this date"),
      dateParam("to", "Meetings on or before this date"),
      { name: "sort", in: "query", schema: moneySort, description: "Order (default date-desc, newest first)" },
      page,
    ],
  ),
  "/api/quality": get("Data-quality flags: impossible dates, names printed two ways, page ranges", "Quality"),
  "/api/people/{id}/timeline": get(
    "What one person did at each meeting in date order: chairing, attendance, declarations, reports, motions",
    "Timeline",
    [id],
  ),
};
