/**
 * The demo's sign-in accounts (`npm start`): an officer, a councillor and a clerk with local accounts,
 * a known password and no second factor, so a newcomer can try the office side at once. Created only
 * when absent; printed at start. Never for a real deployment: `minutebook serve` asks for a one-time
 * code from local accounts unless MINUTEBOOK_LOCAL_2FA=optional, which only `start` sets.
 */
import { hashPassword } from "./local";
import type { Role } from "./policy";
import type { AuthStore } from "./store";

export const DEMO_PASSWORD = "minutebook-demo";

export type DemoAccount = { email: string; name: string; what: string };

export async function ensureDemoAccounts(store: AuthStore, committeeIds: number[], now: Date): Promise<DemoAccount[]> {
  const first = committeeIds[0] ?? null;
  const accounts: {
    email: string;
    name: string;
    what: string;
    grants: { role: Role; committeeId: number | null }[];
  }[] = [
    {
      email: "officer@demo.minutebook.test",
      name: "Demo Officer",
      what: "administrator and monitoring officer: people, roles, audit trail, every confidential paper",
      grants: [
        { role: "administrator", committeeId: null },
        { role: "monitoring-officer", committeeId: null },
      ],
    },
    {
      email: "councillor@demo.minutebook.test",
      name: "Demo Councillor",
      what: "councillor with a seat on one committee: that committee's confidential papers",
      grants: [
        { role: "councillor", committeeId: null },
        ...(first === null ? [] : [{ role: "committee-member" as Role, committeeId: first }]),
      ],
    },
    {
      email: "clerk@demo.minutebook.test",
      name: "Demo Clerk",
      what: "democratic services officer for every committee, who also writes reports",
      grants: [
        { role: "democratic-services", committeeId: null },
        // Officers' reports are written by service officers; the demo's clerk writes them too, so a
        // newcomer can try writing one without a fourth account.
        { role: "report-author", committeeId: null },
      ],
    },
  ];
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const a of accounts) {
    if (await store.localByEmail(a.email)) continue;
    const u = await store.createLocalAccount({ displayName: a.name, email: a.email }, now);
    await store.setPasswordHash(u.id, hash);
    for (const g of a.grants) await store.grant({ userId: u.id, ...g, from: "2020-01-01", to: null }, null, now);
  }
  return accounts.map(({ email, name, what }) => ({ email, name, what }));
}
