// What the Express server hands every loader and action (scripts/server.ts), and the
// Single Fetch type flag so loaders returning data() infer their types.
import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    requestId: string;
    clientIp: string;
    /** This response's Content-Security-Policy nonce (scripts/security-headers.ts). */
    cspNonce: string;
  }
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
