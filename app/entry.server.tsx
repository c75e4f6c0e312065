import { Writable } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { env } from "./env.server";
import { NonceContext } from "./utils/nonce";

// Validate the environment when the server module loads, not on the first request.
env();

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The server's Content-Security-Policy allows inline scripts carrying this response's nonce only.
  const nonce = loadContext.cspNonce;
  // The whole document is rendered before the first byte goes out, and goes out in one write. No
  // page defers data (no <Await>), so streaming the shell first would send nothing sooner; React
  // writes a document in 2 KB pieces, and each piece going through the web stream, Express and the
  // socket on its own was a tenth of the server's busy time (bench/README.md, issue 15 goal 2).
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          const chunks: Buffer[] = [];
          const document = new Writable({
            write(chunk: Buffer, _encoding, done) {
              chunks.push(chunk);
              done();
            },
            final(done) {
              const body = Buffer.concat(chunks);
              responseHeaders.set("Content-Type", "text/html; charset=utf-8");
              // Pages are in the language negotiated from these (app/i18n/negotiate.ts).
              responseHeaders.append("Vary", "Accept-Language, Cookie");
              responseHeaders.set("Content-Length", String(body.length));
              resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
              done();
            },
          });
          pipe(document);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Before the shell, the error reaches Remix (onShellError) and handleError logs it.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

// Unexpected errors are logged with the request id the 500 page shows.
export function handleError(error: unknown, { request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  if (error instanceof Response) return;
  console.error(
    `[error] request ${context?.requestId ?? "?"} ${request.method} ${new URL(request.url).pathname}`,
    error,
  );
}
