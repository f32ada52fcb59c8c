// The store-to-LinkInput adapter: resolution trees rebuilt from clause paths, items kept with their documents.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { MeetingDetail } from "../store/repository";
import { clausesFromRecords, entriesFromDetail } from "./from-store";

describe("store records to LinkInput", () => {
  test("clause paths rebuild the resolution tree", () => {
    const tree = clausesFromRecords([
      { id: 1, label: "a", path: "a", depth: 0, text: "A" },
      { id: 2, label: "i", path: "a.i", depth: 1, text: "A i" },
      { id: 3, label: "b", path: "b", depth: 0, text: "B" },
    ]);
    assert.deepEqual(
      tree.map((c) => [c.label, c.children.map((x) => x.label)]),
      [
        ["a", ["i"]],
        ["b", []],
      ],
    );
  });

  test("items keep the document they came from", () => {
    const span = { startLine: 3, endLine: 9, page: 1 };
    const prov = (documentName: string) => ({ documentId: 1, documentName, span });
    const detail: MeetingDetail = {
      id: 7,
      committee: { id: 1, name: "Cabinet" },
      authority: null,
      date: "2020-01-02",
      time: null,
      location: null,
      counts: { agendaItems: 1, minutes: 1, reports: 0, documents: 2 },
      status: null,
      kind: "meeting",
      decision: null,
      contact: null,
      nextMeeting: "2020-02-02",
      membership: [],
      agenda: [
        {
          id: 1,
          number: "4",
          title: "Bus Lanes",
          reportBy: null,
          pages: null,
          procedural: false,
          exempt: false,
          exemptParagraphs: [],
          provenance: prov("pack.pdf"),
        },
      ],
      attendance: null,
      minutes: [
        {
          id: 2,
          number: "12",
          agendaItem: "4",
          title: "Bus Lanes",
          procedural: false,
          keyDecision: null,
          exemptParagraphs: [],
          exempt: false,
          resolutions: [{ id: 3, label: null, path: "", depth: 0, text: "That the report be noted" }],
          reasons: [],
          declarations: [],
          provenance: prov("minutes.pdf"),
        },
      ],
      reports: [],
      documents: [
        { id: 1, name: "pack.pdf", origin: "pack.pdf", original: false, format: "pdf", sha256: "x", span },
        { id: 2, name: "minutes.pdf", origin: "minutes.pdf", original: false, format: "pdf", sha256: "y", span },
      ],
    } as MeetingDetail;
    const entries = entriesFromDetail(detail);
    // The same key a file of this meeting gets: body without case, date, council when known.
    const KEY = `cabinet|2020-01-02${detail.authority ? `|${detail.authority.toLowerCase()}` : ""}`;
    assert.deepEqual(
      entries.map((e) => [
        e.docId,
        e.meetingKey,
        e.meeting.agenda.length,
        e.meeting.minutes.length,
        e.meeting.nextMeeting,
      ]),
      [
        ["pack.pdf", KEY, 1, 0, "2020-02-02"],
        ["minutes.pdf", KEY, 0, 1, null],
      ],
    );
  });
});
