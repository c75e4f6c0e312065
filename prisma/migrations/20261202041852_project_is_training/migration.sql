-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "isTraining" BOOLEAN NOT NULL DEFAULT false;

