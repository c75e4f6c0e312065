// "Cite this": the record's title, agency, date, stable URL and the day it was read, with the whole
// citation as plain text to select and copy. A <details> element: opens without JavaScript.
import { useId } from "react";
import { citationText, type Citation } from "~/utils/citation";

export function CiteBox({
  citation,
  label,
  noAgency = "No lead agency recorded",
}: {
  citation: Citation;
  label: string;
  /** What the Agency line says when the citation has none (a chart of every agency). */
  noAgency?: string;
}) {
  const id = useId();
  const text = citationText(citation);
  return (
    <details className="cite-box">
      <summary>Cite {label}</summary>
      <dl className="facts">
        <dt>Title</dt>
        <dd>{citation.title}</dd>
        <dt>Agency</dt>
        <dd>{citation.agency ?? noAgency}</dd>
        {citation.date ? (
          <>
            <dt>Date</dt>
            <dd>{citation.date}</dd>
          </>
        ) : null}
        <dt>Stable address</dt>
        <dd>
          <a href={citation.url}>{citation.url}</a>
        </dd>
        <dt>Accessed</dt>
        <dd>{citation.accessed}</dd>
      </dl>
      <label htmlFor={`${id}-text`}>Citation (plain text, select it to copy)</label>
      <textarea id={`${id}-text`} readOnly rows={3} className="cite-box__text" value={text} />
    </details>
  );
}
