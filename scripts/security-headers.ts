// The security headers of every response, set with helmet, and the rule that keeps signed-in
// pages and Single Fetch data out of every cache. The policy allows no inline script but those
// carrying this response's nonce (Remix's own, see app/entry.server.tsx) and no inline style at all
// (components style themselves with classes from app.css).
import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { RequestHandler, Response } from "express";
import helmet from "helmet";
import onHeaders from "on-headers";
import { hasSessionCookie } from "../app/utils/session-cookie";

/** Powerful features the app never uses, refused to it and to anything it might embed. */
export const PERMISSIONS_POLICY = [
  "accelerometer",
  "autoplay",
  "camera",
  "display-capture",
  "encrypted-media",
  "fullscreen",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

export const PRIVATE_CACHE_CONTROL = "private, no-store";

const nonceOf = (res: ServerResponse) => (res as Response).locals.cspNonce as string;

/** A fresh nonce per response, for the CSP header and the document's inline scripts. */
export const cspNonce: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
};

export function securityHeaders(options: { https: boolean }): RequestHandler[] {
  return [
    cspNonce,
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${nonceOf(res)}'`],
          "script-src-attr": ["'none'"],
          "style-src": ["'self'"],
          "img-src": ["'self'", "data:"],
          "font-src": ["'self'"],
          "connect-src": ["'self'"],
          "object-src": ["'none'"],
          "base-uri": ["'self'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
          // Over plain http (local use) an upgrade would point every asset at a port with no TLS.
          "upgrade-insecure-requests": options.https ? [] : null,
        },
      },
      crossOriginOpenerPolicy: { policy: "same-origin" },
      crossOriginResourcePolicy: { policy: "same-origin" },
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
      xFrameOptions: { action: "deny" },
      // Browsers remember it for a year; only an https deployment may ask for that.
      strictTransportSecurity: options.https ? { maxAge: 365 * 86_400, includeSubDomains: true } : false,
    }),
    (_req, res, next) => {
      res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
      next();
    },
  ];
}

/**
 * `Cache-Control: private, no-store` on every response to a request carrying the session cookie,
 * on every Single Fetch `.data` response, and on any response that sets a cookie, whatever the
 * route said: no browser history or shared cache keeps a signed-in page. Mounted after the static
 * files, so assets stay cacheable.
 */
export const privateResponses: RequestHandler = (req, res, next) => {
  const isPrivate = hasSessionCookie(req.get("cookie")) || req.path.endsWith(".data");
  onHeaders(res, () => {
    if (isPrivate || res.hasHeader("set-cookie")) {
      res.setHeader("Cache-Control", PRIVATE_CACHE_CONTROL);
      res.removeHeader("Expires");
    }
  });
  next();
};
