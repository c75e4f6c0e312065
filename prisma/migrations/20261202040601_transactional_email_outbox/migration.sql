-- AlterTable
ALTER TABLE "EmailDelivery" ADD COLUMN     "props" JSONB,
ALTER COLUMN "batchKey" DROP NOT NULL;


-- Transactional emails (comment receipts, account and invitation emails) are written here in the
-- transaction of what they report, with no batch yet, and the "send-transactional-emails" job gathers
-- them into batches of 100 in arrival order. This index finds them without scanning sent rows.
CREATE INDEX "EmailDelivery_unbatched_idx" ON "EmailDelivery" ("createdAt", "id") WHERE "batchKey" IS NULL AND "status" = 'PENDING';
