-- CreateEnum
CREATE TYPE "FollowStatus" AS ENUM ('FOLLOWING', 'UNFOLLOWED');

-- CreateEnum
CREATE TYPE "NotificationType" AS ENUM ('STAGE_CHANGED', 'MILESTONE_DATE_CHANGED', 'COMMENT_PERIOD_OPENED', 'COMMENT_PERIOD_CLOSING_7D', 'COMMENT_PERIOD_CLOSING_24H', 'COMMENT_PERIOD_EXTENDED', 'COMMENT_PERIOD_CLOSED', 'COMMENT_RESPONSE', 'INFORMATION_REQUEST', 'REVIEW_ASSIGNED');

-- CreateEnum
CREATE TYPE "NotificationFrequency" AS ENUM ('IMMEDIATE', 'DAILY', 'WEEKLY', 'OFF');

-- CreateEnum
CREATE TYPE "DigestFrequency" AS ENUM ('DAILY', 'WEEKLY');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "DomainEvent" ADD COLUMN     "dedupeKey" TEXT;

-- CreateTable
CREATE TABLE "Follow" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "status" "FollowStatus" NOT NULL DEFAULT 'FOLLOWING',
    "emailMuted" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailSubscription" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "unsubscribedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "type" "NotificationType" NOT NULL,
    "frequency" "NotificationFrequency" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","type")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "userId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "type" "NotificationType" NOT NULL,
    "projectId" TEXT,
    "title" TEXT NOT NULL,
    "detail" TEXT,
    "url" TEXT NOT NULL,
    "frequency" "NotificationFrequency" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "digestId" TEXT,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Digest" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "frequency" "DigestFrequency" NOT NULL,
    "periodKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Digest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailDelivery" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "idempotencyKey" TEXT NOT NULL,
    "batchKey" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "toEmail" TEXT NOT NULL,
    "userId" TEXT,
    "subscriptionId" TEXT,
    "eventId" TEXT,
    "digestId" TEXT,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "providerMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),

    CONSTRAINT "EmailDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailThrottle" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "nextSlotAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailThrottle_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Follow_projectId_status_idx" ON "Follow"("projectId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_userId_projectId_key" ON "Follow"("userId", "projectId");

-- CreateIndex
CREATE UNIQUE INDEX "EmailSubscription_projectId_email_key" ON "EmailSubscription"("projectId", "email");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_eventId_key" ON "Notification"("userId", "eventId");

-- CreateIndex
CREATE UNIQUE INDEX "Digest_userId_frequency_periodKey_key" ON "Digest"("userId", "frequency", "periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "EmailDelivery_idempotencyKey_key" ON "EmailDelivery"("idempotencyKey");

-- CreateIndex
CREATE INDEX "EmailDelivery_batchKey_idx" ON "EmailDelivery"("batchKey");

-- CreateIndex
CREATE INDEX "EmailDelivery_status_createdAt_idx" ON "EmailDelivery"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DomainEvent_dedupeKey_key" ON "DomainEvent"("dedupeKey");

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailSubscription" ADD CONSTRAINT "EmailSubscription_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_digestId_fkey" FOREIGN KEY ("digestId") REFERENCES "Digest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Digest" ADD CONSTRAINT "Digest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailDelivery" ADD CONSTRAINT "EmailDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- CreateIndex
CREATE INDEX "EmailDelivery_eventId_idx" ON "EmailDelivery"("eventId");

-- The email provider's shared rate-limit slot (one row).
INSERT INTO "EmailThrottle" ("id", "nextSlotAt") VALUES (1, now());

-- Enqueue: every DomainEvent becomes a graphile-worker job in the same transaction as the change
-- that caused it, so an event can neither be announced without happening nor happen unannounced.
-- The graphile_worker schema is installed by app/services/migrate.server.ts before these migrations.
-- (The body is an E'' string with \073 for semicolons: the migration engine splits at every one.)
CREATE FUNCTION lodestone_enqueue_domain_event() RETURNS trigger LANGUAGE plpgsql AS E'
begin
  perform graphile_worker.add_job(''dispatch-event'', json_build_object(''eventId'', NEW.id), max_attempts => 25)\073
  return NEW\073
end
';

CREATE TRIGGER "DomainEvent_enqueue" AFTER INSERT ON "DomainEvent"
  FOR EACH ROW EXECUTE FUNCTION lodestone_enqueue_domain_event();

-- A person's unread notifications, for the count in the header.
CREATE INDEX "Notification_unread_idx" ON "Notification" ("userId") WHERE "readAt" IS NULL;
-- Notifications waiting for a digest.
CREATE INDEX "Notification_digest_pending_idx" ON "Notification" ("userId", "frequency") WHERE "digestId" IS NULL AND "frequency" IN ('DAILY', 'WEEKLY');
