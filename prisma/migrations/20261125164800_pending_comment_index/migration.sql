-- Comments waiting for form-letter grouping (campaignId still null), oldest first. Without it each
-- grouping batch scans and sorts every pending comment, which grows with a backlog under a surge.
-- A partial index cannot be written in schema.prisma, so this migration is raw SQL. The datamodel
-- diff that makes new migrations compares schemas, so it will not try to drop it.
-- (No semicolons in comments here: the migration engine splits the script at every one.)
CREATE INDEX "Comment_pending_grouping_idx" ON "Comment" ("periodId", "submittedAt", "id") WHERE "campaignId" IS NULL;
