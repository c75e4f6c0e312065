-- CreateTable
CREATE TABLE "LogPending" (
    "id" BIGSERIAL NOT NULL,
    "eventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "projectId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LogPending_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LogEntry" (
    "sequence" BIGINT NOT NULL,
    "eventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "projectId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sequencedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LogEntry_pkey" PRIMARY KEY ("sequence")
);

-- CreateTable
CREATE TABLE "LogNode" (
    "level" SMALLINT NOT NULL,
    "index" BIGINT NOT NULL,
    "hash" BYTEA NOT NULL,

    CONSTRAINT "LogNode_pkey" PRIMARY KEY ("level","index")
);

-- CreateTable
CREATE TABLE "LogCheckpoint" (
    "id" SERIAL NOT NULL,
    "treeSize" BIGINT NOT NULL,
    "rootHash" BYTEA NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL,
    "keyId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "signature" BYTEA NOT NULL,

    CONSTRAINT "LogCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LogSigningKey" (
    "keyId" TEXT NOT NULL,
    "publicKey" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LogSigningKey_pkey" PRIMARY KEY ("keyId")
);

-- CreateTable
CREATE TABLE "LogCommitment" (
    "eventId" TEXT NOT NULL,
    "salt" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LogCommitment_pkey" PRIMARY KEY ("eventId")
);

-- CreateIndex
CREATE UNIQUE INDEX "LogPending_eventId_key" ON "LogPending"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "LogEntry_eventId_key" ON "LogEntry"("eventId");

-- CreateIndex
CREATE INDEX "LogEntry_projectId_sequence_idx" ON "LogEntry"("projectId", "sequence");

-- CreateIndex
CREATE INDEX "LogCheckpoint_treeSize_idx" ON "LogCheckpoint"("treeSize");

-- CreateIndex
CREATE INDEX "LogCheckpoint_signedAt_idx" ON "LogCheckpoint"("signedAt");


-- The log is append-only: sequenced entries, tree nodes, checkpoints and signing keys refuse any
-- UPDATE, DELETE or TRUNCATE, whoever asks (the same guard as AuditEvent's). A pending row may only
-- be deleted by the sequencer, which says so with SET LOCAL lodestone.log_sequencer = 'on' in the
-- transaction that turns it into an entry, and nothing ever updates one.
-- (Bodies are E'' strings with \073 for semicolons: the migration engine splits at every one.)
CREATE FUNCTION "log_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN RAISE EXCEPTION ''% rows are append-only (% refused)'', TG_TABLE_NAME, TG_OP\073 END';

CREATE TRIGGER "LogEntry_append_only" BEFORE UPDATE OR DELETE ON "LogEntry" FOR EACH ROW EXECUTE FUNCTION "log_is_append_only"();
CREATE TRIGGER "LogEntry_no_truncate" BEFORE TRUNCATE ON "LogEntry" FOR EACH STATEMENT EXECUTE FUNCTION "log_is_append_only"();
CREATE TRIGGER "LogNode_append_only" BEFORE UPDATE OR DELETE ON "LogNode" FOR EACH ROW EXECUTE FUNCTION "log_is_append_only"();
CREATE TRIGGER "LogNode_no_truncate" BEFORE TRUNCATE ON "LogNode" FOR EACH STATEMENT EXECUTE FUNCTION "log_is_append_only"();
CREATE TRIGGER "LogCheckpoint_append_only" BEFORE UPDATE OR DELETE ON "LogCheckpoint" FOR EACH ROW EXECUTE FUNCTION "log_is_append_only"();
CREATE TRIGGER "LogCheckpoint_no_truncate" BEFORE TRUNCATE ON "LogCheckpoint" FOR EACH STATEMENT EXECUTE FUNCTION "log_is_append_only"();
CREATE TRIGGER "LogSigningKey_append_only" BEFORE UPDATE OR DELETE ON "LogSigningKey" FOR EACH ROW EXECUTE FUNCTION "log_is_append_only"();
CREATE TRIGGER "LogSigningKey_no_truncate" BEFORE TRUNCATE ON "LogSigningKey" FOR EACH STATEMENT EXECUTE FUNCTION "log_is_append_only"();

CREATE FUNCTION "log_pending_guard"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN IF TG_OP = ''DELETE'' AND current_setting(''lodestone.log_sequencer'', true) = ''on'' THEN RETURN OLD\073 END IF\073 RAISE EXCEPTION ''LogPending rows are removed only by the sequencer (% refused)'', TG_OP\073 END';

CREATE TRIGGER "LogPending_guard" BEFORE UPDATE OR DELETE ON "LogPending" FOR EACH ROW EXECUTE FUNCTION "log_pending_guard"();
