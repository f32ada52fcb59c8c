// Contact-officer blocks laid out as one labelled line ("Contact officer: Name, Title, Tel, Email")
// with the e-mail wrapped at a hyphen, as a table of Name / Job title / Telephone / Email rows, and
// with a job title that reads like a section heading ("Finance Manager").
import assert from "node:assert/strict";
import { test } from "node:test";
import { textDocument } from "../testing/text-document";
import { officersIn } from "./officers";
import { findSections } from "./sections";

const officers = (lines: string[], markdown = false) => {
  const d = textDocument(lines.join("\n"), markdown ? "t.md" : "t.txt", markdown);
  return findSections(d, 1, d.lines.length)
    .filter((s) => s.kind === "officers")
    .flatMap((s) => officersIn(d, s.from, s.to))
    .map((o) => [o.name, o.role, o.phone, o.email]);
};

test("one labelled line per officer, the e-mail wrapped at a hyphen", () => {
  assert.deepEqual(
    officers([
      "Background papers",
      "",
      "None",
      "",
      "Contact officer: Nadia Vaughan, Policy Officer, Tel: 01673 737985, Email: nadia.vaughan@radstone-",
      "pc.org.uk",
      "",
      "Lead officer: Martin Carter, Service Manager, Tel: 01526 196230, Email: martin.carter@radstone.gov.uk",
    ]),
    [
      ["Nadia Vaughan", "Policy Officer", "01673 737985", "nadia.vaughan@radstone-pc.org.uk"],
      ["Martin Carter", "Service Manager", "01526 196230", "martin.carter@radstone.gov.uk"],
    ],
  );
});

test("a table of labelled rows per officer", () => {
  assert.deepEqual(
    officers(
      [
        "Contact officers",
        "",
        "| Name: | Claire Ellis |",
        "| --- | --- |",
        "| Job title: | Principal Planning Officer |",
        "| Telephone: | 01632 960411 |",
        "| Email: | claire.ellis@example.gov.uk |",
      ],
      true,
    ),
    [["Claire Ellis", "Principal Planning Officer", "01632 960411", "claire.ellis@example.gov.uk"]],
  );
});

test("a job title on its own line does not end the block as if it were a heading", () => {
  assert.deepEqual(
    officers([
      "Contact Officer",
      "",
      "Sarah Carter",
      "",
      "Finance Manager",
      "",
      "Telephone: 01938 310400",
      "",
      "E-mail: sarah.carter@example.gov.uk",
    ]),
    [["Sarah Carter", "Finance Manager", "01938 310400", "sarah.carter@example.gov.uk"]],
  );
});
