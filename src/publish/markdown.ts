/**
 * The small Markdown subset officers write report sections in: paragraphs, bulleted and numbered lists,
 * bold and italic. markdown-it with raw HTML off (html: false), links and images off, so nothing typed
 * can inject markup; `toHtml` is the sanitised preview, `toParagraphs` the plain paragraphs the PDF
 * prints (emphasis dropped, list items as "•" lines).
 */
import MarkdownIt from "markdown-it";

const md = new MarkdownIt("zero", { html: false, linkify: false, typographer: false, breaks: false })
  .enable(["paragraph", "list", "emphasis", "newline", "escape", "backticks"])
  .disable([]);

/** Sanitised HTML of a section (GOV.UK body classes added). */
export function toHtml(source: string): string {
  return md
    .render(source)
    .replace(/<p>/g, '<p class="govuk-body">')
    .replace(/<ul>/g, '<ul class="govuk-list govuk-list--bullet">')
    .replace(/<ol>/g, '<ol class="govuk-list govuk-list--number">');
}

/** The section as printed paragraphs: one per Markdown paragraph or list item. */
export function toParagraphs(source: string): string[] {
  const tokens = md.parse(source, {});
  const out: string[] = [];
  const lists: { ordered: boolean; n: number }[] = [];
  for (const t of tokens) {
    if (t.type === "bullet_list_open") lists.push({ ordered: false, n: 0 });
    else if (t.type === "ordered_list_open") lists.push({ ordered: true, n: Number(t.attrGet("start") ?? 1) - 1 });
    else if (t.type === "bullet_list_close" || t.type === "ordered_list_close") lists.pop();
    else if (t.type === "inline") {
      const text = (t.children ?? [])
        .map((c) => (c.type === "softbreak" || c.type === "hardbreak" ? " " : c.content))
        .join("")
        .replace(/\s+/g, " ")
        .trim();
      if (!text) continue;
      const list = lists[lists.length - 1];
      if (list) {
        list.n++;
        out.push(`${list.ordered ? `(${String.fromCharCode(96 + Math.min(list.n, 26))})` : "•"} ${text}`);
      } else out.push(text);
    }
  }
  return out;
}
