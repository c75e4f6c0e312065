// An Atom feed of the log's signed checkpoints (newest 100), so witnesses can keep copies with any
// feed reader; each entry carries the signed note and its signature.
import { listCheckpoints } from "~/models/log/log-reads.server";
import { logOrigin } from "~/models/log/sequencer.server";
import { env } from "~/env.server";

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export async function loader() {
  const appUrl = env().APP_URL.replace(/\/$/, "");
  const checkpoints = await listCheckpoints({ limit: 100 });
  const updated = checkpoints[0]?.signedAt ?? new Date(0).toISOString();
  const entries = checkpoints.map(
    (c) => `  <entry>
    <id>${escape(`${appUrl}/api/v1/log/checkpoints#${c.id}`)}</id>
    <title>Checkpoint ${c.id}: ${c.treeSize} entries</title>
    <updated>${c.signedAt}</updated>
    <link rel="alternate" href="${escape(`${appUrl}/log`)}"/>
    <content type="text">${escape(
      `Tree size ${c.treeSize}\nRoot hash (base64) ${c.rootHash}\nSigned ${c.signedAt} by key ${c.keyId}\n\nSigned note:\n${c.note}\nEd25519 signature (base64): ${c.signature}`,
    )}</content>
  </entry>`,
  );
  const feed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escape(`${appUrl}/log/checkpoints.atom`)}</id>
  <title>${escape(`Lodestone public record: signed checkpoints (${logOrigin()})`)}</title>
  <updated>${updated}</updated>
  <link rel="self" href="${escape(`${appUrl}/log/checkpoints.atom`)}"/>
  <link rel="alternate" href="${escape(`${appUrl}/log`)}"/>
  <author><name>Lodestone</name></author>
${entries.join("\n")}
</feed>
`;
  return new Response(feed, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "no-cache" },
  });
}
