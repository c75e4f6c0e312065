// The coding pages' common first step: the period, and the lead agency's right to code it.
import { findPeriodForComments } from "~/models/comments/comment-reading.server";
import { assertCan, can } from "~/policy";
import { requireActor } from "~/services/actor.server";
import { notFound } from "~/utils/http.server";

export async function requireCodingPeriod(request: Request, periodId: string | undefined) {
  const { actor } = await requireActor(request);
  const period = await findPeriodForComments(periodId ?? "");
  if (!period) throw notFound("There is no comment period at this address.");
  assertCan(actor, "comment.code", period.resource);
  return { actor, period, canPublish: can(actor, "concern.publishAnswer", period.resource) };
}
