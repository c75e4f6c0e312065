// A local stand-in for Resend's HTTP API that records what it receives, so tests run the real
// `resend` SDK over real HTTP. It can be told to fail the next requests.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedEmail = {
  from: string;
  to: string | string[];
  subject: string;
  html: string;
  text: string;
  tags?: { name: string; value: string }[];
  idempotencyKey: string | null;
  authorization: string | null;
  receivedAt: string;
};

export type MailRecorder = {
  url: string;
  emails(): RecordedEmail[];
  emailsTo(address: string): RecordedEmail[];
  clear(): void;
  failNext(count: number, status: number): void;
  close(): Promise<void>;
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => resolve(body));
    request.on("error", reject);
  });
}

export async function startMailRecorder(port = 0): Promise<MailRecorder> {
  const received: RecordedEmail[] = [];
  let failures: { remaining: number; status: number } = { remaining: 0, status: 500 };
  let sequence = 0;

  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(value));
    };
    // Inspection endpoints for end-to-end tests running in another process.
    if (request.method === "GET" && request.url?.startsWith("/__emails")) return json(200, received);
    if (request.method === "DELETE" && request.url === "/__emails") {
      received.length = 0;
      return json(200, {});
    }
    if (request.method === "POST" && request.url === "/emails") {
      if (failures.remaining > 0) {
        failures.remaining -= 1;
        return json(failures.status, {
          name: "application_error",
          message: "Injected failure",
          statusCode: failures.status,
        });
      }
      const payload = JSON.parse(body) as Omit<RecordedEmail, "idempotencyKey" | "authorization" | "receivedAt">;
      received.push({
        ...payload,
        idempotencyKey: (request.headers["idempotency-key"] as string | undefined) ?? null,
        authorization: request.headers.authorization ?? null,
        receivedAt: new Date().toISOString(),
      });
      sequence += 1;
      return json(200, { id: `recorded-${sequence}` });
    }
    json(404, { name: "not_found", message: `No route ${request.method} ${request.url}`, statusCode: 404 });
  });

  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  const toList = (to: string | string[]) => (Array.isArray(to) ? to : [to]);
  return {
    url: `http://127.0.0.1:${address.port}`,
    emails: () => [...received],
    emailsTo: (addr) => received.filter((email) => toList(email.to).includes(addr)),
    clear: () => {
      received.length = 0;
    },
    failNext: (count, status) => {
      failures = { remaining: count, status };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
