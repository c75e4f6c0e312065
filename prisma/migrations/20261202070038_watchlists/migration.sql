-- AlterEnum
ALTER TYPE "NotificationType" ADD VALUE 'SAVED_SEARCH_MATCH';

-- CreateTable
CREATE TABLE "Watchlist" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ownerUserId" TEXT,
    "organizationId" TEXT,
    "shareToken" TEXT,
    "sharedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Watchlist_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WatchlistProject" (
    "watchlistId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WatchlistProject_pkey" PRIMARY KEY ("watchlistId","projectId")
);

-- CreateTable
CREATE TABLE "SavedSearch" (
    "id" TEXT NOT NULL,
    "watchlistId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedSearch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedSearchMatch" (
    "savedSearchId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "atSave" BOOLEAN NOT NULL DEFAULT false,
    "matchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedSearchMatch_pkey" PRIMARY KEY ("savedSearchId","projectId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Watchlist_shareToken_key" ON "Watchlist"("shareToken");

-- CreateIndex
CREATE INDEX "Watchlist_ownerUserId_idx" ON "Watchlist"("ownerUserId");

-- CreateIndex
CREATE INDEX "Watchlist_organizationId_idx" ON "Watchlist"("organizationId");

-- CreateIndex
CREATE INDEX "WatchlistProject_projectId_idx" ON "WatchlistProject"("projectId");

-- CreateIndex
CREATE INDEX "SavedSearch_watchlistId_idx" ON "SavedSearch"("watchlistId");

-- CreateIndex
CREATE INDEX "SavedSearchMatch_projectId_idx" ON "SavedSearchMatch"("projectId");

-- AddForeignKey
ALTER TABLE "Watchlist" ADD CONSTRAINT "Watchlist_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Watchlist" ADD CONSTRAINT "Watchlist_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Watchlist" ADD CONSTRAINT "Watchlist_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WatchlistProject" ADD CONSTRAINT "WatchlistProject_watchlistId_fkey" FOREIGN KEY ("watchlistId") REFERENCES "Watchlist"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WatchlistProject" ADD CONSTRAINT "WatchlistProject_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearch" ADD CONSTRAINT "SavedSearch_watchlistId_fkey" FOREIGN KEY ("watchlistId") REFERENCES "Watchlist"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearchMatch" ADD CONSTRAINT "SavedSearchMatch_savedSearchId_fkey" FOREIGN KEY ("savedSearchId") REFERENCES "SavedSearch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearchMatch" ADD CONSTRAINT "SavedSearchMatch_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A watchlist belongs to exactly one owner: a person or an organization.
ALTER TABLE "Watchlist" ADD CONSTRAINT "Watchlist_one_owner" CHECK (("ownerUserId" IS NULL) <> ("organizationId" IS NULL));
