/**
 * Sign-in with the council's identity provider over OpenID Connect (openid-client): authorization code
 * with PKCE (S256), state and nonce. The verifier, state and nonce ride in a short-lived HttpOnly cookie
 * between the redirect and the callback (no server memory, so any process can finish the flow). The
 * user is keyed by (issuer, subject), never by e-mail. Council-wide roles may come from an app-role
 * claim (`roles`, as Microsoft Entra sends them): values named in `roleMap` become grants with source
 * "idp", added and ended at each sign-in so the provider stays the source of truth for them.
 */
import * as client from "openid-client";
import { COUNCIL_ROLES, localDate, type Role } from "./policy";
import type { AuthStore, User } from "./store";

export type OidcConfig = {
  /** The provider's issuer URL (discovery at /.well-known/openid-configuration). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends people back (default: this site's /auth/callback at the request's origin). */
  redirectUri?: string;
  /** Shown on the button ("Sign in with …"). */
  label?: string;
  /** App-role claim values → council-wide Minutebook roles (e.g. {"Minutebook.Officer": "democratic-services"}). */
  roleMap?: Record<string, Role>;
  /** Plain-HTTP provider (loopback tests only). */
  allowInsecure?: boolean;
};

export type OidcFlow = { verifier: string; state: string; nonce: string; next: string; redirectUri: string };

export class Oidc {
  private config: Promise<client.Configuration> | null = null;

  constructor(readonly opts: OidcConfig) {}

  private configuration(): Promise<client.Configuration> {
    this.config ??= client
      .discovery(
        new URL(this.opts.issuer),
        this.opts.clientId,
        undefined,
        client.ClientSecretBasic(this.opts.clientSecret),
        this.opts.allowInsecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((e) => {
        this.config = null; // try discovery again next time
        throw e;
      });
    return this.config;
  }

  /** The provider's authorization address and the flow to keep until the callback. */
  async start(next: string, origin: string): Promise<{ url: string; flow: OidcFlow }> {
    const config = await this.configuration();
    const verifier = client.randomPKCECodeVerifier();
    const redirectUri = this.opts.redirectUri ?? `${origin}/auth/callback`;
    const flow: OidcFlow = { verifier, state: client.randomState(), nonce: client.randomNonce(), next, redirectUri };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: "openid email profile",
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state: flow.state,
      nonce: flow.nonce,
    });
    return { url: url.href, flow };
  }

  /** Completes the flow from the callback address; the verified ID token's claims. */
  async finish(callbackUrl: URL, flow: OidcFlow): Promise<client.IDToken> {
    const config = await this.configuration();
    const tokens = await client.authorizationCodeGrant(
      config,
      callbackUrl,
      {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      },
      { redirect_uri: flow.redirectUri },
    );
    const claims = tokens.claims();
    if (!claims) throw new Error("The identity provider sent no ID token");
    return claims;
  }

  /** The Minutebook roles a token's `roles` claim carries (unknown values ignored). */
  rolesOf(claims: client.IDToken): Role[] {
    const raw = claims.roles;
    const values = Array.isArray(raw) ? raw.filter((x): x is string => typeof x === "string") : [];
    const map = this.opts.roleMap ?? {};
    return [
      ...new Set(
        values
          .map((v) => map[v])
          .filter((r): r is Role => !!r && COUNCIL_ROLES.concat("democratic-services", "report-author").includes(r)),
      ),
    ];
  }
}

export function encodeFlow(f: OidcFlow): string {
  return Buffer.from(JSON.stringify(f)).toString("base64url");
}

export function decodeFlow(s: string | undefined): OidcFlow | null {
  if (!s) return null;
  try {
    const f = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    return typeof f.verifier === "string" &&
      typeof f.state === "string" &&
      typeof f.nonce === "string" &&
      typeof f.redirectUri === "string"
      ? {
          verifier: f.verifier,
          state: f.state,
          nonce: f.nonce,
          next: String(f.next ?? "/office"),
          redirectUri: f.redirectUri,
        }
      : null;
  } catch {
    return null;
  }
}

/** Finds or creates the user of a verified ID token and brings their provider roles up to date. */
export async function userFromClaims(
  store: AuthStore,
  oidc: Oidc,
  claims: client.IDToken,
  now: Date,
): Promise<{ user: User; created: boolean }> {
  const name =
    (typeof claims.name === "string" && claims.name) ||
    (typeof claims.email === "string" && claims.email) ||
    `User ${claims.sub}`;
  const email = typeof claims.email === "string" ? claims.email : null;
  const r = await store.userForIdentity(claims.iss, claims.sub, { displayName: name, email }, now);
  const today = localDate(now);
  const wanted = new Set(oidc.rolesOf(claims));
  const current = (await store.grantsOf(r.user.id)).filter(
    (g) => g.source === "idp" && g.committeeId === null && (g.to === null || g.to >= today),
  );
  for (const g of current) {
    if (!wanted.has(g.role)) {
      const yesterday = localDate(new Date(now.getTime() - 86_400_000));
      // ends yesterday (or on its first day, when granted today)
      await store.endGrant(g.id, [yesterday, g.from].sort()[1], null, now);
      await store.audit(
        { actorId: null, action: "role.end", object: `grant:${g.id}`, detail: { source: "idp", role: g.role } },
        now,
      );
    }
  }
  for (const role of wanted) {
    if (current.some((g) => g.role === role)) continue;
    const g = await store.grant(
      { userId: r.user.id, role, committeeId: null, from: today, to: null },
      null,
      now,
      "idp",
    );
    await store.audit(
      {
        actorId: null,
        action: "role.grant",
        object: `grant:${g.id}`,
        detail: { source: "idp", role, userId: r.user.id },
      },
      now,
    );
  }
  return r;
}
