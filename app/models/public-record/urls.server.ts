// Absolute addresses in the public record's documents, on the deployment's public origin (APP_URL),
// so a link read from a saved file still works.
import { env } from "~/env.server";

export function publicUrl(path: string): string {
  return `${env().APP_URL.replace(/\/$/, "")}${path}`;
}

export const apiPath = (path: string) => `/api/v1${path}`;
