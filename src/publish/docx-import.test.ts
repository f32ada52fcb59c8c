// Word import: a report written in Word (made here with the docx library, in a typical council template)
// is read by Minutebook's Word reader and filed into sections.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { importDocx, sectionsFromLines } from "./docx-import";

test("a Word report becomes title, author, recommendations, sections, contacts and papers", async () => {
  const p = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
  const h = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
  const doc = new Document({
    sections: [
      {
        children: [
          p("LIBRARY SERVICES REVIEW", true),
          p("REPORT OF THE DIRECTOR OF ADULTS AND COMMUNITIES", true),
          h("Purpose of the Report"),
          p("1. To set out the outcome of the library consultation."),
          h("Recommendations"),
          p("2. It is recommended that:"),
          p("(a) the new opening hours be approved;"),
          p("(b) the mobile library route be kept."),
          h("Background"),
          p("3. The review began in 2026."),
          p("4. Over 4,000 people responded."),
          h("Financial Implications"),
          p("5. Savings of £120,000 a year."),
          h("Officer to Contact"),
          p("Jane Smith, Head of Libraries"),
          p("Tel: 0116 305 0000"),
          p("Email: jane.smith@example.gov.uk"),
          h("Background Papers"),
          p("Report to the Cabinet, 10 January 2027"),
        ],
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(doc));
  const r = await importDocx("review.docx", bytes);
  assert.equal(r.title, "Library services review");
  assert.equal(r.author, "DIRECTOR OF ADULTS AND COMMUNITIES");
  assert.deepEqual(r.recommendations, ["the new opening hours be approved;", "the mobile library route be kept."]);
  assert.equal(r.sections.purpose, "To set out the outcome of the library consultation.");
  assert.equal(r.sections.background, "The review began in 2026.\n\nOver 4,000 people responded.");
  assert.equal(r.sections.resources, "Savings of £120,000 a year.");
  assert.deepEqual(r.contacts, [
    { name: "Jane Smith", role: "Head of Libraries", phone: "0116 305 0000", email: "jane.smith@example.gov.uk" },
  ]);
  assert.deepEqual(r.backgroundPapers, ["Report to the Cabinet, 10 January 2027"]);
});

test("text before any heading is the title; 'None' background papers are none", () => {
  const r = sectionsFromLines(["Agenda Item 4", "Waste Strategy", "Background Papers", "None."]);
  assert.equal(r.title, "Waste Strategy");
  assert.deepEqual(r.backgroundPapers, []);
});
