-- CreateEnum
CREATE TYPE "ConcernStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateTable
CREATE TABLE "CodingTopic" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "keywords" TEXT[],
    "resourceArea" "ResourceArea",
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CodingTopic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcernPassage" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "campaignId" TEXT,
    "topicId" TEXT NOT NULL,
    "concernId" TEXT,
    "startIndex" INTEGER NOT NULL,
    "endIndex" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "codedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConcernPassage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcernStatement" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "answer" TEXT NOT NULL DEFAULT '',
    "status" "ConcernStatus" NOT NULL DEFAULT 'DRAFT',
    "responseId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "lockVersion" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ConcernStatement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CodingTopic_periodId_position_idx" ON "CodingTopic"("periodId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "CodingTopic_periodId_name_key" ON "CodingTopic"("periodId", "name");

-- CreateIndex
CREATE INDEX "ConcernPassage_periodId_topicId_idx" ON "ConcernPassage"("periodId", "topicId");

-- CreateIndex
CREATE INDEX "ConcernPassage_campaignId_idx" ON "ConcernPassage"("campaignId");

-- CreateIndex
CREATE INDEX "ConcernPassage_concernId_idx" ON "ConcernPassage"("concernId");

-- CreateIndex
CREATE UNIQUE INDEX "ConcernPassage_commentId_startIndex_endIndex_topicId_key" ON "ConcernPassage"("commentId", "startIndex", "endIndex", "topicId");

-- CreateIndex
CREATE UNIQUE INDEX "ConcernStatement_responseId_key" ON "ConcernStatement"("responseId");

-- CreateIndex
CREATE INDEX "ConcernStatement_periodId_status_idx" ON "ConcernStatement"("periodId", "status");

-- AddForeignKey
ALTER TABLE "CodingTopic" ADD CONSTRAINT "CodingTopic_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "CommentPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernPassage" ADD CONSTRAINT "ConcernPassage_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "CommentPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernPassage" ADD CONSTRAINT "ConcernPassage_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernPassage" ADD CONSTRAINT "ConcernPassage_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernPassage" ADD CONSTRAINT "ConcernPassage_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "CodingTopic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernPassage" ADD CONSTRAINT "ConcernPassage_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "ConcernStatement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernPassage" ADD CONSTRAINT "ConcernPassage_codedById_fkey" FOREIGN KEY ("codedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernStatement" ADD CONSTRAINT "ConcernStatement_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "CommentPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernStatement" ADD CONSTRAINT "ConcernStatement_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "CodingTopic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernStatement" ADD CONSTRAINT "ConcernStatement_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "OfficialResponse"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernStatement" ADD CONSTRAINT "ConcernStatement_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The response cache (decision 0026): coding rows show on the period's public pages (topic names,
-- passages under published concern statements), so every write announces its comment period.
CREATE TRIGGER "CodingTopic_cache" AFTER INSERT OR UPDATE OR DELETE ON "CodingTopic"
  FOR EACH ROW EXECUTE FUNCTION lodestone_cache_row('period');
CREATE TRIGGER "ConcernPassage_cache" AFTER INSERT OR UPDATE OR DELETE ON "ConcernPassage"
  FOR EACH ROW EXECUTE FUNCTION lodestone_cache_row('period');
CREATE TRIGGER "ConcernStatement_cache" AFTER INSERT OR UPDATE OR DELETE ON "ConcernStatement"
  FOR EACH ROW EXECUTE FUNCTION lodestone_cache_row('period');
