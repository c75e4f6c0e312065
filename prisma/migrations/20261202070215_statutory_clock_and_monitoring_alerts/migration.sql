-- CreateEnum
CREATE TYPE "StatutoryRole" AS ENUM ('NOTICE_OF_INTENT', 'DETERMINATION', 'APPLICATION_COMPLETE', 'DECISION');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationType" ADD VALUE 'MILESTONE_OVERDUE';
ALTER TYPE "NotificationType" ADD VALUE 'STATUTORY_DEADLINE';

-- AlterTable
ALTER TABLE "Milestone" ADD COLUMN     "statutoryRole" "StatutoryRole";

-- CreateTable
CREATE TABLE "StatutoryExtension" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "newDeadline" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "recordedById" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatutoryExtension_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StatutoryExtension_projectId_recordedAt_idx" ON "StatutoryExtension"("projectId", "recordedAt");

-- CreateIndex
CREATE INDEX "Milestone_statutoryRole_idx" ON "Milestone"("statutoryRole");

-- AddForeignKey
ALTER TABLE "StatutoryExtension" ADD CONSTRAINT "StatutoryExtension_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatutoryExtension" ADD CONSTRAINT "StatutoryExtension_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- The demo projects' statutory events, for databases seeded before this migration (a fresh seed
-- writes them itself, from prisma/seed/data.ts). Scoped to the demo slugs and keys, so other data
-- is untouched, and harmless where they are absent.
UPDATE "Milestone" m SET "statutoryRole" = v.role::"StatutoryRole"
FROM (VALUES
  ('thacker-pass', 'noi', 'NOTICE_OF_INTENT'), ('thacker-pass', 'rod', 'DECISION'),
  ('stibnite-gold', 'noi', 'NOTICE_OF_INTENT'), ('stibnite-gold', 'rod', 'DECISION'),
  ('resolution-copper', 'noi', 'NOTICE_OF_INTENT'),
  ('rhyolite-ridge', 'noi', 'NOTICE_OF_INTENT'), ('rhyolite-ridge', 'rod', 'DECISION'),
  ('hermosa', 'noi', 'NOTICE_OF_INTENT'), ('hermosa', 'fast41_decision', 'DECISION'),
  ('mcdermitt-exploration', 'decision', 'DECISION'),
  ('silver-peak-lithium-amendment', 'noi', 'NOTICE_OF_INTENT'),
  ('juniper-flat-training', 'noi', 'NOTICE_OF_INTENT'), ('juniper-flat-training', 'rod', 'DECISION')
) AS v(slug, key, role), "Project" p
WHERE p.id = m."projectId" AND p.slug = v.slug AND m.key = v.key AND m."statutoryRole" IS NULL;
