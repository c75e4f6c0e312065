// Ways to keep up with a project or a search outside Lodestone's pages: email, an Atom feed for a
// feed reader, a calendar file for a calendar app, and the data itself. Plain links: they work
// without JavaScript and open in whatever program the person's system gives the file to.
import { useT } from "~/i18n/react";
import type { RecordLinks } from "~/utils/open-record-links";

export type SubscribeLinksProps = {
  /** "this project" or "this search": completes each link's name for screen readers. */
  subject: string;
  links: RecordLinks;
  /** Where "Follow by email" goes; null when email is not offered here (a search). */
  followHref: string | null;
  dataLabel?: string;
};

export function SubscribeLinks({ subject, links, followHref, dataLabel }: SubscribeLinksProps) {
  const t = useT();
  const about = <span className="visually-hidden">{t("common.subscribeFor", { subject })}</span>;
  return (
    <ul className="subscribe-links" aria-label={t("common.subscribeLabel", { subject })}>
      {followHref ? (
        <li>
          <a href={followHref}>
            {t("common.followByEmail")}
            {about}
          </a>
        </li>
      ) : null}
      <li>
        <a href={links.feed} type="application/atom+xml">
          {t("common.atomFeed")}
          {about}
        </a>
      </li>
      <li>
        <a href={links.calendar} type="text/calendar">
          {t("common.addToCalendar")}
          {about}
        </a>
      </li>
      <li>
        <a href={links.data}>
          {dataLabel ?? t("common.downloadData")}
          {about}
        </a>
      </li>
    </ul>
  );
}

/** A `<link rel="alternate">` for the page's Atom feed, as a Remix meta descriptor. */
export function feedAlternate(href: string, title: string) {
  return { tagName: "link", rel: "alternate", type: "application/atom+xml", title, href } as const;
}
