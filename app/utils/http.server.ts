import type { AppLoadContext } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import type { AuditContext } from "~/services/audit.server";
import { setFlash, type Flash } from "~/services/flash.server";

/** A 400 that re-renders the form with its errors and the submitted values. */
export function invalid(errors: Record<string, string>, values: Record<string, string> = {}, status = 400) {
  return data({ ok: false as const, errors, values }, { status });
}

export async function redirectWithFlash(request: Request, to: string, flash: Flash, cookies: (string | null)[] = []) {
  const headers = new Headers();
  for (const cookie of cookies) if (cookie) headers.append("Set-Cookie", cookie);
  headers.append("Set-Cookie", await setFlash(request, flash));
  return redirect(to, { headers });
}

export function auditContext(context: AppLoadContext, actorId: string | null): AuditContext {
  return { actorId, requestId: context.requestId ?? null };
}

export function notFound(message = "There is nothing at this address.") {
  return new Response(message, { status: 404, statusText: "Not Found" });
}
