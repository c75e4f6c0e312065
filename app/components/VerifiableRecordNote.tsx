import { Link } from "@remix-run/react";

/** One line under a project's heading: its public history is in the signed log, and what that means. */
export function VerifiableRecordNote() {
  return (
    <p className="muted">
      This record is verifiable: every public change to it is kept in a signed, append-only log that anyone can check.{" "}
      <Link to="/log">What that means</Link>
    </p>
  );
}
