-- The source links of stage changes and schedule changes hold http(s) addresses only, like every
-- other stored web address (see 20261202055900_http_urls_only).
UPDATE "StageTransition" SET "sourceUrl" = NULL
  WHERE "sourceUrl" IS NOT NULL AND "sourceUrl" !~* '^https?://[^/?#[:space:]]+';
UPDATE "MilestoneDateChange" SET "sourceUrl" = NULL
  WHERE "sourceUrl" IS NOT NULL AND "sourceUrl" !~* '^https?://[^/?#[:space:]]+';

ALTER TABLE "StageTransition" ADD CONSTRAINT "StageTransition_sourceUrl_http"
  CHECK ("sourceUrl" IS NULL OR "sourceUrl" ~* '^https?://[^/?#[:space:]]+');
ALTER TABLE "MilestoneDateChange" ADD CONSTRAINT "MilestoneDateChange_sourceUrl_http"
  CHECK ("sourceUrl" IS NULL OR "sourceUrl" ~* '^https?://[^/?#[:space:]]+');
