// What a printed page says about itself: where it came from and when. Hidden on screen
// (`.print-only`); app/styles/print.css shows it on paper. The time is the page's render time,
// moved to the moment of printing when JavaScript runs (the browser's `beforeprint` event).
import { useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useT } from "~/i18n/react";
import { formatEventTime } from "~/utils/dates";

export function PrintStamp({ origin, renderedAt }: { origin: string; renderedAt: string }) {
  const { pathname, search } = useLocation();
  const t = useT();
  const [printedAt, setPrintedAt] = useState(renderedAt);
  useEffect(() => {
    const stamp = () => setPrintedAt(new Date().toISOString());
    window.addEventListener("beforeprint", stamp);
    return () => window.removeEventListener("beforeprint", stamp);
  }, []);
  const address = `${origin.replace(/\/$/, "")}${pathname}${search}`;
  return (
    <p className="print-only print-stamp">
      {t.rich("layout.printedFrom", {
        address,
        when: (children) => <time dateTime={printedAt}>{children}</time>,
        time: formatEventTime(printedAt, "UTC", t.intl),
      })}
    </p>
  );
}
