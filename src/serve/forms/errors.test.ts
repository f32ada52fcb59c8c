// Form and body validation: a zod schema's failures become GOV.UK error-summary links and field messages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { apiErrorBody, parseForm } from "./errors";

const MeetingForm = z.object({
  title: z.string().trim().min(1).max(20),
  date: z.iso.date(),
  committee: z.enum(["cabinet", "scrutiny"]),
  email: z.email(),
  attendees: z.array(z.string()).min(1),
  room: z.string({ error: "Enter the room, or choose 'To be confirmed'" }),
  quorum: z.coerce.number().int().min(3),
});

const labels = { title: "a title", date: "the meeting date", committee: "the committee", email: "an email address" };

test("a valid form parses to its typed value", () => {
  const r = parseForm(
    MeetingForm,
    {
      title: " Budget ",
      date: "2027-03-10",
      committee: "cabinet",
      email: "clerk@example.gov.uk",
      attendees: ["A"],
      room: "1",
      quorum: "3",
    },
    { labels },
  );
  assert.ok(r.ok);
  assert.equal(r.value.title, "Budget");
  assert.equal(r.value.quorum, 3);
});

test("each failing field gets one GOV.UK message, linked from the summary in field order", () => {
  const r = parseForm(
    MeetingForm,
    { title: "", date: "10/3/2027", email: "nope", attendees: [], quorum: "2" },
    { labels, ids: { date: "date-day" } },
  );
  assert.ok(!r.ok);
  assert.deepEqual(r.errors.summary, [
    { text: "Enter a title", href: "#title" },
    { text: "Enter the meeting date in the correct format", href: "#date-day" },
    { text: "Select the committee", href: "#committee" },
    { text: "Enter an email address in the correct format, like name@example.gov.uk", href: "#email" },
    { text: "Select attendees", href: "#attendees" },
    { text: "Enter the room, or choose 'To be confirmed'", href: "#room" },
    { text: "Quorum must be 3 or more", href: "#quorum" },
  ]);
  assert.equal(r.errors.fields.date, "Enter the meeting date in the correct format");
});

test("too long, wrong choice and nested fields", () => {
  const r = parseForm(
    z.object({
      title: z.string().max(5),
      committee: z.enum(["a"]),
      members: z.array(z.object({ name: z.string().min(1) })),
    }),
    { title: "much too long", committee: "b", members: [{ name: "x" }, { name: "" }] },
  );
  assert.ok(!r.ok);
  assert.deepEqual(r.errors.fields, {
    title: "Title must be 5 characters or fewer",
    committee: "Select committee from the list",
    "members.1.name": "Enter members.1.name",
  });
  assert.equal(r.errors.summary[2].href, "#members-1-name");
});

test("an API body's errors name each field", () => {
  const r = parseForm(z.object({ title: z.string().min(1) }), { title: "" }, { labels: { title: "a title" } });
  assert.ok(!r.ok);
  assert.deepEqual(apiErrorBody(r.errors), {
    error: { status: 400, message: "Enter a title", fields: [{ field: "title", message: "Enter a title" }] },
  });
});
