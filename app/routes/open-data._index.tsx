// The bulk downloads: every dataset with its data dictionary, row count, size, SHA-256 and the
// time the files were generated. Server-rendered; the dictionaries open with <details>, no script.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DATASETS } from "~/models/open-data/datasets.server";
import { formatBytes } from "~/utils/format";
import { CEQ_NAME, currentRelease, DICTIONARY_NAMES, MANIFEST_NAME, ZIP_NAME } from "~/services/open-data.server";
import { formatEventTime } from "~/utils/dates";
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";

export const meta: MetaFunction = () => [
  { title: "Open data: bulk downloads · Lodestone" },
  {
    name: "description",
    content: "The whole public permitting record as CSV, JSON, CEQ NEPA data standard and one ZIP.",
  },
];

export async function loader(_args: LoaderFunctionArgs) {
  const release = await currentRelease();
  const file = (name: string) => {
    const found = release?.files.find((f) => f.name === name);
    return found ? { name: found.name, bytes: found.bytes, sha256: found.sha256, rows: found.rowCount } : null;
  };
  return {
    generatedAt: release ? formatEventTime(release.generatedAt, "UTC") : null,
    generatedAtIso: release?.generatedAt.toISOString() ?? null,
    zip: file(ZIP_NAME),
    ceq: file(CEQ_NAME),
    manifest: file(MANIFEST_NAME),
    dictionary: { csv: file(DICTIONARY_NAMES.csv), json: file(DICTIONARY_NAMES.json) },
    datasets: DATASETS.map((d) => ({
      key: d.key,
      title: d.title,
      description: d.description,
      columns: d.columns,
      csv: file(`${d.key}.csv`),
      json: file(`${d.key}.json`),
    })),
  };
}

type FileInfo = { name: string; bytes: number; sha256: string; rows: number | null };

function Download({ file, label }: { file: FileInfo; label: string }) {
  return (
    <>
      <a href={`/open-data/${file.name}`} download>
        {label}
      </a>{" "}
      ({formatBytes(file.bytes)})
    </>
  );
}

function Sha({ file }: { file: FileInfo }) {
  return <code className="sha256">{file.sha256}</code>;
}

export default function OpenData() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Open data</h1>
      <p>
        The whole public record on Lodestone, for anyone to download and reuse: every project, milestone, date change,
        stage transition, pause, comment period, comment, campaign, official response and moderation decision. Nothing
        confidential, draft or hidden is in these files, and no one&apos;s email or address: a hidden comment is listed
        as withheld, so the totals still add up. The fictional training project is left out.
      </p>
      {!data.generatedAt || !data.zip ? (
        <p className="flash flash--info" role="status">
          The files are being prepared. They are written in the background within a few minutes of the app starting;
          reload this page in a little while.
        </p>
      ) : (
        <>
          <section aria-labelledby="everything">
            <h2 id="everything">Everything in one file</h2>
            <p>
              Generated <time dateTime={data.generatedAtIso ?? undefined}>{data.generatedAt}</time>. The files are
              written again within ten minutes of any change to the record.
            </p>
            <ul>
              <li>
                <Download file={data.zip} label="All datasets, CSV and JSON, with the data dictionary (ZIP)" />, SHA-256{" "}
                <Sha file={data.zip} />
              </li>
              {data.ceq ? (
                <li id="ceq">
                  <Download file={data.ceq} label="The whole record in CEQ's NEPA data standard (JSON)" />,{" "}
                  {data.ceq.rows} records, SHA-256 <Sha file={data.ceq} />. How Lodestone&apos;s record maps to the
                  standard, and the extension fields it adds under <code>other</code>, is described in{" "}
                  <code>docs/open-data-ceq-mapping.md</code> in Lodestone&apos;s source code. One project&apos;s record:{" "}
                  <code>/api/v1/projects/&lt;project&gt;/ceq</code>.
                </li>
              ) : null}
              {data.dictionary.csv && data.dictionary.json ? (
                <li>
                  Data dictionary: <Download file={data.dictionary.csv} label="CSV" />,{" "}
                  <Download file={data.dictionary.json} label="JSON" />
                </li>
              ) : null}
              {data.manifest ? (
                <li>
                  <Download file={data.manifest} label="Manifest" /> (every file with its rows, size and SHA-256)
                </li>
              ) : null}
            </ul>
          </section>

          <section aria-labelledby="datasets">
            <h2 id="datasets">Datasets</h2>
            <p>
              Each dataset comes as CSV (UTF-8, a header row, spreadsheet-safe) and as JSON (the columns, then the rows
              as objects). Dates the record knows only to a month or a year are written <code>2021-01</code> or{" "}
              <code>2013</code>. <code>milestones.csv</code> uses the Federal Permitting Dashboard&apos;s column names.
            </p>
            <CardTable className="open-data-table">
              <caption>Datasets of the release generated {data.generatedAt}</caption>
              <CardHead>
                <ColumnHeader>Dataset</ColumnHeader>
                <ColumnHeader>Rows</ColumnHeader>
                <ColumnHeader>CSV</ColumnHeader>
                <ColumnHeader>JSON</ColumnHeader>
              </CardHead>
              <CardBody>
                {data.datasets.map((d) => (
                  <CardRow key={d.key}>
                    <RowHeader>
                      <a href={`#dictionary-${d.key}`}>{d.title}</a>
                    </RowHeader>
                    <Cell label="Rows">{d.csv?.rows ?? "—"}</Cell>
                    <Cell label="CSV">
                      {d.csv ? (
                        <>
                          <Download file={d.csv} label={`${d.key}.csv`} />
                          <br />
                          SHA-256 <Sha file={d.csv} />
                        </>
                      ) : (
                        "Not in this release"
                      )}
                    </Cell>
                    <Cell label="JSON">
                      {d.json ? (
                        <>
                          <Download file={d.json} label={`${d.key}.json`} />
                          <br />
                          SHA-256 <Sha file={d.json} />
                        </>
                      ) : (
                        "Not in this release"
                      )}
                    </Cell>
                  </CardRow>
                ))}
              </CardBody>
            </CardTable>
          </section>
        </>
      )}

      <section aria-labelledby="dictionary">
        <h2 id="dictionary">Data dictionary</h2>
        {data.datasets.map((d) => (
          <details key={d.key} id={`dictionary-${d.key}`}>
            <summary>
              {d.title} ({d.columns.length} columns)
            </summary>
            <p>{d.description}</p>
            <CardTable className="open-data-table">
              <caption>Columns of {d.key}</caption>
              <CardHead>
                <ColumnHeader>Column</ColumnHeader>
                <ColumnHeader>Type</ColumnHeader>
                <ColumnHeader>Meaning</ColumnHeader>
              </CardHead>
              <CardBody>
                {d.columns.map((column) => (
                  <CardRow key={column.name}>
                    <RowHeader>
                      <code>{column.name}</code>
                    </RowHeader>
                    <Cell label="Type">{column.type}</Cell>
                    <Cell label="Meaning">{column.description}</Cell>
                  </CardRow>
                ))}
              </CardBody>
            </CardTable>
          </details>
        ))}
      </section>
      <p>
        Looking for one project? Find it among the <Link to="/projects">projects</Link>; its record in the CEQ standard
        is at <code>/api/v1/projects/&lt;project&gt;/ceq</code>, where &lt;project&gt; is the last part of its address.
      </p>
    </div>
  );
}
