-- CreateTable
CREATE TABLE "ProjectTrackFacts" (
    "projectId" TEXT NOT NULL,
    "noiDays" INTEGER,
    "noiApproximate" BOOLEAN NOT NULL DEFAULT false,
    "applicationDays" INTEGER,
    "applicationApproximate" BOOLEAN NOT NULL DEFAULT false,
    "firstTargetMet" INTEGER NOT NULL DEFAULT 0,
    "firstTargetJudged" INTEGER NOT NULL DEFAULT 0,
    "clockBasis" TEXT,
    "clockOutcome" TEXT,
    "clockDeadlineEnd" DATE,
    "deskCounted" BOOLEAN NOT NULL DEFAULT false,
    "deskBase" DATE,
    "deskFrom" DATE,
    "deskAgencyDays" INTEGER NOT NULL DEFAULT 0,
    "deskApplicantDays" INTEGER NOT NULL DEFAULT 0,
    "deskAgencySlope" INTEGER NOT NULL DEFAULT 0,
    "deskApplicantSlope" INTEGER NOT NULL DEFAULT 0,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectTrackFacts_pkey" PRIMARY KEY ("projectId")
);

-- CreateTable
CREATE TABLE "ProjectSlipYear" (
    "projectId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "slipSum" INTEGER NOT NULL,
    "slipCount" INTEGER NOT NULL,

    CONSTRAINT "ProjectSlipYear_pkey" PRIMARY KEY ("projectId","year")
);

-- CreateTable
CREATE TABLE "TrackFactsStale" (
    "projectId" TEXT NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "markedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrackFactsStale_pkey" PRIMARY KEY ("projectId")
);


-- Stale marks for the agency track records (docs/decisions/0028-desk-precomputed.md): every change
-- to what a project's figures read marks the project in the same transaction, so the next reader
-- recomputes it before aggregating (app/models/track-facts.server.ts). One mark per statement
-- (transition tables), so bulk writes cost one insert, not one per row. A new mark or a repeated
-- one takes a new seq: a refresh clears only the seq it saw.
-- (Function bodies are E'' strings with \073 for semicolons: the migration engine splits at every one.)
CREATE FUNCTION lodestone_track_mark(ids text[]) RETURNS void LANGUAGE sql AS E'
  insert into "TrackFactsStale" ("projectId")
  select distinct id from unnest(ids) as id where id is not null order by id
  on conflict ("projectId") do update set seq = nextval(''"TrackFactsStale_seq_seq"''), "markedAt" = now()
';

-- TG_ARGV[0] says how a row names its project: 'project' ("projectId"), 'self' (Project.id),
-- 'milestone' ("milestoneId"), 'package' ("packageId"), 'request' ("requestId").
CREATE FUNCTION lodestone_track_stale() RETURNS trigger LANGUAGE plpgsql AS E'
declare
  ids text[]\073
begin
  if TG_OP in (''INSERT'', ''UPDATE'') then
    if TG_ARGV[0] = ''project'' then select array_agg(r."projectId") into ids from new_rows r\073
    elsif TG_ARGV[0] = ''self'' then select array_agg(r.id) into ids from new_rows r\073
    elsif TG_ARGV[0] = ''milestone'' then
      select array_agg(m."projectId") into ids from new_rows r join "Milestone" m on m.id = r."milestoneId"\073
    elsif TG_ARGV[0] = ''package'' then
      select array_agg(k."projectId") into ids from new_rows r join "PermitPackage" k on k.id = r."packageId"\073
    elsif TG_ARGV[0] = ''request'' then
      select array_agg(q."projectId") into ids from new_rows r join "InformationRequest" q on q.id = r."requestId"\073
    end if\073
    perform lodestone_track_mark(ids)\073
  end if\073
  if TG_OP in (''UPDATE'', ''DELETE'') then
    if TG_ARGV[0] = ''project'' then select array_agg(r."projectId") into ids from old_rows r\073
    elsif TG_ARGV[0] = ''self'' then select array_agg(r.id) into ids from old_rows r\073
    elsif TG_ARGV[0] = ''milestone'' then
      select array_agg(m."projectId") into ids from old_rows r join "Milestone" m on m.id = r."milestoneId"\073
    elsif TG_ARGV[0] = ''package'' then
      select array_agg(k."projectId") into ids from old_rows r join "PermitPackage" k on k.id = r."packageId"\073
    elsif TG_ARGV[0] = ''request'' then
      select array_agg(q."projectId") into ids from old_rows r join "InformationRequest" q on q.id = r."requestId"\073
    end if\073
    perform lodestone_track_mark(ids)\073
  end if\073
  return null\073
end
';

-- A project's own row: new and deleted projects, and a change of the two fields its figures read
-- (status stops the review clock, the review track sets the statutory limit). Its name, state,
-- minerals, lead agency and training flag are read live by the aggregation.
CREATE FUNCTION lodestone_track_stale_project() RETURNS trigger LANGUAGE plpgsql AS E'
begin
  perform lodestone_track_mark(array[NEW.id])\073
  return null\073
end
';

CREATE TRIGGER "Project_track_insert" AFTER INSERT ON "Project" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('self');
CREATE TRIGGER "Project_track_delete" AFTER DELETE ON "Project" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('self');
CREATE TRIGGER "Project_track_update" AFTER UPDATE ON "Project" FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD."reviewTrack" IS DISTINCT FROM NEW."reviewTrack")
  EXECUTE FUNCTION lodestone_track_stale_project();

CREATE TRIGGER "Milestone_track_insert" AFTER INSERT ON "Milestone" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('project');
CREATE TRIGGER "Milestone_track_update" AFTER UPDATE ON "Milestone" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('project');
CREATE TRIGGER "Milestone_track_delete" AFTER DELETE ON "Milestone" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('project');

CREATE TRIGGER "MilestoneDateChange_track_insert" AFTER INSERT ON "MilestoneDateChange" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('milestone');
CREATE TRIGGER "MilestoneDateChange_track_update" AFTER UPDATE ON "MilestoneDateChange" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('milestone');
CREATE TRIGGER "MilestoneDateChange_track_delete" AFTER DELETE ON "MilestoneDateChange" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('milestone');

CREATE TRIGGER "StatutoryExtension_track_insert" AFTER INSERT ON "StatutoryExtension" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('project');
CREATE TRIGGER "StatutoryExtension_track_update" AFTER UPDATE ON "StatutoryExtension" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('project');
CREATE TRIGGER "StatutoryExtension_track_delete" AFTER DELETE ON "StatutoryExtension" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('project');

CREATE TRIGGER "StageTransition_track_insert" AFTER INSERT ON "StageTransition" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('project');
CREATE TRIGGER "StageTransition_track_update" AFTER UPDATE ON "StageTransition" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('project');
CREATE TRIGGER "StageTransition_track_delete" AFTER DELETE ON "StageTransition" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('project');

CREATE TRIGGER "PermitPackage_track_insert" AFTER INSERT ON "PermitPackage" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('project');
CREATE TRIGGER "PermitPackage_track_update" AFTER UPDATE ON "PermitPackage" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('project');
CREATE TRIGGER "PermitPackage_track_delete" AFTER DELETE ON "PermitPackage" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('project');

CREATE TRIGGER "PackageVersion_track_insert" AFTER INSERT ON "PackageVersion" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('package');
CREATE TRIGGER "PackageVersion_track_update" AFTER UPDATE ON "PackageVersion" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('package');
CREATE TRIGGER "PackageVersion_track_delete" AFTER DELETE ON "PackageVersion" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('package');

CREATE TRIGGER "InformationRequest_track_insert" AFTER INSERT ON "InformationRequest" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('project');
CREATE TRIGGER "InformationRequest_track_update" AFTER UPDATE ON "InformationRequest" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('project');
CREATE TRIGGER "InformationRequest_track_delete" AFTER DELETE ON "InformationRequest" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('project');

CREATE TRIGGER "InformationResponse_track_insert" AFTER INSERT ON "InformationResponse" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('request');
CREATE TRIGGER "InformationResponse_track_update" AFTER UPDATE ON "InformationResponse" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('request');
CREATE TRIGGER "InformationResponse_track_delete" AFTER DELETE ON "InformationResponse" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_track_stale('request');

-- The anti-join that finds projects with no figures, and rows read for a day before deskFrom.
CREATE INDEX "ProjectTrackFacts_deskFrom_idx" ON "ProjectTrackFacts" ("deskFrom") WHERE "deskFrom" IS NOT NULL;
