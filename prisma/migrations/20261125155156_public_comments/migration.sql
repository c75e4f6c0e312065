-- CreateEnum
CREATE TYPE "PeriodChangeKind" AS ENUM ('EXTEND', 'REOPEN');

-- CreateEnum
CREATE TYPE "SubmitterType" AS ENUM ('INDIVIDUAL', 'ORGANIZATION', 'ANONYMOUS');

-- CreateEnum
CREATE TYPE "CommentStatus" AS ENUM ('PUBLISHED', 'HIDDEN', 'PENDING_REVIEW');

-- CreateEnum
CREATE TYPE "ReportReason" AS ENUM ('SPAM', 'ABUSIVE', 'PERSONAL_INFORMATION', 'NOT_MINE');

-- CreateEnum
CREATE TYPE "ModerationKind" AS ENUM ('PUBLISH', 'HIDE', 'RESTORE', 'AUTO_HIDE');

-- CreateTable
CREATE TABLE "CommentPeriod" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "allowAnonymous" BOOLEAN NOT NULL DEFAULT false,
    "openedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockVersion" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CommentPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommentPeriodDocument" (
    "periodId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,

    CONSTRAINT "CommentPeriodDocument_pkey" PRIMARY KEY ("periodId","documentId")
);

-- CreateTable
CREATE TABLE "CommentPeriodChange" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "kind" "PeriodChangeKind" NOT NULL,
    "previousClosesAt" TIMESTAMP(3) NOT NULL,
    "newClosesAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "changedById" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommentPeriodChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "receiptNumber" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "submitterType" "SubmitterType" NOT NULL,
    "userId" TEXT,
    "organizationId" TEXT,
    "displayName" TEXT NOT NULL,
    "email" TEXT,
    "text" TEXT NOT NULL,
    "exactKey" CHAR(64) NOT NULL,
    "campaignId" TEXT,
    "addedText" TEXT,
    "similarity" DOUBLE PRECISION,
    "status" "CommentStatus" NOT NULL DEFAULT 'PUBLISHED',
    "reportCount" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommentAttachment" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,

    CONSTRAINT "CommentAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "representativeId" TEXT NOT NULL,
    "signature" INTEGER[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignBand" (
    "campaignId" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "bandKey" TEXT NOT NULL,

    CONSTRAINT "CampaignBand_pkey" PRIMARY KEY ("campaignId","bandKey")
);

-- CreateTable
CREATE TABLE "CommentReport" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reason" "ReportReason" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommentReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModerationAction" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "kind" "ModerationKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModerationAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficialResponse" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "issue" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfficialResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficialResponseComment" (
    "responseId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,

    CONSTRAINT "OfficialResponseComment_pkey" PRIMARY KEY ("responseId","commentId")
);

-- CreateIndex
CREATE INDEX "CommentPeriod_projectId_opensAt_idx" ON "CommentPeriod"("projectId", "opensAt");

-- CreateIndex
CREATE INDEX "CommentPeriod_closesAt_idx" ON "CommentPeriod"("closesAt");

-- CreateIndex
CREATE INDEX "CommentPeriodChange_periodId_changedAt_idx" ON "CommentPeriodChange"("periodId", "changedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_receiptNumber_key" ON "Comment"("receiptNumber");

-- CreateIndex
CREATE INDEX "Comment_periodId_status_submittedAt_idx" ON "Comment"("periodId", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "Comment_periodId_exactKey_idx" ON "Comment"("periodId", "exactKey");

-- CreateIndex
CREATE INDEX "Comment_campaignId_idx" ON "Comment"("campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_periodId_idempotencyKey_key" ON "Comment"("periodId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "CommentAttachment_storageKey_key" ON "CommentAttachment"("storageKey");

-- CreateIndex
CREATE INDEX "CommentAttachment_commentId_idx" ON "CommentAttachment"("commentId");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_representativeId_key" ON "Campaign"("representativeId");

-- CreateIndex
CREATE INDEX "Campaign_periodId_idx" ON "Campaign"("periodId");

-- CreateIndex
CREATE INDEX "CampaignBand_periodId_bandKey_idx" ON "CampaignBand"("periodId", "bandKey");

-- CreateIndex
CREATE INDEX "CommentReport_reason_createdAt_idx" ON "CommentReport"("reason", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CommentReport_commentId_reporterId_key" ON "CommentReport"("commentId", "reporterId");

-- CreateIndex
CREATE INDEX "ModerationAction_periodId_createdAt_idx" ON "ModerationAction"("periodId", "createdAt");

-- CreateIndex
CREATE INDEX "OfficialResponse_periodId_createdAt_idx" ON "OfficialResponse"("periodId", "createdAt");

-- CreateIndex
CREATE INDEX "OfficialResponseComment_commentId_idx" ON "OfficialResponseComment"("commentId");

-- AddForeignKey
ALTER TABLE "CommentPeriod" ADD CONSTRAINT "CommentPeriod_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentPeriod" ADD CONSTRAINT "CommentPeriod_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentPeriodDocument" ADD CONSTRAINT "CommentPeriodDocument_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "CommentPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentPeriodDocument" ADD CONSTRAINT "CommentPeriodDocument_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentPeriodChange" ADD CONSTRAINT "CommentPeriodChange_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "CommentPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentPeriodChange" ADD CONSTRAINT "CommentPeriodChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "CommentPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentAttachment" ADD CONSTRAINT "CommentAttachment_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "CommentPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignBand" ADD CONSTRAINT "CampaignBand_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentReport" ADD CONSTRAINT "CommentReport_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentReport" ADD CONSTRAINT "CommentReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationAction" ADD CONSTRAINT "ModerationAction_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "CommentPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationAction" ADD CONSTRAINT "ModerationAction_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationAction" ADD CONSTRAINT "ModerationAction_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficialResponse" ADD CONSTRAINT "OfficialResponse_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "CommentPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficialResponse" ADD CONSTRAINT "OfficialResponse_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficialResponseComment" ADD CONSTRAINT "OfficialResponseComment_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "OfficialResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficialResponseComment" ADD CONSTRAINT "OfficialResponseComment_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Full-text search over published comments (English stemming), kept by PostgreSQL itself.
ALTER TABLE "Comment" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce("displayName", '') || ' ' || "text")) STORED;
CREATE INDEX "Comment_searchVector_idx" ON "Comment" USING GIN ("searchVector");
