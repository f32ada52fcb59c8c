/** The demo's accounts: created once, and they sign in with the printed password only where start allows it. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { createApp } from "../serve/app";
import { DEMO_PASSWORD, ensureDemoAccounts } from "./demo";
import { Client, emptyStore } from "./testing";

test("demo accounts sign in with the printed password when the second factor is optional, and not otherwise", async () => {
  const t = await emptyStore();
  try {
    const accounts = await ensureDemoAccounts(t.store, [4], new Date());
    assert.equal((await ensureDemoAccounts(t.store, [4], new Date())).length, 3);
    assert.equal((await t.store.users()).length, 3, "created once");
    for (const [optional, status] of [
      [true, 303],
      [false, 400],
    ] as const) {
      const app = createApp(t.repo, { auth: { secureCookies: false, requireSecondFactor: !optional } });
      const c = new Client((p, i) => app.request(p, i));
      const page = await c.get("/sign-in");
      const r = await c.post(
        "/sign-in",
        { email: accounts[1].email, password: DEMO_PASSWORD, code: "" },
        { from: page.body },
      );
      assert.equal(r.status, status);
      if (status === 303) assert.match((await c.get("/office")).body, /Committee member/);
    }
  } finally {
    await t.close();
  }
});
