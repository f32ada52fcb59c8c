// Table tests for the report model: exempt marks need a Schedule 12A paragraph (1–7) and a public-interest
// reason; the public projection never carries exempt text; the content hash is canonical.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { contentSha256, exemptParagraphs, exemptTexts, publicProjection, reportContent } from "./reports";

const base = {
  title: "Sale of land at Oak Farm",
  author: "Director of Corporate Resources",
  recommendations: ["That the land be sold"],
  sections: { purpose: { text: "To seek approval." }, background: { text: "The land is surplus." } },
  appendices: [
    { label: "A", title: "Site plan", text: "Plan of the site." },
    {
      label: "B",
      title: "Valuation",
      text: "The valuer puts the land at £1.2 million.",
      exempt: { paragraphs: [3], publicInterest: "Disclosure would prejudice the sale." },
    },
  ],
};

describe("report content", () => {
  const bad: [string, unknown, RegExp][] = [
    ["no paragraph", { paragraphs: [], publicInterest: "x" }, /at least one paragraph/],
    ["paragraph 8", { paragraphs: [8], publicInterest: "x" }, /1 to 7/],
    ["no public-interest reason", { paragraphs: [3], publicInterest: " " }, /public interest/],
  ];
  for (const [name, mark, msg] of bad)
    test(`an exempt mark with ${name} is refused`, () => {
      const r = reportContent.safeParse({ ...base, exempt: mark });
      assert.equal(r.success, false);
      assert.match(r.error!.issues.map((i) => i.message).join(), msg);
    });

  test("the public projection keeps titles and paragraphs, never exempt text", () => {
    const c = reportContent.parse(base);
    const p = publicProjection(c);
    assert.equal(p.appendices[1].text, null);
    assert.deepEqual(p.appendices[1].exemptParagraphs, [3]);
    assert.equal(p.appendices[0].text, "Plan of the site.");
    assert.ok(!JSON.stringify(p).includes("£1.2 million"));
    assert.deepEqual(exemptTexts(c), ["The valuer puts the land at £1.2 million."]);
    assert.deepEqual(exemptParagraphs(c), [3]);
  });

  test("a wholly exempt report shows only its title, author and paragraphs", () => {
    const c = reportContent.parse({ ...base, exempt: { paragraphs: [1, 3], publicInterest: "Personal data." } });
    const p = publicProjection(c);
    assert.deepEqual(p.recommendations, []);
    assert.deepEqual(p.sections, []);
    assert.ok(!JSON.stringify(p).includes("surplus"));
    assert.ok(exemptTexts(c).includes("The land is surplus."));
  });

  test("the hash is canonical: same content, same hash; any change, a new hash", () => {
    const a = reportContent.parse(base);
    const b = reportContent.parse(JSON.parse(JSON.stringify(base)));
    assert.equal(contentSha256(a), contentSha256(b));
    assert.notEqual(contentSha256(a), contentSha256({ ...a, title: `${a.title}.` }));
    assert.match(contentSha256(a), /^[0-9a-f]{64}$/);
  });
});
