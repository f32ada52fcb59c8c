/**
 * Runs the portal app on Node's HTTP server (@hono/node-server); used by `minutebook serve`, the
 * browser tests and the benchmark. The socket has limits of its own: headers must arrive within
 * 10 s and a whole request within 30 s (slow-loris clients are cut off), headers may not pass 16 KB,
 * and an idle keep-alive connection is closed after 5 s.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Repository } from "../store/repository";
import { type AppOptions, closeApp, createApp } from "./app";

export type RunningServer = { url: string; port: number; close(): Promise<void> };

export const SOCKET_LIMITS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxHeaderBytes: 16 * 1024,
};

/**
 * Starts listening; port 0 picks a free port. Resolves once the socket is bound. Without a baseUrl,
 * links in feeds name the address the server listens on (never the request's Host header).
 */
export function startServer(
  repo: Repository,
  opts: { port: number; host: string } & AppOptions,
): Promise<RunningServer> {
  let app: ReturnType<typeof createApp> | null = opts.baseUrl ? createApp(repo, opts) : null;
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: (req, env) => app!.fetch(req, env),
        port: opts.port,
        hostname: opts.host,
        serverOptions: { maxHeaderSize: SOCKET_LIMITS.maxHeaderBytes },
      },
      (info: AddressInfo) => {
        const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
        const url = `http://${host}:${info.port}`;
        app ??= createApp(repo, { ...opts, baseUrl: url });
        resolve({
          url,
          port: info.port,
          // The app's background work stops too (the link keeper's timer), so the caller may close the store.
          close: async () => {
            await new Promise<void>((done) => {
              server.close(() => done());
              // Keep-alive sockets would hold close() open.
              if ("closeAllConnections" in server) (server as { closeAllConnections(): void }).closeAllConnections();
            });
            if (app) await closeApp(app);
          },
        });
      },
    ) as Server;
    server.headersTimeout = SOCKET_LIMITS.headersTimeoutMs;
    server.requestTimeout = SOCKET_LIMITS.requestTimeoutMs;
    server.keepAliveTimeout = SOCKET_LIMITS.keepAliveTimeoutMs;
    server.once("error", reject);
  });
}
