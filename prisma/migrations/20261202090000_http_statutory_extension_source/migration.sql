-- The source link of a statutory deadline extension holds an http(s) address only, like every other
-- stored web address (see 20261202055900_http_urls_only).
UPDATE "StatutoryExtension" SET "sourceUrl" = NULL
  WHERE "sourceUrl" IS NOT NULL AND "sourceUrl" !~* '^https?://[^/?#[:space:]]+';

ALTER TABLE "StatutoryExtension" ADD CONSTRAINT "StatutoryExtension_sourceUrl_http"
  CHECK ("sourceUrl" IS NULL OR "sourceUrl" ~* '^https?://[^/?#[:space:]]+');
