// Report clearance as a state machine over stored facts: a committee's clearance steps (default author →
// legal → finance → monitoring officer), the current version's SHA-256 and the decisions recorded. A
// decision is bound to the version it was made on, so an edit (a new version, a new hash) reopens every
// step approved before it, and re-submitting unchanged content keeps them. Steps are taken in order; a
// clearer can return a report to its author. The transitions are listed once (`TRANSITIONS`); guards
// return the reasons a move is refused, in words shown to the user. Pure: time is passed in.

export const STEP_KINDS = ["author", "legal", "finance", "monitoring-officer", "director", "s151"] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const STEP_NAMES: Record<StepKind, string> = {
  author: "Author",
  legal: "Legal",
  finance: "Finance",
  "monitoring-officer": "Monitoring officer",
  director: "Director",
  s151: "Section 151 officer",
};
export const DEFAULT_STEPS: readonly StepKind[] = ["author", "legal", "finance", "monitoring-officer"];

/** The role a person needs to decide a step (the author step is the report's own author). */
export const STEP_ROLE: Record<StepKind, "author" | "clearer" | "monitoring-officer"> = {
  author: "author",
  legal: "clearer",
  finance: "clearer",
  "monitoring-officer": "monitoring-officer",
  director: "clearer",
  s151: "clearer",
};

/** Checks a committee's configured steps: the author first, then known steps, each once. */
export function validSteps(steps: readonly string[]): string[] {
  const problems: string[] = [];
  if (steps[0] !== "author") problems.push("The first clearance step must be the author’s");
  for (const s of steps) if (!(STEP_KINDS as readonly string[]).includes(s)) problems.push(`Unknown step “${s}”`);
  if (new Set(steps).size !== steps.length) problems.push("A clearance step can appear only once");
  return problems;
}

export type Decision = {
  step: StepKind;
  /** The version's content hash the decision was made on. */
  sha256: string;
  decision: "approved" | "returned";
  by: number;
  byName?: string;
  at: string;
  comment?: string | null;
};

export type StepStatus = {
  step: StepKind;
  /**
   * approved: on this version; reopened: approved on an earlier version, this one changed since;
   * returned: sent back to the author on this version; open: waiting for a decision (next in line);
   * waiting: an earlier step is still open.
   */
  status: "approved" | "reopened" | "returned" | "open" | "waiting";
  decision: Decision | null;
};

export type ClearanceState = "draft" | "returned" | "in-clearance" | "cleared";

export type Clearance = {
  state: ClearanceState;
  steps: StepStatus[];
  /** The step that may be decided now (null when cleared or while the author has it). */
  next: StepKind | null;
};

/** The clearance of the version with hash `sha256`, given every decision recorded on the report. */
export function clearance(steps: readonly StepKind[], sha256: string, decisions: readonly Decision[]): Clearance {
  const later = (a: Decision | undefined, b: Decision) => !a || a.at <= b.at;
  // The latest decision on each step (any version) and on this version.
  const latest = new Map<StepKind, Decision>();
  const onThis = new Map<StepKind, Decision>();
  let lastReturn: string | null = null;
  for (const d of decisions) {
    if (later(latest.get(d.step), d)) latest.set(d.step, d);
    if (d.sha256 !== sha256) continue;
    if (later(onThis.get(d.step), d)) onThis.set(d.step, d);
    if (d.decision === "returned" && (!lastReturn || d.at > lastReturn)) lastReturn = d.at;
  }
  const author = onThis.get("author");
  // Submitted: the author approved this version, after any return on it.
  const submitted = author?.decision === "approved" && (!lastReturn || author.at > lastReturn);
  let next: StepKind | null = null;
  const out: StepStatus[] = steps.map((step) => {
    const mine = onThis.get(step);
    if (step === "author")
      return submitted
        ? { step, status: "approved", decision: mine ?? null }
        : { step, status: "open", decision: mine ?? null };
    if (mine?.decision === "approved") return { step, status: "approved", decision: mine };
    if (mine?.decision === "returned" && !submitted) return { step, status: "returned", decision: mine };
    if (submitted && !next) {
      next = step;
      return { step, status: "open", decision: latest.get(step) ?? null };
    }
    const before = latest.get(step);
    return { step, status: before?.decision === "approved" ? "reopened" : "waiting", decision: before ?? null };
  });
  let state: ClearanceState;
  if (submitted && !next) state = "cleared";
  else if (!submitted) state = lastReturn ? "returned" : "draft";
  else state = "in-clearance";
  return { state, steps: out, next };
}

/** The report state the policy function judges (auth/policy ReportState). */
export function policyState(c: Clearance, published: boolean): "draft" | "submitted" | "cleared" | "published" {
  if (published) return "published";
  if (c.state === "cleared") return "cleared";
  if (c.state === "in-clearance") return "submitted";
  return "draft";
}

export type Move =
  | { event: "submit"; by: number; isAuthor: boolean }
  | { event: "approve"; step: StepKind; by: number; role: "author" | "clearer" | "monitoring-officer" | null }
  | { event: "return"; step: StepKind; by: number; role: "author" | "clearer" | "monitoring-officer" | null };

/** The legal moves, listed once: from which states each event may be taken. */
export const TRANSITIONS: readonly { event: Move["event"]; from: readonly ClearanceState[]; to: string }[] = [
  { event: "submit", from: ["draft", "returned"], to: "in-clearance (or cleared when every later step already holds)" },
  { event: "approve", from: ["in-clearance"], to: "in-clearance, or cleared after the last step" },
  { event: "return", from: ["in-clearance"], to: "returned" },
];

export type MoveResult = { ok: true; decision: Decision } | { ok: false; reasons: string[] };

/**
 * Decides a move on the version with hash `sha256`. `seenSha256` is the hash of the version the person
 * was shown: a decision on content that changed since is refused, so nobody approves text they did not see.
 */
export function decide(
  steps: readonly StepKind[],
  sha256: string,
  decisions: readonly Decision[],
  move: Move,
  seenSha256: string,
  at: Date,
  comment: string | null = null,
): MoveResult {
  const c = clearance(steps, sha256, decisions);
  const reasons: string[] = [];
  if (seenSha256 !== sha256)
    reasons.push("The report has changed since you opened it. Read the current version before deciding");
  const allowed = TRANSITIONS.find((t) => t.event === move.event)!;
  if (!allowed.from.includes(c.state))
    reasons.push(
      move.event === "submit"
        ? c.state === "cleared"
          ? "This version is already cleared"
          : "This version is already in clearance"
        : c.state === "cleared"
          ? "This version is already cleared"
          : "The author has not submitted this version for clearance",
    );
  if (move.event === "submit") {
    if (!move.isAuthor) reasons.push("Only the report’s author can submit it for clearance");
    if (reasons.length) return { ok: false, reasons };
    return { ok: true, decision: { step: "author", sha256, decision: "approved", by: move.by, at: at.toISOString() } };
  }
  if (!steps.includes(move.step)) reasons.push(`This committee’s clearance has no ${STEP_NAMES[move.step]} step`);
  else if (c.next && c.next !== move.step && allowed.from.includes(c.state))
    reasons.push(`The ${STEP_NAMES[c.next]} step comes first`);
  if (move.step === "author") reasons.push("The author’s step is taken by submitting the report");
  const need = STEP_ROLE[move.step];
  if (move.role !== need && !(move.role === "monitoring-officer" && need === "clearer"))
    reasons.push(`Only ${need === "monitoring-officer" ? "the monitoring officer" : "a clearer"} can decide this step`);
  if (move.event === "return" && !comment?.trim()) reasons.push("Say what the author needs to change");
  if (reasons.length) return { ok: false, reasons };
  return {
    ok: true,
    decision: {
      step: move.step,
      sha256,
      decision: move.event === "approve" ? "approved" : "returned",
      by: move.by,
      at: at.toISOString(),
      comment,
    },
  };
}
