-- AlterTable
ALTER TABLE "User" ADD COLUMN     "locale" TEXT;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "language" TEXT;

-- AlterTable
ALTER TABLE "EmailSubscription" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en';

