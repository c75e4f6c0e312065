// A link to an address someone typed in (a project's website, a milestone's source). Anything
// but an absolute http(s) URL is shown as plain text, never as a link: a row stored before the
// input check, or edited by hand, cannot turn a click into script (see ~/utils/urls).
import type { ReactNode } from "react";
import { safeHref } from "~/utils/urls";

export function ExternalLink({
  href,
  children,
  "aria-label": ariaLabel,
}: {
  href: string;
  children: ReactNode;
  "aria-label"?: string;
}) {
  const target = safeHref(href);
  if (!target) return <span>{children}</span>;
  return (
    <a href={target} aria-label={ariaLabel} rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** A table cell's "source" link to a public record, or a dash when none is known. */
export function SourceLink({ url, label }: { url: string | null; label: string }) {
  if (!url) return <>—</>;
  return (
    <ExternalLink href={url} aria-label={label}>
      source
    </ExternalLink>
  );
}
