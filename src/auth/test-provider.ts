/**
 * A real OpenID provider for tests and the CI: oidc-provider (a certified implementation, dev
 * dependency) on a loopback port, with its built-in development login and consent pages (any password;
 * the login name picks the account). Accounts carry name, e-mail and an app-role claim `roles`, as
 * Microsoft Entra sends them. Started in-process by the tests themselves: CI starts nothing for it.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type TestAccount = { name: string; email: string; roles?: string[] };

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
};

/**
 * Starts the provider; `redirectUris` may be given later through `allowRedirect` (the app's port is
 * known only once it listens).
 */
export async function startTestProvider(
  accounts: Record<string, TestAccount>,
): Promise<TestProvider & { allowRedirect(uri: string): void }> {
  // oidc-provider ships no types; it is used only here, in tests.
  const moduleName = "oidc-provider"; // untyped: imported by name so tsc does not look for its types
  const { default: Provider } = (await import(moduleName)) as {
    default: new (
      issuer: string,
      config: Record<string, unknown>,
    ) => { callback(): (req: unknown, res: unknown) => void };
  };
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "minutebook-test";
  const clientSecret = "a-client-secret-for-loopback-tests-only";
  const redirectUris: string[] = [];
  let handler: ((req: unknown, res: unknown) => void) | null = null;

  const build = () => {
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: redirectUris.length ? [...redirectUris] : ["http://127.0.0.1/unused"],
          grant_types: ["authorization_code"],
          response_types: ["code"],
          token_endpoint_auth_method: "client_secret_basic",
        },
      ],
      claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "roles"] },
      conformIdTokenClaims: false,
      pkce: { required: () => true },
      cookies: { keys: ["loopback-test-cookie-key"] },
      features: { devInteractions: { enabled: true } },
      findAccount: async (_ctx: unknown, id: string) => {
        const a = accounts[id];
        if (!a) return undefined;
        return {
          accountId: id,
          claims: async () => ({ sub: id, name: a.name, email: a.email, email_verified: true, roles: a.roles ?? [] }),
        };
      },
    });
    handler = provider.callback();
  };
  build();
  server.on("request", (req, res) => handler?.(req, res));

  return {
    issuer,
    clientId,
    clientSecret,
    allowRedirect(uri: string) {
      redirectUris.push(uri);
      build();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
