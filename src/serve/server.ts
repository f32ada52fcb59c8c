/** Runs the portal app on Node's HTTP server (@hono/node-server); used by `minutebook serve`, the browser tests and the benchmark. */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Repository } from "../store/repository";
import { type AppOptions, createApp } from "./app";

export type RunningServer = { url: string; port: number; close(): Promise<void> };

/** Starts listening; port 0 picks a free port. Resolves once the socket is bound. */
export function startServer(
  repo: Repository,
  opts: { port: number; host: string } & AppOptions,
): Promise<RunningServer> {
  const app = createApp(repo, opts);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info: AddressInfo) => {
      const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive sockets would hold close() open.
            if ("closeAllConnections" in server) (server as { closeAllConnections(): void }).closeAllConnections();
          }),
      });
    });
    server.once("error", reject);
  });
}
