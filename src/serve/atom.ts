/**
 * Atom 1.0 (RFC 4287) feed for a search, so anyone can follow a subject in a feed reader. Written here
 * rather than with the `feed` library: feed 6 writes every entry title and summary as type="html"
 * CDATA, so a reader would take a plain-text title or snippet holding "<" as markup, and it refuses
 * relative links; these ~40 lines write type="text" and strip the characters XML forbids.
 * feed-validators.test.ts holds them to RFC 4287 (its MUSTs as a schema over a real XML parse) for any text.
 */
import { escapeHtml } from "./html";

export type AtomEntry = { id: string; title: string; updated: string; link: string; summary: string };

export type AtomFeed = { id: string; title: string; selfLink: string; altLink: string; updated: string };

/** RFC 3339 timestamp from an ISO date or date-time. */
export function atomDate(isoDate: string | null): string {
  if (!isoDate) return "1970-01-01T00:00:00Z";
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? `${isoDate}T00:00:00Z` : isoDate;
}

// Characters XML 1.0 forbids; scraped text can carry them (form feeds from PDFs, for instance).
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function x(s: string): string {
  return escapeHtml(s.replace(XML_INVALID, ""));
}

export function toAtom(feed: AtomFeed, entries: readonly AtomEntry[]): string {
  const parts = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>${x(feed.id)}</id>`,
    `<title>${x(feed.title)}</title>`,
    `<updated>${x(feed.updated)}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${x(feed.selfLink)}"/>`,
    `<link rel="alternate" type="text/html" href="${x(feed.altLink)}"/>`,
    "<author><name>Minutebook</name></author>",
    "<generator>Minutebook</generator>",
  ];
  for (const e of entries) {
    parts.push(
      "<entry>",
      `<id>${x(e.id)}</id>`,
      `<title>${x(e.title)}</title>`,
      `<updated>${x(e.updated)}</updated>`,
      `<link rel="alternate" type="text/html" href="${x(e.link)}"/>`,
      `<summary type="text">${x(e.summary)}</summary>`,
      "</entry>",
    );
  }
  parts.push("</feed>");
  return `${parts.join("\n")}\n`;
}
