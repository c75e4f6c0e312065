-- AlterTable
ALTER TABLE "StageTransition" ADD COLUMN     "occurredAtPrecision" "DatePrecision";
