/**
 * iCalendar (RFC 5545) feed of meetings: TEXT values escaped (\\ ; , newline), lines folded at 75 octets
 * without splitting a UTF-8 character, CRLF line ends. Every timed event ends: at its end time when the
 * calendar knows it, else two hours after its start (DURATION, the usual length of a committee
 * meeting), so calendar programs show a block of time rather than a point.
 */

export type CalendarEvent = {
  uid: string;
  /** ISO date "2017-03-10". */
  date: string;
  /** "14:00" or null for an all-day event. */
  time: string | null;
  summary: string;
  location: string | null;
  description: string | null;
  url: string | null;
  /** "14:00"–"16:30": the end, when the calendar knows it. */
  endTime?: string | null;
  /** RFC 5545 STATUS: a cancelled meeting stays in the feed as CANCELLED, so calendars remove it. */
  status?: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
};

export function icalText(s: string): string {
  return s.replace(/\r\n?/g, "\n").replace(/[\\;,\n]/g, (c) => (c === "\n" ? "\\n" : `\\${c}`));
}

/** Folds one content line: at most 75 octets per line, continuation lines start with a space. */
export function foldLine(line: string): string {
  const enc = new TextEncoder();
  const out: string[] = [];
  let cur = "";
  let curBytes = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74; // the leading space of a continuation counts
    if (curBytes + n > limit) {
      out.push(cur);
      cur = "";
      curBytes = 0;
    }
    cur += ch;
    curBytes += n;
  }
  out.push(cur);
  return out.join("\r\n ");
}

/** How long a meeting whose end is not known is shown as lasting. */
export const UNKNOWN_END_HOURS = 2;

function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/**
 * Times are local UK wall-clock times, so they are written with TZID=Europe/London and a VTIMEZONE
 * giving the GMT/BST rules.
 */
export function toICalendar(name: string, events: readonly CalendarEvent[], now = new Date()): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Minutebook//Committee meetings//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${icalText(name)}`,
    "BEGIN:VTIMEZONE",
    "TZID:Europe/London",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19700329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19701025T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
  ];
  for (const e of events) {
    const d = e.date.replaceAll("-", "");
    lines.push("BEGIN:VEVENT", `UID:${icalText(e.uid)}`, `DTSTAMP:${stamp(now)}`);
    if (e.time) {
      const [h, m] = e.time.split(":");
      lines.push(`DTSTART;TZID=Europe/London:${d}T${h.padStart(2, "0")}${m.padStart(2, "0")}00`);
      const [eh, em] = (e.endTime ?? "").split(":");
      if (e.endTime && Number(eh) * 60 + Number(em) > Number(h) * 60 + Number(m))
        lines.push(`DTEND;TZID=Europe/London:${d}T${eh.padStart(2, "0")}${em.padStart(2, "0")}00`);
      else lines.push(`DURATION:PT${UNKNOWN_END_HOURS}H`);
    } else {
      lines.push(`DTSTART;VALUE=DATE:${d}`);
    }
    if (e.status) lines.push(`STATUS:${e.status}`);
    lines.push(`SUMMARY:${icalText(e.summary)}`);
    if (e.location) lines.push(`LOCATION:${icalText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${icalText(e.description)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
