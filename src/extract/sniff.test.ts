// Content sniffing: every corpus and seed file goes to the right reader by its bytes, whatever it is
// called; the file extension is at most a tie-breaker.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { seedFiles, sharedPath } from "../testing/shared";
import { registerBuiltinReaders } from "./index";
import { pickReader } from "./registry";

const corpus = (dir: string) =>
  readdirSync(sharedPath("corpus", dir))
    .filter((f) => !f.startsWith("."))
    .map((f) => join(sharedPath("corpus", dir), f));

const pick = (name: string, bytes: Uint8Array) => pickReader(name, bytes)?.id ?? null;

test("corpus files are read by the reader their content calls for", async () => {
  await registerBuiltinReaders();
  const expect: [string, string][] = [
    ["kent", "pdf"],
    ["merton", "pdf"],
    ["moderngov-html", "moderngov-html"],
    ["moderngov-xml", "moderngov-xml"],
    ["parish", "markdown"],
    ["docx", "docx"],
    ["scotland-community", "by-extension"],
    ["parish-more", "by-extension"],
    ["ireland", "markdown"],
  ];
  for (const [dir, id] of expect) {
    const files = corpus(dir);
    assert.ok(files.length > 0, dir);
    for (const f of files) {
      const want = id === "by-extension" ? (f.endsWith(".pdf") ? "pdf" : "markdown") : id;
      assert.equal(pick(f.split("/").pop()!, readFileSync(f)), want, f);
    }
  }
  for (const f of seedFiles()) assert.equal(pick(f.split("/").pop()!, readFileSync(f)), "text", f);
});

test("a misleading name does not change the reader: content decides", async () => {
  await registerBuiltinReaders();
  const pdf = readFileSync(corpus("kent")[0]);
  const html = readFileSync(corpus("moderngov-html")[0]);
  const xml = readFileSync(corpus("moderngov-xml").find((f) => f.includes("GetMeeting_"))!);
  assert.equal(pick("minutes.txt", pdf), "pdf");
  assert.equal(pick("minutes.html", pdf), "pdf");
  assert.equal(pick("no-extension", pdf), "pdf");
  assert.equal(pick("decision.pdf", html), "moderngov-html");
  assert.equal(pick("decision.txt", html), "moderngov-html");
  assert.equal(pick("meeting.html", xml), "moderngov-xml");
  assert.equal(pick("meeting.pdf", xml), "moderngov-xml");
});

test("HTML that is not Modern.Gov goes to the generic HTML reader; other XML and plain text do not", async () => {
  await registerBuiltinReaders();
  const generic = Buffer.from(
    "<!DOCTYPE html><html><head><title>Parish council</title></head><body><h1>Minutes</h1></body></html>",
  );
  assert.equal(pick("page.html", generic), "html");
  assert.equal(pick("page.txt", generic), "html");
  const fragment = Buffer.from('<div class="content"><p>Minutes of the meeting</p></div>');
  assert.equal(pick("fragment", fragment), "html");
  // A Modern.Gov marker deep in a large page (past the first 4 KB) is still found.
  const big = Buffer.from(
    `<!DOCTYPE html><html><head>${"<meta name='x' content='y'>".repeat(400)}</head><body><div id="modgov"><h1 class="mgMainTitleTxt">Decision details</h1></div></body></html>`,
  );
  assert.equal(pick("page", big), "moderngov-html");
  const rss = Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><title>News</title></channel></rss>');
  assert.notEqual(pick("feed.xml", rss), "moderngov-xml");
  assert.notEqual(pick("feed.xml", rss), "moderngov-html");
  assert.equal(pick("notes.txt", Buffer.from("Minutes: a <b>draft</b> note\n")), "text");
  assert.equal(pick("notes.md", Buffer.from("# Minutes\n\nText\n")), "markdown");
  // Markdown that opens with an HTML block stays Markdown by its name; the same bytes unnamed are HTML.
  const mdHtml = Buffer.from('<div align="center">Parish news</div>\n\n# Minutes\n\nText\n');
  assert.equal(pick("news.md", mdHtml), "markdown");
  assert.equal(pick("news", mdHtml), "html");
  assert.equal(pick("junk.bin", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256))), null);
});

test("a SOAP envelope around a web-service response is still Modern.Gov XML", async () => {
  await registerBuiltinReaders();
  const inner = readFileSync(corpus("moderngov-xml").find((f) => f.includes("GetMeetings_"))!, "utf8").replace(
    /^<\?xml[^>]*>\s*/,
    "",
  );
  const soap = `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><GetMeetingsResponse xmlns="http://moderngov.co.uk/namespaces"><GetMeetingsResult>${inner}</GetMeetingsResult></GetMeetingsResponse></soap:Body></soap:Envelope>`;
  assert.equal(pick("response.xml", Buffer.from(soap)), "moderngov-xml");
});

test("Markdown is known by its content, whatever the file is called", async () => {
  await registerBuiltinReaders();
  const md = ["scotland-community", "parish-more", "ireland", "parish"].flatMap((d) =>
    corpus(d).filter((f) => f.endsWith(".md")),
  );
  assert.ok(md.length >= 8);
  const misread: string[] = [];
  for (const f of md) {
    const bytes = readFileSync(f);
    for (const name of ["minutes", "minutes.txt"])
      if (pick(name, bytes) !== "markdown") misread.push(`${f} as ${name}: ${pick(name, bytes)}`);
  }
  assert.deepEqual(misread, []);
  const made = [
    "---\ntitle: Minutes\ndate: 2024-01-01\n---\n\nThe meeting opened.\n",
    "# Minutes\n\n## Present\n\nCllr A\n",
    "MINUTES\n=======\n\n1\\. Apologies from [Cllr A](mailto:a@example.org)\n",
  ];
  for (const t of made) assert.equal(pick("upload", Buffer.from(t)), "markdown", t);
  // Plain text with the marks PDF-to-text conversions share with Markdown stays plain text.
  const plain = "MINUTES\n\n**Present:** Cllr A\n\n- Meeting: Cabinet\n- Date: 1 May\n\n| 1. | Apologies |\n";
  assert.equal(pick("upload", Buffer.from(plain)), "text");
});

test("web page fragments without html or head are read as HTML, whatever they open with", async () => {
  await registerBuiltinReaders();
  const fragments = [
    "<h2>Minutes of the Parish Council</h2><p>Present: Cllr A</p>",
    "<ul><li>Apologies</li><li>Minutes</li></ul>",
    "<section><p>Minutes</p></section>",
    "Minutes of the meeting held on 1 May<br>\nPresent: Cllr A, Cllr B<br>\n<p>1. Apologies</p>\n<p>2. Minutes</p>",
    "<strong>MINUTES</strong><br><p>Present: Cllr A</p><p>Apologies: Cllr B</p>",
  ];
  for (const f of fragments) {
    assert.equal(pick("page", Buffer.from(f)), "html", f);
    assert.equal(pick("page.txt", Buffer.from(f)), "html", f);
  }
  // A line or two of inline markup in text does not make a web page.
  assert.equal(pick("notes", Buffer.from("<b>Minutes</b>\nPresent: Cllr A\n")), "text");
});
