-- comment.submitted is the one event recorded per comment (thousands a minute in a surge) and it
-- notifies no one (the receipt is emailed right after the intake commits), so it no longer queues a
-- dispatch job: that saved a job row, a NOTIFY and a worker round trip per comment.
DROP TRIGGER "DomainEvent_enqueue" ON "DomainEvent";

CREATE TRIGGER "DomainEvent_enqueue" AFTER INSERT ON "DomainEvent"
  FOR EACH ROW WHEN (NEW."type" <> 'comment.submitted')
  EXECUTE FUNCTION lodestone_enqueue_domain_event();
