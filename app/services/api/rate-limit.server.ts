// The per-client limit of the read API: a fixed window per client (an IPv4 address or an IPv6 /64,
// see clientKey), counted in PostgreSQL so every app process shares it, and advertised with the
// IETF draft's RateLimit-Policy and RateLimit fields (draft-ietf-httpapi-ratelimit-headers-08+).
import { env } from "~/env.server";
import { prisma } from "~/services/db.server";
import { hit } from "~/services/rate-limit.server";
import { clientKey } from "~/utils/network.server";

export type ApiRateLimit = {
  allowed: boolean;
  headers: Record<string, string>;
  /** Seconds until the window resets (Retry-After when refused). */
  resetSeconds: number;
};

const POLICY = "api";

export async function checkApiRateLimit(clientIp: string, now = new Date()): Promise<ApiRateLimit> {
  const { API_RATE_LIMIT: quota, API_RATE_LIMIT_WINDOW_SECONDS: window } = env();
  const state = await hit(prisma, `api:ip:${clientKey(clientIp)}`, window);
  const resetSeconds = Math.max(1, Math.ceil((state.resetAt.getTime() - now.getTime()) / 1000));
  const remaining = Math.max(0, quota - state.count);
  return {
    allowed: state.count <= quota,
    resetSeconds,
    headers: {
      "RateLimit-Policy": `"${POLICY}";q=${quota};w=${window}`,
      RateLimit: `"${POLICY}";r=${remaining};t=${resetSeconds}`,
    },
  };
}
