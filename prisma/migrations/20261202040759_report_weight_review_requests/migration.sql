-- AlterEnum
ALTER TYPE "NotificationType" ADD VALUE 'COMMENT_AUTO_HIDDEN';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "signupNetwork" TEXT;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "hidingReportCount" INTEGER NOT NULL DEFAULT 0;

-- Reports made before this migration counted toward hiding and keep counting.
UPDATE "Comment" SET "hidingReportCount" = "reportCount" WHERE "reportCount" > 0;

-- AlterTable
ALTER TABLE "CommentReport" ADD COLUMN     "countsTowardHide" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "CommentReviewRequest" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "requesterId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommentReviewRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CommentReviewRequest_commentId_createdAt_idx" ON "CommentReviewRequest"("commentId", "createdAt");

-- CreateIndex
CREATE INDEX "User_signupNetwork_createdAt_idx" ON "User"("signupNetwork", "createdAt");

-- AddForeignKey
ALTER TABLE "CommentReviewRequest" ADD CONSTRAINT "CommentReviewRequest_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentReviewRequest" ADD CONSTRAINT "CommentReviewRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

