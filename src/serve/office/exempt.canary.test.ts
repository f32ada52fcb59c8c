/**
 * The office-side canary: agenda packs whose exempt report, appendix, recommendation and minute each
 * carry a made-up canary word (issue 13's fixtures, three house styles, three committees) are imported;
 * the exempt text goes to the access-controlled store only. Then every GET route the app registers
 * (enumerated from the router, so a new route cannot escape), every page linked from them, every
 * exempt item's address, the API twins, feeds, CSVs and searches, and every other-method route, are
 * requested as four people: the public, a councillor who sits on another committee, a former member
 * of the committee, and a current member. The first three see no canary at all; the member sees the
 * committee's canaries (so the check cannot pass vacuously) and no other committee's.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Hono } from "hono";
import { totpCode } from "../../auth/local";
import { AuthStore } from "../../auth/store";
import { Client, localAccount } from "../../auth/testing";
import { importPaths } from "../../import/import-paths";
import { ALL_CANARY, agendaMarking, canaries, packFor, STYLES } from "../../parse/exempt/fixtures";
import { renderAgendaPack } from "../../render/index";
import { openRepository } from "../../store/open";
import type { Repository } from "../../store/repository";
import { createApp } from "../app";
import { type Crawl, crawl } from "../canary-crawl";

const STYLE_IDS = [0, 1, 2];
const NOW = new Date("2031-07-01T12:00:00Z");

let dir: string;
let repo: Repository;
let store: AuthStore;
let app: Hono;
/** Committee id per style. */
const committeeOf = new Map<number, number>();

/** One person's crawl: every route, the exempt items, the meetings, searches for every canary, the downloads. */
function crawlAs(client: Client, exemptIds: number[], meetingIds: number[]): Promise<Crawl> {
  const planted = STYLE_IDS.flatMap((i) => Object.values(canaries(i)));
  const extra: string[] = [];
  for (const id of exemptIds) extra.push(`/office/exempt/${id}`);
  for (const id of meetingIds) extra.push(`/meetings/${id}`, `/api/meetings/${id}`);
  for (const q of [...planted, "Harbour", "appraisal", "Holdings", "licence"])
    extra.push(`/search?q=${encodeURIComponent(q)}`, `/api/search?q=${encodeURIComponent(q)}`);
  extra.push("/search.atom?q=Harbour", "/decisions.csv", "/attendance.csv", "/meetings.ics", "/office/audit.csv");
  return crawl(app, client, {
    canary: ALL_CANARY,
    extra,
    everyOne: (url) => url.startsWith("/office/exempt/"),
  });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "minutebook-office-canary-"));
  mkdirSync(join(dir, "docs"));
  for (const i of STYLE_IDS) {
    const { meeting, previous } = packFor(i);
    writeFileSync(join(dir, "docs", `pack-${i}.txt`), agendaMarking(i, renderAgendaPack(meeting, previous).text));
  }
  repo = await openRepository({ kind: "sqlite", file: join(dir, "store.db") });
  const summary = await importPaths(repo, [join(dir, "docs")]);
  assert.deepEqual(summary.failures, []);
  store = new AuthStore(repo.sql);
  const committees = await repo.listCommittees();
  for (const i of STYLE_IDS) {
    const c = committees.find((x) => x.name === STYLES[i].body && x.authority === STYLES[i].council);
    assert.ok(c, `committee of style ${i}: ${JSON.stringify(committees)}`);
    committeeOf.set(i, c.id);
  }
  app = createApp(repo, {
    now: () => NOW,
    onError: (e) => console.error(e),
    checkEveryMs: 0,
    auth: { secureCookies: false },
  });
});

after(async () => {
  await repo?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function personaClient(name: string, grants: Parameters<typeof localAccount>[1]["grants"]): Promise<Client> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}@example.org`;
  const a = await localAccount(store, { name, email, password: "a long enough password", grants }, NOW);
  const c = new Client((p, i) => app.request(p, i));
  const form = await c.get("/sign-in");
  const r = await c.post(
    "/sign-in",
    { email, password: "a long enough password", code: totpCode(a.totpSecret as string, NOW) },
    { from: form.body },
  );
  assert.equal(r.status, 303, `${name} signed in`);
  return c;
}

describe("office canary: exempt text reaches only those entitled", () => {
  test("the exempt text is stored, and only in the access-controlled store", async () => {
    const rows = await repo.sql.all<{ body: string; committee_id: number }>(
      "SELECT body, committee_id FROM exempt_content",
    );
    const stored = new Set(rows.flatMap((r) => [...r.body.matchAll(ALL_CANARY)].map((m) => m[0])));
    for (const i of STYLE_IDS)
      for (const [kind, word] of Object.entries(canaries(i)))
        assert.ok(stored.has(word), `style ${i} ${kind} canary ${word} stored`);
    const dump = await (repo as unknown as { dumpText(): Promise<string> }).dumpText();
    assert.equal([...dump.matchAll(ALL_CANARY)].length, 0, "no public table holds a canary");
  });

  test("the public, a councillor of another committee and a former member: zero canaries on every route; a member: the committee's only", async (t) => {
    const A = committeeOf.get(0) as number;
    const B = committeeOf.get(1) as number;
    const exemptIds = (await repo.sql.all<{ id: number }>("SELECT id FROM exempt_content")).map((r) => Number(r.id));
    const meetingIds = (await repo.listMeetings({}, { limit: 50, offset: 0 })).items.map((m) => m.id);
    // Each person and the canaries they may see: those of committees where they hold a seat today.
    const mine = (...styles: number[]) => new Set(styles.flatMap((i) => Object.values(canaries(i))));
    const personas: [string, Client, Set<string>][] = [
      ["the public", new Client((p, i) => app.request(p, i)), mine()],
      [
        "a councillor of another committee",
        await personaClient("Olive Other", [{ role: "councillor" }, { role: "committee-member", committeeId: B }]),
        mine(1),
      ],
      [
        "a former member",
        await personaClient("Fred Former", [
          { role: "councillor" },
          { role: "committee-member", committeeId: A, from: "2028-05-20", to: "2031-05-19" },
        ]),
        mine(),
      ],
    ];
    for (const [who, client, allowed] of personas) {
      const c = await crawlAs(client, exemptIds, meetingIds);
      t.diagnostic(`${who}: ${c.fetched.size} addresses, ${c.hits.size} canaries`);
      assert.deepEqual(c.unmatched, [], `${who}: every registered GET route was requested`);
      assert.ok(c.fetched.size > 60, `${who}: crawled ${c.fetched.size}`);
      const committeeA = Object.values(canaries(0));
      assert.deepEqual(
        [...c.hits]
          .filter(([word]) => committeeA.includes(word))
          .map(([word, urls]) => `${word}: ${[...urls].join(", ")}`),
        [],
        `${who} saw the committee's exempt text`,
      );
      assert.deepEqual(
        [...c.hits].filter(([word]) => !allowed.has(word)).map(([word, urls]) => `${word}: ${[...urls].join(", ")}`),
        [],
        `${who} saw exempt text of a committee they do not sit on`,
      );
      for (const [word, urls] of c.hits)
        for (const u of urls)
          assert.match(u, /^\/office\/exempt\/\d+$/, `${word} appeared outside its exempt item page: ${u}`);
    }

    const member = await personaClient("Mina Member", [
      { role: "councillor" },
      { role: "committee-member", committeeId: A },
    ]);
    const c = await crawlAs(member, exemptIds, meetingIds);
    t.diagnostic(`a member: ${c.fetched.size} addresses, ${c.hits.size} canaries`);
    const found = [...c.hits.keys()].sort();
    assert.deepEqual(
      found,
      Object.values(canaries(0)).sort(),
      "the member reads their committee's exempt items, and only those",
    );
    // The member may also download the original file of a paper whose every exempt part they may read (audited).
    for (const [word, urls] of c.hits)
      for (const u of urls)
        assert.match(
          u,
          /^\/office\/exempt\/\d+$|^\/documents\/\d+\/original$/,
          `${word} appeared only on the exempt item's page or its paper's original, not ${u}`,
        );

    // Every opening and every refusal is in the audit trail, the route guard's refusals of the public included.
    const views = await repo.sql.all<{ action: string; actor_id: number | null; object: string }>(
      "SELECT action, actor_id, object FROM audit_events WHERE action LIKE 'exempt.%'",
    );
    // Only the two who sit on a committee opened anything: the member (committee A) and the councillor of
    // committee B, who reads B's items; the public and the former member opened nothing.
    const mina = (await store.localByEmail("mina.member@example.org"))?.userId;
    const olive = (await store.localByEmail("olive.other@example.org"))?.userId;
    const fred = (await store.localByEmail("fred.former@example.org"))?.userId;
    const openers = new Set(views.filter((v) => v.action === "exempt.view").map((v) => Number(v.actor_id)));
    assert.deepEqual([...openers].sort(), [mina, olive].map(Number).sort());
    // Each of the public, the former member and the other committee's councillor asked for every exempt item
    // of committee A and was refused: one exempt.refused entry per person and item.
    const itemsOfA = (
      await repo.sql.all<{ id: number }>("SELECT id FROM exempt_content WHERE committee_id = ?", [A])
    ).map((r) => `exempt-item:${Number(r.id)}`);
    assert.ok(itemsOfA.length > 0);
    for (const [who, id] of [
      ["the public", null],
      ["the former member", fred],
      ["the councillor of another committee", olive],
    ] as const) {
      const refused = new Set(
        views
          .filter((v) => v.action === "exempt.refused" && (v.actor_id === null ? null : Number(v.actor_id)) === id)
          .map((v) => v.object),
      );
      assert.deepEqual(
        itemsOfA.filter((x) => !refused.has(x)),
        [],
        `${who}: every refused exempt item of committee A is logged as exempt.refused`,
      );
    }
    assert.deepEqual(await store.verifyAudit().then((r) => r.ok), true);
  });
});
