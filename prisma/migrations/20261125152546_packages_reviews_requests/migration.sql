-- CreateEnum
CREATE TYPE "PackageKind" AS ENUM ('PLAN_OF_OPERATIONS', 'BASELINE_STUDIES', 'PERMIT_APPLICATION', 'OTHER');

-- CreateEnum
CREATE TYPE "PackageStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'COMPLETE', 'DEFICIENT');

-- CreateEnum
CREATE TYPE "DocumentVisibility" AS ENUM ('PUBLIC', 'CONFIDENTIAL');

-- CreateEnum
CREATE TYPE "CompletenessDetermination" AS ENUM ('COMPLETE', 'DEFICIENT');

-- CreateEnum
CREATE TYPE "ResourceArea" AS ENUM ('WATER', 'AIR', 'WILDLIFE_ESA', 'CULTURAL_NHPA', 'TRIBAL_CONSULTATION', 'SOCIOECONOMICS', 'RECLAMATION_BONDING', 'OTHER');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'INFORMATION_REQUESTED', 'COMPLETE');

-- CreateEnum
CREATE TYPE "ConditionSeverity" AS ENUM ('NOTICE', 'HOLD', 'REQUIRED_BEFORE_PERMIT');

-- CreateEnum
CREATE TYPE "ConditionStatus" AS ENUM ('PENDING', 'MET', 'WAIVED');

-- CreateEnum
CREATE TYPE "InformationRequestStatus" AS ENUM ('OPEN', 'ANSWERED', 'ACCEPTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ResponseDecision" AS ENUM ('ACCEPTED', 'RETURNED');

-- CreateTable
CREATE TABLE "PermitPackage" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "kind" "PackageKind" NOT NULL,
    "title" TEXT NOT NULL,
    "permitName" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "PackageStatus" NOT NULL DEFAULT 'DRAFT',
    "versionCount" INTEGER NOT NULL DEFAULT 0,
    "lockVersion" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PermitPackage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "packageId" TEXT,
    "storageKey" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "visibility" "DocumentVisibility" NOT NULL DEFAULT 'PUBLIC',
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PackageVersion" (
    "id" TEXT NOT NULL,
    "packageId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedById" TEXT NOT NULL,
    "determination" "CompletenessDetermination",
    "determinedAt" TIMESTAMP(3),
    "determinedById" TEXT,
    "determinationNote" TEXT,

    CONSTRAINT "PackageVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PackageVersionDocument" (
    "versionId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,

    CONSTRAINT "PackageVersionDocument_pkey" PRIMARY KEY ("versionId","documentId")
);

-- CreateTable
CREATE TABLE "DeficiencyItem" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DeficiencyItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnvironmentalReview" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "resourceArea" "ResourceArea" NOT NULL,
    "title" TEXT NOT NULL,
    "status" "ReviewStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "findings" TEXT NOT NULL DEFAULT '',
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),
    "lockVersion" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "EnvironmentalReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewAssignment" (
    "reviewId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewAssignment_pkey" PRIMARY KEY ("reviewId","userId")
);

-- CreateTable
CREATE TABLE "ReviewDocument" (
    "reviewId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,

    CONSTRAINT "ReviewDocument_pkey" PRIMARY KEY ("reviewId","documentId")
);

-- CreateTable
CREATE TABLE "Condition" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "reviewId" TEXT,
    "text" TEXT NOT NULL,
    "severity" "ConditionSeverity" NOT NULL,
    "status" "ConditionStatus" NOT NULL DEFAULT 'PENDING',
    "resolution" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "Condition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InformationRequest" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "reviewId" TEXT,
    "packageId" TEXT,
    "title" TEXT NOT NULL,
    "publicSummary" TEXT NOT NULL,
    "items" JSONB NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "InformationRequestStatus" NOT NULL DEFAULT 'OPEN',
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedById" TEXT NOT NULL,
    "closedAt" TIMESTAMP(3),
    "lockVersion" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "InformationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InformationResponse" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedById" TEXT NOT NULL,
    "decision" "ResponseDecision",
    "decisionNote" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,

    CONSTRAINT "InformationResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InformationResponseDocument" (
    "responseId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,

    CONSTRAINT "InformationResponseDocument_pkey" PRIMARY KEY ("responseId","documentId")
);

-- CreateIndex
CREATE INDEX "PermitPackage_projectId_status_idx" ON "PermitPackage"("projectId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_projectId_idx" ON "Document"("projectId");

-- CreateIndex
CREATE INDEX "Document_packageId_idx" ON "Document"("packageId");

-- CreateIndex
CREATE UNIQUE INDEX "PackageVersion_packageId_number_key" ON "PackageVersion"("packageId", "number");

-- CreateIndex
CREATE INDEX "DeficiencyItem_versionId_idx" ON "DeficiencyItem"("versionId");

-- CreateIndex
CREATE INDEX "EnvironmentalReview_projectId_idx" ON "EnvironmentalReview"("projectId");

-- CreateIndex
CREATE INDEX "ReviewAssignment_userId_idx" ON "ReviewAssignment"("userId");

-- CreateIndex
CREATE INDEX "Condition_projectId_status_idx" ON "Condition"("projectId", "status");

-- CreateIndex
CREATE INDEX "InformationRequest_projectId_status_idx" ON "InformationRequest"("projectId", "status");

-- CreateIndex
CREATE INDEX "InformationRequest_reviewId_idx" ON "InformationRequest"("reviewId");

-- CreateIndex
CREATE INDEX "InformationResponse_requestId_submittedAt_idx" ON "InformationResponse"("requestId", "submittedAt");

-- AddForeignKey
ALTER TABLE "PermitPackage" ADD CONSTRAINT "PermitPackage_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitPackage" ADD CONSTRAINT "PermitPackage_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "PermitPackage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackageVersion" ADD CONSTRAINT "PackageVersion_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "PermitPackage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackageVersion" ADD CONSTRAINT "PackageVersion_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackageVersion" ADD CONSTRAINT "PackageVersion_determinedById_fkey" FOREIGN KEY ("determinedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackageVersionDocument" ADD CONSTRAINT "PackageVersionDocument_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PackageVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackageVersionDocument" ADD CONSTRAINT "PackageVersionDocument_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeficiencyItem" ADD CONSTRAINT "DeficiencyItem_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PackageVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnvironmentalReview" ADD CONSTRAINT "EnvironmentalReview_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnvironmentalReview" ADD CONSTRAINT "EnvironmentalReview_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "EnvironmentalReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDocument" ADD CONSTRAINT "ReviewDocument_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "EnvironmentalReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDocument" ADD CONSTRAINT "ReviewDocument_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Condition" ADD CONSTRAINT "Condition_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Condition" ADD CONSTRAINT "Condition_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "EnvironmentalReview"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Condition" ADD CONSTRAINT "Condition_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Condition" ADD CONSTRAINT "Condition_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformationRequest" ADD CONSTRAINT "InformationRequest_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformationRequest" ADD CONSTRAINT "InformationRequest_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "EnvironmentalReview"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformationRequest" ADD CONSTRAINT "InformationRequest_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "PermitPackage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformationRequest" ADD CONSTRAINT "InformationRequest_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformationResponse" ADD CONSTRAINT "InformationResponse_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "InformationRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformationResponse" ADD CONSTRAINT "InformationResponse_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformationResponse" ADD CONSTRAINT "InformationResponse_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformationResponseDocument" ADD CONSTRAINT "InformationResponseDocument_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "InformationResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformationResponseDocument" ADD CONSTRAINT "InformationResponseDocument_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

