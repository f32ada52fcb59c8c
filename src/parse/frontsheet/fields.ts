/**
 * The labelled facts of a front sheet: "Meeting: Cabinet", "Date/Time: Friday 10 March 2017 at
 * 11.00 am", "Location:"/"Venue:", "Contact: Ms. J. Bailey (Tel. 0116 305 6225)", "Ask for:",
 * "Telephone:", "Email:", and the summons sentence "A meeting of the County Council will be held in
 * the Council Chamber ... on Thursday, 13th March, 2025 at 10.00 am". Pure.
 */
import type { Contact } from "../../model/parse-v1";
import { findDate, findTime } from "../common/dates";
import { findEmail, findPhone, looksLikePersonName } from "../common/names";
import { clean, head, stripBullet } from "../common/text";

export type Label = "body" | "datetime" | "date" | "time" | "location" | "contact" | "phone" | "email" | "membership";

const LABELS: [RegExp, Label][] = [
  [/^(?:meeting|committee|meeting of|body)$/i, "body"],
  [/^(?:date\s*(?:\/|and|&)\s*time|date\s*,\s*time|when)$/i, "datetime"],
  [/^(?:date|date of meeting|meeting date)$/i, "date"],
  [/^(?:time|start time)$/i, "time"],
  [/^(?:location|venue|place|where)$/i, "location"],
  [
    /^(?:contact|contact officer|ask for|enquiries to|enquiries|democratic services officer|committee officer|clerk)$/i,
    "contact",
  ],
  [/^(?:telephone|tel|phone|direct line|direct dial(?:\s*\/\s*ext)?|ext|extension)$/i, "phone"],
  [/^(?:email|e-mail)$/i, "email"],
  [/^(?:membership|members|councillors|committee members)$/i, "membership"],
];

/** "Label: value" (or "Label" alone) → which fact, and the value; null when not a front-sheet label. */
export function readLabel(piece: string): { label: Label; value: string } | null {
  const t = clean(stripBullet(piece));
  const m = /^([A-Za-z][A-Za-z /&,-]{1,30}?)\s*:\s*(.*)$/.exec(head(t, 400));
  if (!m) return null;
  for (const [re, label] of LABELS) if (re.test(m[1].trim())) return { label, value: m[2].trim() };
  return null;
}

/** "Ms. J. Bailey (Tel. 0116 305 6225)", "Mrs. A. Smith (0116 305 2583)", "Georgina Little". */
export function parseContact(value: string): Contact {
  const t = clean(value);
  const phone = findPhone(t);
  const email = findEmail(t);
  let name = t;
  const cut = Math.min(
    ...[
      t.indexOf("("),
      phone?.index ?? -1,
      email?.index ?? -1,
      t.search(/\b(?:Tel|Telephone|Phone|Email|E-mail)\b/i),
    ].filter((i) => i >= 0),
    t.length,
  );
  name = t
    .slice(0, cut)
    .replace(/[,;:\s-]+$/, "")
    // "Democratic Services on 01234 …": the word that led into the number is not the name's.
    .replace(/\s+(?:on|at|via|by|or)$/i, "")
    .trim();
  // "Jane Smith, Democratic Services Officer": the name is the part before the role.
  const comma = name.indexOf(", ");
  if (comma > 0 && looksLikePersonName(name.slice(0, comma))) name = name.slice(0, comma);
  return { name: name || null, phone: phone?.value ?? null, email: email?.value ?? null };
}

export type Summons = { body: string; location: string | null; date: string | null; time: string | null };

const SUMMONS =
  /(?:\b(?:an?|the)\s+|\battend\s+)(?:(?:extraordinary|special|annual|ordinary|reconvened|adjourned)\s+)?meeting of (?:the )?(.{3,120}?) (?:will|is to|is going to|shall|to) be held (?:(?:in|at) (?:the )?(.{3,200}?))?(?: on ((?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d).{4,80}?))?(?=\s+(?:to (?:deal|consider|transact)|for the purposes? of)\b|[.:](?:\s|$)|$)/i;

/** "A meeting of the Audit Committee will be held in X on Thursday, 13th March, 2025 at 10.00 am". */
export function parseSummons(text: string): Summons | null {
  const m = SUMMONS.exec(head(clean(text), 600));
  if (!m) return null;
  const when = m[3] ?? "";
  const d = findDate(when);
  return {
    body: clean(m[1]),
    location: m[2] ? clean(m[2]).replace(/,$/, "") : null,
    date: d?.iso ?? null,
    time: findTime(d ? when.slice(d.index + d.length) : when),
  };
}
