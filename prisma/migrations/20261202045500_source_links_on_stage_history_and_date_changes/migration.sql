-- AlterTable
ALTER TABLE "MilestoneDateChange" ADD COLUMN     "sourceUrl" TEXT;

-- AlterTable
ALTER TABLE "StageTransition" ADD COLUMN     "sourceUrl" TEXT;

