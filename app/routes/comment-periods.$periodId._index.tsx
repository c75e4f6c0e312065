// One comment period's public page: its state, the deadline in the agency's zone with a countdown,
// the deadline's history, the documents under review and the ways into the comments. The lead
// agency extends or reopens the period here.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import {
  FormError,
  SelectField,
  SubmitButton,
  TextAreaField,
  firstErrorField,
  useFocusFirstError,
} from "~/components/form-fields";
import { changePeriodDeadline, getPeriod, periodWindow } from "~/models/comments/comment-period.server";
import {
  PERIOD_STATE_LABELS,
  allowedDeadlineChanges,
  countdown,
  formatDeadline,
  type PeriodState,
} from "~/models/comments/comment-window";

import { stageLabel } from "~/models/workflow";
import { assertCan, can } from "~/policy/decide.server";
import { DEADLINE_CHANGE_LABELS, DEADLINE_HISTORY_LABELS } from "~/models/comments/comment-period.labels";
import { changeDeadlineSchema } from "~/schemas/public-pages.server";
import { getOptionalActor, requireActor } from "~/services/actor.server";
import { readSubmission } from "~/utils/submission.server";
import { auditContext, invalid, notFound, redirectWithFlash } from "~/utils/http.server";
import { domainFailure } from "~/utils/project-route.server";
import { toDateTimeLocalValue } from "~/utils/zoned-time";
import { CiteBox } from "~/components/CiteBox";
import { commentPeriodCitation } from "~/models/citation.server";
import { formatBytes } from "~/utils/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.period.title ?? "Comment period"}: ${data?.project.name ?? "project"} · Lodestone` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const period = await getPeriod(params.periodId ?? "");
  if (!period) throw notFound("There is no comment period at this address.");
  const actor = await getOptionalActor(request);
  const canManage = can(actor, "commentPeriod.manage", period.resource);
  const now = new Date();
  const window = periodWindow(period);
  const { timeZone } = period;
  const changedOn = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone });
  const live = countdown(window, now);
  // Offer only the changes the rules allow now.
  const kinds = allowedDeadlineChanges(window, now);
  return {
    canCode: can(actor, "comment.code", period.resource),
    cite: commentPeriodCitation(
      {
        id: period.id,
        title: period.title,
        opens: formatDeadline(period.opensAt, timeZone),
        closes: formatDeadline(period.closesAt, timeZone),
      },
      { name: period.project.name, leadAgency: period.project.leadAgency?.name ?? null },
      now,
    ),
    project: { slug: period.project.slug, name: period.project.name },
    period: {
      id: period.id,
      title: period.title,
      description: period.description,
      stageLabel: stageLabel(period.project.reviewTrack, period.stage),
      opensAt: period.opensAt.toISOString(),
      closesAt: period.closesAt.toISOString(),
      timeZone,
      opens: formatDeadline(period.opensAt, timeZone),
      closes: formatDeadline(period.closesAt, timeZone),
      allowAnonymous: period.allowAnonymous,
      lockVersion: period.lockVersion,
      publishedCommentCount: period.publishedCommentCount,
    },
    // Rendered on the server so the page is right without JavaScript; the browser keeps it current.
    countdown: { state: live.state, label: live.label },
    history: period.history.map((entry, index) => ({
      key: `${entry.kind}-${index}`,
      label: DEADLINE_HISTORY_LABELS[entry.kind],
      deadline: formatDeadline(entry.closesAt, timeZone),
      reason: entry.reason,
      on: entry.at ? changedOn.format(entry.at) : null,
      current: entry.current,
    })),
    documents: period.documents.map((d) => ({ id: d.id, name: d.name, size: formatBytes(d.size) })),
    manage: canManage
      ? {
          kinds: kinds.map((kind) => ({ value: kind, label: DEADLINE_CHANGE_LABELS[kind] })),
          newClosesAt: toDateTimeLocalValue(period.closesAt, timeZone),
        }
      : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const period = await getPeriod(params.periodId ?? "");
  if (!period) throw notFound("There is no comment period at this address.");
  assertCan(actor, "commentPeriod.manage", period.resource);
  const submission = await readSubmission(request);
  const parsed = submission.parse(changeDeadlineSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const { kind, newClosesAt, reason, lockVersion } = parsed.data;
  try {
    await changePeriodDeadline(
      period.id,
      { kind, newClosesAtLocal: newClosesAt, reason, expectedLockVersion: lockVersion },
      auditContext(context, actor.userId),
    );
    return redirectWithFlash(request, `/comment-periods/${period.id}`, {
      kind: "success",
      message:
        kind === "EXTEND"
          ? "The deadline is extended; the history below shows the original and the new one."
          : "The comment period is open again until the new deadline.",
    });
  } catch (error) {
    return domainFailure(error, {
      kind,
      reason,
      lockVersion: String(lockVersion),
      newClosesAt: String(submission.get("newClosesAt") ?? ""),
    });
  }
}

type LiveCountdown = { state: PeriodState; label: string };

/**
 * The countdown after hydration: starts from the server's reading (so the first render matches),
 * then re-reads the clock every 30 s with the same pure countdown(). State only changes when the
 * label or state does, so the live region announces changes, not ticks.
 */
function useLiveCountdown(window: { opensAt: string; closesAt: string; timeZone: string }, initial: LiveCountdown) {
  const [live, setLive] = useState<LiveCountdown>(initial);
  const { opensAt, closesAt, timeZone } = window;
  useEffect(() => {
    const parsed = { opensAt: new Date(opensAt), closesAt: new Date(closesAt), timeZone };
    const tick = () => {
      const next = countdown(parsed, new Date());
      setLive((previous) =>
        previous.label === next.label && previous.state === next.state
          ? previous
          : { state: next.state, label: next.label },
      );
    };
    tick();
    const timer = setInterval(tick, 30_000);
    return () => clearInterval(timer);
  }, [opensAt, closesAt, timeZone]);
  return live;
}

type Manage = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["manage"]>;

/**
 * The lead agency's deadline change: a plain form checked by the action's zod schema. This page is
 * public, so its form loads neither react-hook-form nor zod in the browser for every visitor.
 */
function ChangeDeadlineForm({ manage, lockVersion, zone }: { manage: Manage; lockVersion: number; zone: string }) {
  const result = useActionData<typeof action>();
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstError(result?.errors, ref);
  const errors: Record<string, string> = result?.errors ?? {};
  const values: Record<string, string> = {
    kind: manage.kinds[0]?.value ?? "",
    newClosesAt: manage.newClosesAt,
    ...result?.values,
  };
  // Without JavaScript, autofocus is how the first invalid field (in the form's order) gets focus on reload.
  const focus = firstErrorField(result?.errors, ["kind", "newClosesAt", "reason"]);
  const id = useId();
  return (
    <Form method="post" noValidate ref={ref} aria-labelledby="change-deadline">
      <FormError message={errors.form} />
      {/* The version this page was loaded with: a change made by someone else since then conflicts. */}
      <input type="hidden" name="lockVersion" value={lockVersion} />
      <SelectField
        name="kind"
        label="Change"
        required
        options={manage.kinds}
        error={errors.kind}
        defaultValue={values.kind}
        autoFocus={focus === "kind"}
      />
      <div className="field">
        <label htmlFor={id}>New closing date and time ({zone} time)</label>
        <input
          id={id}
          name="newClosesAt"
          type="datetime-local"
          // Seconds allowed: a notice may close at 11:59:59 PM.
          step={1}
          aria-required
          aria-invalid={errors.newClosesAt ? true : undefined}
          aria-describedby={errors.newClosesAt ? `${id}-error` : undefined}
          autoFocus={focus === "newClosesAt"}
          defaultValue={values.newClosesAt}
        />
        {errors.newClosesAt ? (
          <p id={`${id}-error`} className="field-error">
            {errors.newClosesAt}
          </p>
        ) : null}
      </div>
      <TextAreaField
        name="reason"
        label="Reason (public)"
        required
        rows={3}
        error={errors.reason}
        defaultValue={values.reason}
        autoFocus={focus === "reason"}
      />
      <SubmitButton pendingLabel="Saving…">Change the deadline</SubmitButton>
    </Form>
  );
}

export default function CommentPeriodPage() {
  const {
    project,
    period,
    countdown: initial,
    history,
    documents,
    manage,
    cite,
    canCode,
  } = useLoaderData<typeof loader>();
  const live = useLiveCountdown(period, initial);
  const base = `/comment-periods/${period.id}`;
  return (
    <div className="stack">
      <p>
        <Link to={`/projects/${project.slug}/comment-periods`}>← Comment periods of {project.name}</Link>
      </p>
      <h1>{period.title}</h1>
      <p>
        <span className="badge">{PERIOD_STATE_LABELS[live.state]}</span> Public comment on{" "}
        <Link to={`/projects/${project.slug}`}>{project.name}</Link>, stage: {period.stageLabel}.
      </p>
      {period.description ? <p>{period.description}</p> : null}
      <CiteBox citation={cite} label="this comment period" />
      <section className="card" aria-labelledby="deadline">
        <h2 id="deadline">Deadline</h2>
        {live.state === "upcoming" ? <p>Comments open on {period.opens}.</p> : null}
        <p>
          {live.state === "closed" ? "Comments closed on" : "Comments close on"} <strong>{period.closes}</strong>.
        </p>
        <p aria-live="polite" aria-atomic="true">
          {live.state === "closed"
            ? "This comment period is closed."
            : `${live.label.charAt(0).toUpperCase()}${live.label.slice(1)}.`}
        </p>
        <p className="muted">
          {period.allowAnonymous ? "Anonymous comments are accepted." : "Comments must carry the commenter's name."}
        </p>
        {live.state === "open" ? (
          <p>
            <Link className="button-link" to={`${base}/comment`}>
              Comment on this
            </Link>
          </p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="history">
        <h2 id="history">History of the deadline</h2>
        {history.length === 1 ? <p className="muted">The deadline has not been changed.</p> : null}
        <ol>
          {history.map((entry) => (
            <li key={entry.key}>
              {entry.label} {entry.deadline}
              {entry.on ? ` (decided ${entry.on})` : ""}
              {entry.current ? " · current deadline" : ""}
              {entry.reason ? <div className="muted">Reason: {entry.reason}</div> : null}
            </li>
          ))}
        </ol>
      </section>
      <section className="card" aria-labelledby="documents">
        <h2 id="documents">Documents under review</h2>
        {documents.length === 0 ? (
          <p className="muted">No documents are attached to this comment period.</p>
        ) : (
          <ul>
            {documents.map((d) => (
              <li key={d.id}>
                <a href={`/documents/${d.id}`}>{d.name}</a> <span className="muted">({d.size})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="comments">
        <h2 id="comments">Comments</h2>
        <p>
          {period.publishedCommentCount === 0
            ? "No comments have been published yet."
            : `${period.publishedCommentCount.toLocaleString("en-US")} published comment${period.publishedCommentCount === 1 ? "" : "s"}.`}
        </p>
        <ul>
          <li>
            <Link to={`${base}/comments`}>Read the comments</Link>
          </li>
          <li>
            <Link to={`${base}/responses`}>Responses to comments</Link>
          </li>
          <li>
            <Link to={`${base}/moderation-log`}>Moderation log</Link>
          </li>
          {canCode ? (
            <li>
              <Link to={`${base}/coding`}>Code comments by concern and answer them</Link>
            </li>
          ) : null}
        </ul>
      </section>
      {manage && manage.kinds.length > 0 ? (
        <section className="card narrow" aria-labelledby="change-deadline">
          <h2 id="change-deadline">Extend or reopen</h2>
          {/* Keyed by the version: a saved change bumps it, so the form starts empty again instead of
              inviting a second submit (a client-side redirect to this same page keeps components). */}
          <ChangeDeadlineForm
            key={period.lockVersion}
            manage={manage}
            lockVersion={period.lockVersion}
            zone={period.timeZone}
          />
        </section>
      ) : null}
    </div>
  );
}
