// The public record's explanation page: what "verifiable" means, in plain words, the latest signed
// checkpoint, how long entries wait to be sequenced, and how to check it all yourself.
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import {
  latestCheckpoint,
  listEntries,
  currentTreeSize,
  publicKeys,
  sequencingDelay,
} from "~/models/log/log-reads.server";
import { env } from "~/env.server";
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";

export const meta: MetaFunction = () => [{ title: "A verifiable public record · Lodestone" }];

const RECENT = 20;

export async function loader() {
  const [checkpoint, size, keys, delay] = await Promise.all([
    latestCheckpoint(),
    currentTreeSize(),
    publicKeys(),
    sequencingDelay(),
  ]);
  const recent = await listEntries(Math.max(0, size - RECENT), size);
  return {
    appUrl: env().APP_URL.replace(/\/$/, ""),
    checkpoint,
    keys,
    delay,
    recent: recent.reverse().map((entry) => {
      const body = JSON.parse(entry.body) as { type: string; occurredAt: string; data: { slug?: string } };
      return {
        sequence: entry.sequence,
        type: body.type,
        occurredAt: body.occurredAt,
        project: body.data.slug ?? null,
      };
    }),
  };
}

const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

export default function PublicRecord() {
  const { appUrl, checkpoint, keys, delay, recent } = useLoaderData<typeof loader>();
  return (
    <article className="stack log-page">
      <h1>A verifiable public record</h1>
      <section className="stack" aria-labelledby="what">
        <h2 id="what">What “verifiable” means</h2>
        <p>
          Permitting records end up in court and in the news, and records can change quietly: a document withdrawn, a
          date moved, a decision rewritten. Lodestone keeps every public change to its record (a project added or
          edited, a stage reached, a milestone moved and why, a comment period opened or extended, a comment received,
          hidden or restored and why, documents made public, information requests) in a log that can only grow.
        </p>
        <p>
          Each change is written to the log in the same step as the change itself. The log is a Merkle tree, the
          structure Certificate Transparency uses for web certificates: the whole history is summed up in one short
          fingerprint (the <em>root hash</em>). Every few seconds Lodestone signs that fingerprint, with the size of the
          log and the time, as a <em>checkpoint</em>.
        </p>
        <p>
          Anyone can keep copies of the checkpoints and check later that today’s history still contains yesterday’s,
          unchanged. If an entry were edited, removed or reordered, or a record changed without an entry, the
          fingerprints would no longer match, and the checking program says which entry.
        </p>
        <p>
          The log is public whole, so it holds no personal data: no names, emails or addresses. For a comment it holds a
          sealed fingerprint (a salted hash) of the text and name instead, which proves the comment existed, unchanged,
          at that time, without showing it. If a comment must be removed by law, the comment goes and the log stays
          valid.
        </p>
      </section>

      <section className="stack" aria-labelledby="latest">
        <h2 id="latest">The latest checkpoint</h2>
        {checkpoint ? (
          <dl className="card">
            <dt>Entries in the log</dt>
            <dd>{checkpoint.treeSize.toLocaleString("en-US")}</dd>
            <dt>Root hash (base64)</dt>
            <dd>
              <code>{checkpoint.rootHash}</code>
            </dd>
            <dt>Signed</dt>
            <dd>{utc(checkpoint.signedAt)}</dd>
            <dt>Signing key</dt>
            <dd>
              <code>{checkpoint.keyId}</code> (Ed25519)
            </dd>
          </dl>
        ) : (
          <p>No checkpoint has been signed yet: the log is empty or its first entries are being sequenced.</p>
        )}
        <p>
          {delay.medianMs === null
            ? "No entry has been sequenced yet."
            : `Changes reach the log as they are made and are numbered and signed shortly after: over the last ${delay.sample.toLocaleString("en-US")} entries, half waited ${delay.medianMs.toLocaleString("en-US")} ms or less, 95 in 100 waited ${delay.p95Ms?.toLocaleString("en-US")} ms or less, and the longest wait was ${delay.maxMs?.toLocaleString("en-US")} ms.`}
        </p>
      </section>

      <section className="stack" aria-labelledby="check">
        <h2 id="check">Check it yourself</h2>
        <p>
          You need Node.js (version 18 or later) and nothing else. Download{" "}
          <a href="/verify-record.mjs" download>
            verify-record.mjs
          </a>{" "}
          and run:
        </p>
        <pre>
          <code>node verify-record.mjs --url {appUrl}</code>
        </pre>
        <p>
          It downloads every checkpoint and entry, checks the signatures, rebuilds the tree, checks that the log still
          contains what it saw on earlier runs (it keeps those checkpoints in a small file next to it), and compares the
          record as the site shows it with its history. It ends with “Verified …” or names the first entry that does not
          match.
        </p>
        <p>
          To keep your own copies of the checkpoints, follow the <a href="/log/checkpoints.atom">checkpoints feed</a>{" "}
          (Atom) or the API below.
        </p>
        <h3>Public key</h3>
        {keys.length === 0 ? (
          <p>No checkpoint has been signed yet.</p>
        ) : (
          <ul>
            {keys.map((key) => (
              <li key={key.keyId}>
                Key <code>{key.keyId}</code>, Ed25519, first used {utc(key.firstUsedAt)}: <code>{key.publicKey}</code>
              </li>
            ))}
          </ul>
        )}
        <h3>API</h3>
        <ul>
          <li>
            <a href="/api/v1/log/checkpoints/latest">/api/v1/log/checkpoints/latest</a> and{" "}
            <a href="/api/v1/log/checkpoints">/api/v1/log/checkpoints</a> (every checkpoint, newest first)
          </li>
          <li>/api/v1/log/entries?start=0&amp;end=1000 (at most 1,000 at a time)</li>
          <li>
            /api/v1/log/proof/inclusion?index=5&amp;size=100 and /api/v1/log/proof/consistency?first=50&amp;second=100
          </li>
          <li>
            <a href="/api/v1/log/public-key">/api/v1/log/public-key</a> and{" "}
            <a href="/api/v1/log/state">/api/v1/log/state</a> (the record now, for comparison)
          </li>
        </ul>
      </section>

      <section className="stack" aria-labelledby="recent">
        <h2 id="recent">Latest entries</h2>
        {recent.length === 0 ? (
          <p>The log has no entries yet.</p>
        ) : (
          <CardTable className="log-table">
            <caption>The {recent.length} most recent entries, newest first</caption>
            <CardHead>
              <ColumnHeader>Entry</ColumnHeader>
              <ColumnHeader>Change</ColumnHeader>
              <ColumnHeader>Project</ColumnHeader>
              <ColumnHeader>When (UTC)</ColumnHeader>
            </CardHead>
            <CardBody>
              {recent.map((entry) => (
                <CardRow key={entry.sequence}>
                  <RowHeader>#{entry.sequence}</RowHeader>
                  <Cell label="Change">
                    <code>{entry.type}</code>
                  </Cell>
                  <Cell label="Project">{entry.project ?? "—"}</Cell>
                  <Cell label="When (UTC)">{utc(entry.occurredAt)}</Cell>
                </CardRow>
              ))}
            </CardBody>
          </CardTable>
        )}
      </section>
    </article>
  );
}
