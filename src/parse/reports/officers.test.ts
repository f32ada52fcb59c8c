// Officers to contact: names with hyphens, roles after a comma or a spaced dash, phones and e-mails.
import assert from "node:assert/strict";
import { test } from "node:test";
import { textDocument } from "../testing/text-document";
import { officersIn } from "./officers";

const doc = (text: string) => textDocument(text);

test("a hyphenated surname is a name, and a spaced dash still separates the role", () => {
  const d = doc(
    [
      "Eleanor Marriott-Shaw, Director of Law and Governance",
      "Tel: 01632 960 411",
      "Email: eleanor.marriott-shaw@example.gov.uk",
      "",
      "Tom Aske - Head of Libraries",
      "Tel: 01632 960 412",
    ].join("\n"),
  );
  const got = officersIn(d, 1, d.lines.length);
  assert.deepEqual(
    got.map((o) => [o.name, o.role, o.phone, o.email]),
    [
      [
        "Eleanor Marriott-Shaw",
        "Director of Law and Governance",
        "01632 960 411",
        "eleanor.marriott-shaw@example.gov.uk",
      ],
      ["Tom Aske", "Head of Libraries", "01632 960 412", null],
    ],
  );
});
