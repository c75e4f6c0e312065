-- Only http(s) addresses may be stored where people type a web address: `javascript:`, `data:` and
-- `vbscript:` links ran script as whoever clicked them (issue 10). Stored addresses of any other
-- kind are dropped (they were never a usable link), and the database refuses new ones even from a
-- path that skips the form schemas (app/schemas/fields.ts `httpUrl`). The page also renders any
-- address that is not http(s) as plain text (app/utils/urls.ts `safeHref`).
UPDATE "Organization" SET "website" = NULL
  WHERE "website" IS NOT NULL AND "website" !~* '^https?://[^/?#[:space:]]+';
UPDATE "Project" SET "website" = NULL
  WHERE "website" IS NOT NULL AND "website" !~* '^https?://[^/?#[:space:]]+';
UPDATE "Milestone" SET "sourceUrl" = NULL
  WHERE "sourceUrl" IS NOT NULL AND "sourceUrl" !~* '^https?://[^/?#[:space:]]+';

ALTER TABLE "Organization" ADD CONSTRAINT "Organization_website_http"
  CHECK ("website" IS NULL OR "website" ~* '^https?://[^/?#[:space:]]+');
ALTER TABLE "Project" ADD CONSTRAINT "Project_website_http"
  CHECK ("website" IS NULL OR "website" ~* '^https?://[^/?#[:space:]]+');
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_sourceUrl_http"
  CHECK ("sourceUrl" IS NULL OR "sourceUrl" ~* '^https?://[^/?#[:space:]]+');
