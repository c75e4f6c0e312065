import { Form, Link } from "@remix-run/react";

/** Add to a watchlist, and open the record as it stood on a past date (a GET form: works without JavaScript). */
export function ProjectRecordTools({ slug, today }: { slug: string; today: string }) {
  return (
    <div className="record-tools">
      <Link to={`/watchlists/add?project=${encodeURIComponent(slug)}`}>Add to a watchlist</Link>
      <Form method="get" action={`/projects/${slug}`} className="inline-form">
        <label htmlFor="as-of-date">See the record as of</label>{" "}
        <input id="as-of-date" type="date" name="as_of" required max={today.slice(0, 10)} />{" "}
        <button type="submit" className="secondary">
          Show
        </button>
      </Form>
    </div>
  );
}
