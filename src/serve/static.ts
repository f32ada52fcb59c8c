/**
 * Static assets: GOV.UK Frontend's compiled CSS, JS, fonts and images straight from
 * node_modules/govuk-frontend/dist, plus the portal's own two files; read once, served with ETags.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

export type Asset = { body: Uint8Array; type: string; etag: string };

const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
};

function asset(file: string): Asset {
  const body = readFileSync(file);
  return {
    body,
    type: TYPES[extname(file)] ?? "application/octet-stream",
    etag: `"${createHash("sha1").update(body).digest("base64url").slice(0, 16)}"`,
  };
}

function bytes(body: Uint8Array, type: string): Asset {
  return { body, type, etag: `"${createHash("sha1").update(body).digest("base64url").slice(0, 16)}"` };
}

/**
 * Builds the table of assets by URL path under /assets/.
 *
 * The GDS Transport font in GOV.UK Frontend is licensed for exclusive use on gov.uk (its notice is in
 * the stylesheet), and council sites are not gov.uk. So by default its @font-face rules are taken out of
 * the stylesheet and the font files are not served: text falls back to the stack's Arial. A deployment
 * on a gov.uk domain may turn them on with `govukFonts`.
 */
export function loadAssets(opts: { govukFonts?: boolean } = {}): Map<string, Asset> {
  const req = createRequire(import.meta.url);
  const govuk = join(dirname(req.resolve("govuk-frontend/package.json")), "dist", "govuk");
  const own = join(dirname(fileURLToPath(import.meta.url)), "assets");
  const map = new Map<string, Asset>();
  const css = asset(join(govuk, "govuk-frontend.min.css"));
  map.set(
    "/assets/govuk-frontend.min.css",
    opts.govukFonts
      ? css
      : bytes(
          new TextEncoder().encode(
            new TextDecoder().decode(css.body).replace(/@font-face\{[^{}]*GDS Transport[^{}]*\}/g, ""),
          ),
          css.type,
        ),
  );
  map.set("/assets/govuk-frontend.min.js", asset(join(govuk, "govuk-frontend.min.js")));
  for (const sub of opts.govukFonts ? ["fonts", "images"] : ["images"]) {
    for (const f of readdirSync(join(govuk, "assets", sub)))
      map.set(`/assets/${sub}/${f}`, asset(join(govuk, "assets", sub, f)));
  }
  for (const f of readdirSync(own)) map.set(`/assets/${f}`, asset(join(own, f)));
  return map;
}
