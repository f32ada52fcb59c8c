/**
 * The one policy function: `can(person, action, object, at)` answers "may this person do this to this
 * object at this time". Pure: no I/O, the person's dated grants and the time are passed in, so every
 * route, page, feed and export asks the same question and policy.test.ts covers every role × object
 * state × action from a table.
 *
 * Roles (officer-side note §3.2), each a dated grant (from/to inclusive, London dates):
 * - council-wide: councillor, clearer, monitoring-officer, administrator (committeeId null);
 * - per committee: committee-member, substitute, co-opted, chair (a seat: chair implies membership);
 * - either: democratic-services, report-author (committeeId null = every committee).
 * Nobody signed in (null) is the public. The administrator runs accounts and reads the audit trail but
 * does not see exempt content (no break-glass yet).
 */

export const ROLES = [
  "councillor",
  "committee-member",
  "substitute",
  "co-opted",
  "chair",
  "report-author",
  "clearer",
  "democratic-services",
  "monitoring-officer",
  "administrator",
] as const;
export type Role = (typeof ROLES)[number];

/** Roles held on one committee only: a grant of these must name the committee. */
export const SEAT_ROLES: readonly Role[] = ["committee-member", "substitute", "co-opted", "chair"];
/** Roles held for the whole council: a grant of these names no committee. */
export const COUNCIL_ROLES: readonly Role[] = ["councillor", "clearer", "monitoring-officer", "administrator"];

export const ROLE_NAMES: Record<Role, string> = {
  councillor: "Councillor",
  "committee-member": "Committee member",
  substitute: "Substitute member",
  "co-opted": "Co-opted member",
  chair: "Chair",
  "report-author": "Report author",
  clearer: "Clearer (legal, finance)",
  "democratic-services": "Democratic services officer",
  "monitoring-officer": "Monitoring officer",
  administrator: "Administrator",
};

/** A role held from `from` to `to` (inclusive "YYYY-MM-DD"; to null = until ended). */
export type Grant = { role: Role; committeeId: number | null; from: string; to: string | null };
/** A signed-in person with every grant they have ever held (the policy picks the ones current at `at`). */
export type Principal = { userId: number; grants: readonly Grant[] };
/** null is the public (nobody signed in). */
export type Person = Principal | null;

export type ReportState = "draft" | "submitted" | "cleared" | "published";
export type MinutesState = "draft" | "approved" | "signed";
export type ExemptState = "exempt" | "released";

/** What a decision is about; a committee-bound object names its committee. */
export type PolicyObject =
  | { kind: "public-record" }
  | { kind: "exempt-item"; committeeId: number; state: ExemptState }
  | { kind: "committee"; committeeId: number }
  | { kind: "report"; committeeId: number; authorId: number; state: ReportState }
  | { kind: "minutes"; committeeId: number; state: MinutesState }
  | { kind: "role-grant"; role: Role; committeeId: number | null }
  | { kind: "accounts" }
  | { kind: "audit" }
  | { kind: "office" };

export type ObjectKind = PolicyObject["kind"];

/** The actions each kind of object has (the policy table test enumerates these). */
export const ACTIONS = {
  "public-record": ["view"],
  "exempt-item": ["view", "download"],
  committee: ["view-drafts", "build-agenda", "publish", "manage-membership"],
  report: ["view", "edit", "submit", "clear", "publish"],
  minutes: ["view", "edit", "sign"],
  "role-grant": ["grant", "end"],
  accounts: ["view", "invite"],
  audit: ["view", "export"],
  office: ["enter"],
} as const satisfies Record<ObjectKind, readonly string[]>;

export type Action = (typeof ACTIONS)[ObjectKind][number];

const londonDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in England at instant `at` ("YYYY-MM-DD"): grants run by local dates. */
export function localDate(at: Date): string {
  return londonDate.format(at);
}

/** The grants of `p` in force on `at`'s date. */
export function currentGrants(p: Person, at: Date): Grant[] {
  if (!p) return [];
  const day = localDate(at);
  return p.grants.filter((g) => g.from <= day && (g.to === null || day <= g.to));
}

/** Holds `role` at `at`, for committee `committeeId` (a council-wide grant of a committee-or-council role counts). */
export function holds(p: Person, role: Role, at: Date, committeeId?: number | null): boolean {
  return currentGrants(p, at).some(
    (g) =>
      g.role === role &&
      (committeeId === undefined || committeeId === null || g.committeeId === null || g.committeeId === committeeId) &&
      !(SEAT_ROLES.includes(role) && g.committeeId === null),
  );
}

/** Holds a seat (member, substitute, co-opted or chair) on the committee at `at`. */
export function holdsSeat(p: Person, committeeId: number, at: Date): boolean {
  return currentGrants(p, at).some((g) => SEAT_ROLES.includes(g.role) && g.committeeId === committeeId);
}

const officer = (p: Person, c: number, at: Date) => holds(p, "democratic-services", at, c);
const mo = (p: Person, at: Date) => holds(p, "monitoring-officer", at);
const admin = (p: Person, at: Date) => holds(p, "administrator", at);
const chairOf = (p: Person, c: number, at: Date) =>
  currentGrants(p, at).some((g) => g.role === "chair" && g.committeeId === c);
const authorOf = (p: Person, o: { committeeId: number; authorId: number }, at: Date) =>
  p !== null && p.userId === o.authorId && holds(p, "report-author", at, o.committeeId);

/** May `person` do `action` to `object` at instant `at`? Unknown action/object pairs are refused. */
export function can(person: Person, action: Action, object: PolicyObject, at: Date): boolean {
  if (!(ACTIONS[object.kind] as readonly string[]).includes(action)) return false;
  const p = person;
  switch (object.kind) {
    case "public-record":
      return true;
    case "exempt-item":
      if (object.state === "released") return true;
      return holdsSeat(p, object.committeeId, at) || officer(p, object.committeeId, at) || mo(p, at);
    case "committee": {
      const c = object.committeeId;
      if (action === "view-drafts") return officer(p, c, at) || chairOf(p, c, at) || mo(p, at);
      if (action === "manage-membership") return officer(p, c, at) || admin(p, at);
      return officer(p, c, at); // build-agenda, publish
    }
    case "report": {
      const c = object.committeeId;
      const s = object.state;
      switch (action) {
        case "view":
          if (s === "published") return true;
          if (authorOf(p, object, at) || officer(p, c, at)) return true;
          if (s === "draft") return false;
          if (holds(p, "clearer", at) || mo(p, at)) return true;
          return s === "cleared" && chairOf(p, c, at);
        case "edit":
          return s === "draft" && (authorOf(p, object, at) || officer(p, c, at));
        case "submit":
          return s === "draft" && authorOf(p, object, at);
        case "clear":
          return s === "submitted" && (holds(p, "clearer", at) || mo(p, at));
        case "publish":
          return s === "cleared" && officer(p, c, at);
      }
      return false;
    }
    case "minutes": {
      const c = object.committeeId;
      if (action === "view") return object.state !== "draft" || officer(p, c, at) || chairOf(p, c, at) || mo(p, at);
      if (action === "edit") return object.state === "draft" && officer(p, c, at);
      return object.state === "approved" && chairOf(p, c, at); // sign
    }
    case "role-grant":
      // Seats on a committee are kept by its officers; council-wide and officer roles by an administrator.
      if (admin(p, at)) return true;
      return SEAT_ROLES.includes(object.role) && object.committeeId !== null && officer(p, object.committeeId, at);
    case "accounts":
      if (action === "view") return admin(p, at) || currentGrants(p, at).some((g) => g.role === "democratic-services");
      return admin(p, at); // invite
    case "audit":
      return admin(p, at) || mo(p, at);
    case "office":
      return currentGrants(p, at).length > 0;
  }
}
