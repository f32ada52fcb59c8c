/** `minutebook serve [--db FILE] [--port N] [--host H]`: the public portal and open-data API over the store. */

import { DEFAULT_RATE_LIMITS } from "../../serve/app";
import { startServer } from "../../serve/server";
import { openRepository } from "../../store/open";
import { storeLocation } from "../../store/repository";
import { parseOptions, UsageError } from "../args";
import type { Command } from "../main";

const usage = "minutebook serve [--db FILE] [--port N] [--host H] [--base-url URL] [--trust-proxy] [--govuk-fonts]";

export const command: Command = {
  summary:
    "Serve the public portal (HTML, GOV.UK Frontend) and the open-data API (JSON, CSV, iCalendar, Atom) from the store. The store is --db FILE (SQLite, default data/minutebook.db) or DATABASE_URL (PostgreSQL).",
  usage,
  async run(argv) {
    const { values, positionals } = parseOptions(
      argv,
      {
        db: { type: "string" },
        port: { type: "string" },
        host: { type: "string" },
        "base-url": { type: "string" },
        "trust-proxy": { type: "boolean" },
        "govuk-fonts": { type: "boolean" },
      },
      usage,
    );
    if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}\nusage: ${usage}`);
    const portText = values.port ?? process.env.PORT ?? "3000";
    if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535)
      throw new UsageError(`--port must be a number from 0 to 65535\nusage: ${usage}`);
    const host = values.host ?? "127.0.0.1";
    // Feeds carry absolute links; behind a proxy, name the public address rather than trust the Host header.
    const baseUrl = values["base-url"] ?? process.env.MINUTEBOOK_BASE_URL;
    if (baseUrl !== undefined && !/^https?:\/\/[^/\s]+$/.test(baseUrl))
      throw new UsageError(`--base-url must be an origin such as https://records.example.gov.uk\nusage: ${usage}`);
    const repo = await openRepository(storeLocation(values.db), { mustExist: true });
    let server: Awaited<ReturnType<typeof startServer>>;
    try {
      server = await startServer(repo, {
        port: Number(portText),
        host,
        ...(baseUrl ? { baseUrl } : {}),
        // Behind a reverse proxy: its X-Forwarded-For names the client (rate limits), its
        // X-Forwarded-Proto says HTTPS (HSTS).
        trustProxy: values["trust-proxy"] === true || process.env.MINUTEBOOK_TRUST_PROXY === "1",
        rateLimits: DEFAULT_RATE_LIMITS,
        requestDeadlineMs: 30_000,
        // GDS Transport is licensed for gov.uk only; serve it only when the deployment says it is on gov.uk.
        govukFonts: values["govuk-fonts"] === true,
        auth: {
          // Cookies over HTTPS only, except on this machine's own loopback address over plain HTTP.
          secureCookies: baseUrl ? baseUrl.startsWith("https:") : !/^(127\.|localhost$|::1$)/.test(host),
          requireSecondFactor: process.env.MINUTEBOOK_LOCAL_2FA !== "optional",
        },
      });
    } catch (e) {
      await repo.close();
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE")
        throw new UsageError(`port ${portText} on ${host} is already in use; choose another with --port`);
      if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") throw new UsageError(`cannot listen on host ${host}`);
      throw e;
    }
    console.log(`Minutebook portal on ${server.url}/ (API: ${server.url}/api/openapi.json). Ctrl-C stops it.`);
    if (!baseUrl)
      console.error(
        `minutebook serve: warning: no --base-url (or MINUTEBOOK_BASE_URL) is set, so links in feeds and calendars name ${server.url}; set it to the public address people use, e.g. --base-url https://records.example.gov.uk`,
      );
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    await server.close();
    await repo.close();
    return 0;
  },
};
