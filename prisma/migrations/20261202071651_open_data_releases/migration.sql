-- CreateTable
CREATE TABLE "OpenDataRelease" (
    "id" TEXT NOT NULL,
    "generatedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "durationMs" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "files" JSONB NOT NULL,

    CONSTRAINT "OpenDataRelease_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OpenDataRelease_completedAt_idx" ON "OpenDataRelease"("completedAt");

