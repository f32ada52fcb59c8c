/**
 * Test and benchmark support: the first `n` meetings of one generated demo council as the linkers'
 * input, the way `topics --from-files` and the portal give it: each agenda pack rendered as text,
 * parsed, and kept with its text lines (so minutes' discussions reach the linkers).
 */
import { generateCouncil } from "../../demo/generate";
import { parseBytesWithText } from "../../pipeline/parse-file";
import { renderAgendaPack } from "../../render/pack";
import { meetingKeyOf } from "../from-store";
import type { LinkInput } from "../index";

export async function demoLinkInput(n: number, seed = "bench"): Promise<{ input: LinkInput; today: string }> {
  const demo = generateCouncil({ meetings: n, seed });
  const byId = new Map(demo.meetings.map((m) => [m.id, m]));
  const input: LinkInput = [];
  const encoder = new TextEncoder();
  for (const [i, m] of demo.meetings.entries()) {
    const prev = m.previousId ? byId.get(m.previousId)!.doc : null;
    const name = `${seed}-pack-${String(i).padStart(5, "0")}.txt`;
    const { result, lines } = await parseBytesWithText(name, encoder.encode(renderAgendaPack(m.doc, prev).text));
    for (const meeting of result.meetings)
      input.push({
        docId: name,
        meetingKey: meetingKeyOf(meeting.body, meeting.date, meeting.authority, name),
        meeting,
        ...(lines ? { lines } : {}),
      });
  }
  const today = demo.meetings[demo.meetings.length - 1].doc.record.date ?? "2030-01-01";
  return { input, today };
}
