-- The response cache's invalidation (docs/decisions/0026-response-cache.md): every change to the
-- public record announces, inside its own transaction, which projects and comment periods it
-- touched, with pg_notify on the channel "lodestone_cache". PostgreSQL delivers a notification only
-- when its transaction commits, so every app process LISTENing drops the affected pages right after
-- the change is visible, never before. The app derives the pages (cache tags) from the event type
-- or table named here (app/services/response-cache/tags.ts).
-- (Function bodies are E'' strings with \073 for semicolons: the migration engine splits at every one.)

-- Announces one change: kind 'e' (a domain event, name = its type) or 't' (a table written directly,
-- name = the table). Projects are named by slug (the public URLs use it, and it never changes), a
-- project-level change also names every comment period of the project (their pages show it). A
-- message too long for NOTIFY (8000 bytes) becomes 'all': every process drops its whole cache.
CREATE FUNCTION lodestone_cache_announce(kind text, name text, project_ids text[], period_ids text[], whole_project boolean) RETURNS void LANGUAGE plpgsql AS E'
declare
  projects text[]\073
  slugs text[]\073
  periods text[]\073
  message text\073
begin
  select coalesce(array_agg(distinct pid), ''{}'') into projects from (
    select unnest(project_ids) as pid
    union select cp."projectId" from "CommentPeriod" cp where cp.id = any(period_ids)
  ) ids where pid is not null\073
  select coalesce(array_agg(p.slug), ''{}'') into slugs from "Project" p where p.id = any(projects)\073
  if whole_project then
    select coalesce(array_agg(distinct id), ''{}'') into periods from (
      select unnest(period_ids) as id
      union select cp.id from "CommentPeriod" cp where cp."projectId" = any(projects)
    ) ids where id is not null\073
  else
    periods := coalesce(period_ids, ''{}'')\073
  end if\073
  message := json_build_object(''k'', kind, ''n'', name, ''s'', slugs, ''c'', periods)::text\073
  if octet_length(message) > 7900 then
    message := json_build_object(''k'', ''all'', ''n'', name)::text\073
  end if\073
  perform pg_notify(''lodestone_cache'', message)\073
end
';

-- Every domain event: the project (payload.projectId) or the comment period (payload.periodId) it is about.
CREATE FUNCTION lodestone_cache_event() RETURNS trigger LANGUAGE plpgsql AS E'
begin
  perform lodestone_cache_announce(''e'', NEW.type,
    array_remove(array[NEW.payload->>''projectId''], null),
    array_remove(array[NEW.payload->>''periodId''], null),
    NEW.payload ? ''projectId'')\073
  return null\073
end
';

CREATE TRIGGER "DomainEvent_cache" AFTER INSERT ON "DomainEvent"
  FOR EACH ROW EXECUTE FUNCTION lodestone_cache_event();

-- Public tables some code writes without a domain event (grouping into campaigns, conditions,
-- statutory extensions, document visibility, ...), and the project's own rows as a backstop: the
-- row's project (TG_ARGV[0] = 'project', or 'self' for Project) or comment period ('period').
-- A row that names neither, or a deleted project (its slug is gone with it), announces 'all'.
CREATE FUNCTION lodestone_cache_row() RETURNS trigger LANGUAGE plpgsql AS E'
declare
  r jsonb\073
  project_id text\073
  period_id text\073
begin
  if TG_OP = ''DELETE'' then r := to_jsonb(OLD)\073 else r := to_jsonb(NEW)\073 end if\073
  if TG_ARGV[0] = ''self'' then project_id := r->>''id''\073
  elsif TG_ARGV[0] = ''project'' then project_id := r->>''projectId''\073
  else period_id := r->>''periodId''\073
  end if\073
  if (project_id is null and period_id is null) or (TG_ARGV[0] = ''self'' and TG_OP = ''DELETE'') then
    perform pg_notify(''lodestone_cache'', json_build_object(''k'', ''all'', ''n'', TG_TABLE_NAME)::text)\073
  else
    perform lodestone_cache_announce(''t'', TG_TABLE_NAME,
      array_remove(array[project_id], null), array_remove(array[period_id], null), project_id is not null)\073
  end if\073
  return null\073
end
';

-- Tables whose rows feed only site-wide pages (the log, open data) or every page (an organization's
-- name is shown on each of its projects): one announcement per statement.
CREATE FUNCTION lodestone_cache_table() RETURNS trigger LANGUAGE plpgsql AS E'
begin
  perform pg_notify(''lodestone_cache'', json_build_object(''k'', ''t'', ''n'', TG_TABLE_NAME, ''s'', ''{}''::text[], ''c'', ''{}''::text[])::text)\073
  return null\073
end
';

CREATE TRIGGER "Project_cache" AFTER INSERT OR UPDATE OR DELETE ON "Project"
  FOR EACH ROW EXECUTE FUNCTION lodestone_cache_row('self');
CREATE TRIGGER "Milestone_cache" AFTER INSERT OR UPDATE OR DELETE ON "Milestone"
  FOR EACH ROW EXECUTE FUNCTION lodestone_cache_row('project');
CREATE TRIGGER "StatutoryExtension_cache" AFTER INSERT OR UPDATE OR DELETE ON "StatutoryExtension"
  FOR EACH ROW EXECUTE FUNCTION lodestone_cache_row('project');
CREATE TRIGGER "Condition_cache" AFTER INSERT OR UPDATE OR DELETE ON "Condition"
  FOR EACH ROW EXECUTE FUNCTION lodestone_cache_row('project');
CREATE TRIGGER "ProjectCooperatingAgency_cache" AFTER INSERT OR UPDATE OR DELETE ON "ProjectCooperatingAgency"
  FOR EACH ROW EXECUTE FUNCTION lodestone_cache_row('project');
CREATE TRIGGER "Document_cache" AFTER UPDATE OR DELETE ON "Document"
  FOR EACH ROW EXECUTE FUNCTION lodestone_cache_row('project');
CREATE TRIGGER "PermitPackage_cache" AFTER INSERT OR UPDATE OR DELETE ON "PermitPackage"
  FOR EACH ROW EXECUTE FUNCTION lodestone_cache_row('project');
CREATE TRIGGER "CommentPeriod_cache" AFTER INSERT OR UPDATE OR DELETE ON "CommentPeriod"
  FOR EACH ROW EXECUTE FUNCTION lodestone_cache_row('project');
-- A new comment announces itself with its comment.submitted event (one announcement, not two, on
-- the intake path), grouping, moderation and deletion change rows in place.
CREATE TRIGGER "Comment_cache" AFTER UPDATE OR DELETE ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION lodestone_cache_row('period');
CREATE TRIGGER "Campaign_cache" AFTER INSERT OR UPDATE OR DELETE ON "Campaign"
  FOR EACH ROW EXECUTE FUNCTION lodestone_cache_row('period');
CREATE TRIGGER "CampaignBand_cache" AFTER INSERT OR UPDATE OR DELETE ON "CampaignBand"
  FOR EACH ROW EXECUTE FUNCTION lodestone_cache_row('period');
CREATE TRIGGER "OfficialResponse_cache" AFTER INSERT OR UPDATE OR DELETE ON "OfficialResponse"
  FOR EACH ROW EXECUTE FUNCTION lodestone_cache_row('period');
CREATE TRIGGER "Organization_cache" AFTER INSERT OR UPDATE OR DELETE ON "Organization"
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_cache_table();
CREATE TRIGGER "OpenDataRelease_cache" AFTER INSERT OR UPDATE OR DELETE ON "OpenDataRelease"
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_cache_table();
CREATE TRIGGER "LogEntry_cache" AFTER INSERT OR UPDATE OR DELETE ON "LogEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_cache_table();
CREATE TRIGGER "LogCheckpoint_cache" AFTER INSERT OR UPDATE OR DELETE ON "LogCheckpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_cache_table();
