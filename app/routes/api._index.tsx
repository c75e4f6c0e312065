// /api: the read API's reference for people, rendered on the server from the same OpenAPI document
// the API serves (so it cannot say something the API does not do). Works without JavaScript.
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";
import { env } from "~/env.server";
import { publicUrl } from "~/models/public-record/urls.server";
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, openApiDocument } from "~/schemas/public-pages.server";

export const meta: MetaFunction = () => [
  { title: "Public record API · Lodestone" },
  {
    name: "description",
    content: "Read Lodestone's whole public permitting record as JSON: projects, schedules, comments, responses.",
  },
];

type Parameter = {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { enum?: unknown[]; type?: unknown; maximum?: number; minimum?: number };
};
type Operation = {
  summary: string;
  description: string;
  tags: string[];
  parameters?: Parameter[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
};

const anchor = (path: string) =>
  "endpoint-" +
  path
    .replace(/^\/api\/v1\//, "")
    .replace(/[^a-z0-9]+/gi, "-")
    .replace(/-$/, "");

export async function loader() {
  const document = openApiDocument(publicUrl(""));
  const endpoints = Object.entries(document.paths ?? {}).map(([path, item]) => {
    const operation = (item as { get: Operation }).get;
    const [mediaType, content] = Object.entries(operation.responses["200"]?.content ?? {})[0] ?? ["", {}];
    return {
      path,
      anchor: anchor(path),
      tag: operation.tags[0] ?? "Other",
      summary: operation.summary,
      description: operation.description,
      mediaType,
      responseSchema: content.schema?.$ref?.split("/").pop() ?? null,
      parameters: (operation.parameters ?? []).map((p) => ({
        name: p.name,
        in: p.in,
        required: Boolean(p.required),
        description: p.description ?? "",
        values: p.schema?.enum?.map(String) ?? null,
      })),
    };
  });
  const tags = [...new Set(endpoints.map((e) => e.tag))];
  const { API_RATE_LIMIT, API_RATE_LIMIT_WINDOW_SECONDS } = env();
  return {
    endpoints,
    tags,
    origin: publicUrl(""),
    version: document.info.version,
    rateLimit: { quota: API_RATE_LIMIT, window: API_RATE_LIMIT_WINDOW_SECONDS },
    limits: { default: DEFAULT_PAGE_LIMIT, max: MAX_PAGE_LIMIT },
  };
}

export default function ApiReference() {
  const { endpoints, tags, origin, version, rateLimit, limits } = useLoaderData<typeof loader>();
  return (
    <div className="stack api-reference">
      <h1>Public record API</h1>
      <p>
        Everything public on Lodestone can be read as JSON, a whole docket at a time: projects, their review track and
        milestones, every date change and pause, comment periods, published comments, form-letter campaigns, official
        responses and the moderation log. No account or key is needed. Version {version}; the machine-readable
        description is <a href="/api/v1/openapi.json">the OpenAPI 3.1 document</a>.
      </p>

      <nav aria-labelledby="api-contents">
        <h2 id="api-contents">Contents</h2>
        <ul>
          <li>
            <a href="#rules">How the API behaves</a>
          </li>
          {tags.map((tag) => (
            <li key={tag}>
              {tag}
              <ul>
                {endpoints
                  .filter((e) => e.tag === tag)
                  .map((e) => (
                    <li key={e.path}>
                      <a href={`#${e.anchor}`}>{e.summary}</a>
                    </li>
                  ))}
              </ul>
            </li>
          ))}
          <li>
            <a href="#problems">Errors</a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="rules">
        <h2 id="rules">How the API behaves</h2>
        <dl className="api-rules">
          <dt>Read only, open to all</dt>
          <dd>
            Every endpoint answers <code>GET</code> (and <code>HEAD</code>), from any site: responses carry{" "}
            <code>Access-Control-Allow-Origin: *</code>. No cookie is read or set.
          </dd>
          <dt>Pages by cursor, with no end</dt>
          <dd>
            Collections return <code>{"{ data, next }"}</code>, in a stable order (projects by slug, everything else
            oldest first). Follow <code>next</code> (also sent as a <code>Link: rel=&quot;next&quot;</code> header)
            until it is <code>null</code>: there is no limit on how far you can page, and items added meanwhile never
            shift a page. <code>limit</code> sets the page size, {limits.default} by default, at most {limits.max}.
          </dd>
          <dt>Caching</dt>
          <dd>
            Every answer has an <code>ETag</code>; send it back in <code>If-None-Match</code> and an unchanged answer is
            a <code>304</code> with no body.
          </dd>
          <dt>Rate limit</dt>
          <dd>
            {rateLimit.quota} requests per {rateLimit.window} seconds per address (per /64 for IPv6). Each response says
            what is left in <code>RateLimit</code> and <code>RateLimit-Policy</code> (IETF draft); past the limit the
            answer is <code>429</code> with <code>Retry-After</code>.
          </dd>
          <dt>What is never here</dt>
          <dd>
            Confidential documents, unsubmitted permit packages, the text and names of hidden comments (they are listed
            as withheld, with the moderation reason), anyone&apos;s email or address, and the names of staff. The
            demo&apos;s fictional training project is left out unless you add <code>include_training=true</code>.
          </dd>
          <dt>Dates</dt>
          <dd>
            Instants are ISO 8601 in UTC. Milestone dates are written to their precision: <code>2026-03-14</code>,{" "}
            <code>2026-03</code> or <code>2026</code>, with <code>datePrecision</code> beside them.
          </dd>
        </dl>
        <p>For example, every lithium project in Nevada, 50 at a time:</p>
        <pre>
          <code>curl &apos;{origin}/api/v1/projects?state=NV&amp;commodity=lithium&amp;limit=50&apos;</code>
        </pre>
      </section>

      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag.replace(/\W+/g, "-")}`}>
          <h2 id={`tag-${tag.replace(/\W+/g, "-")}`}>{tag}</h2>
          {endpoints
            .filter((e) => e.tag === tag)
            .map((e) => (
              <article key={e.path} aria-labelledby={e.anchor} className="api-endpoint">
                <h3 id={e.anchor}>{e.summary}</h3>
                <p>
                  <code>GET {e.path}</code>
                </p>
                <p>{e.description}</p>
                {e.parameters.length > 0 ? (
                  <CardTable>
                    <caption>Parameters of {e.summary.toLowerCase()}</caption>
                    <CardHead>
                      <ColumnHeader>Name</ColumnHeader>
                      <ColumnHeader>In</ColumnHeader>
                      <ColumnHeader>Meaning</ColumnHeader>
                      <ColumnHeader>Values</ColumnHeader>
                    </CardHead>
                    <CardBody>
                      {e.parameters.map((p) => (
                        <CardRow key={`${p.in}-${p.name}`}>
                          <RowHeader>
                            <code>{p.name}</code>
                            {p.required ? " (required)" : ""}
                          </RowHeader>
                          <Cell label="In">{p.in}</Cell>
                          <Cell label="Meaning">{p.description}</Cell>
                          <Cell label="Values" className="api-values">
                            {p.values ? p.values.join(", ") : "—"}
                          </Cell>
                        </CardRow>
                      ))}
                    </CardBody>
                  </CardTable>
                ) : null}
                <p>
                  Answers <code>{e.mediaType}</code>
                  {e.responseSchema ? (
                    <>
                      {" "}
                      shaped as <code>{e.responseSchema}</code> in the OpenAPI document
                    </>
                  ) : null}
                  .
                </p>
              </article>
            ))}
        </section>
      ))}

      <section aria-labelledby="problems">
        <h2 id="problems">Errors</h2>
        <p>
          Errors are <code>application/problem+json</code> (RFC 9457): <code>type</code>, <code>title</code>,{" "}
          <code>status</code> and a <code>detail</code> written for a person.
        </p>
        <dl className="api-rules">
          <dt id="problem-bad-request">400: a parameter was refused</dt>
          <dd>
            <code>errors</code> names each parameter and why. A filter value the list does not know is refused rather
            than ignored, so you never get every project while believing you asked for some. A cursor must be used as
            given.
          </dd>
          <dt id="problem-not-found">404: nothing public here</dt>
          <dd>No such project, period or endpoint (or the training project without include_training=true).</dd>
          <dt id="problem-rate-limited">429: too many requests</dt>
          <dd>
            Wait the <code>Retry-After</code> seconds.
          </dd>
        </dl>
      </section>
    </div>
  );
}
