import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import { LOCALE_NAMES, LOCALES } from "~/i18n/locales";
import { useT } from "~/i18n/react";
import type { RootData } from "~/root";

// Navigation shows what the signed-in person can do; the flags come from the policy via the root loader.
export function SiteHeader() {
  const t = useT();
  const root = useRouteLoaderData<RootData>("root");
  const user = root?.user ?? null;
  // The confirmation page says itself what is left to do; a second, older instruction would contradict it.
  const onVerifyPage = useLocation().pathname === "/auth/verify";
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("layout.skipToMain")}
      </a>
      <div className="site-header__inner">
        <Link to="/" className="brand">
          {t("layout.brand")}
        </Link>
        <nav aria-label={t("layout.mainNav")}>
          <ul className="nav-list">
            {/* The record and the two ways to hold it to account: where schedules slip, how agencies keep them. */}
            <li>
              <NavLink to="/projects">{t("layout.projects")}</NavLink>
            </li>
            <li>
              <NavLink to="/schedule">{t("layout.scheduleSlips")}</NavLink>
            </li>
            <li>
              <NavLink to="/agencies">{t("layout.agencies")}</NavLink>
            </li>
            {root?.can.queue ? (
              <li>
                <NavLink to="/queue">{t("layout.reviewQueue")}</NavLink>
              </li>
            ) : null}
            {root?.can.dashboard ? (
              <li>
                <NavLink to="/dashboard">{t("layout.companyDashboard")}</NavLink>
              </li>
            ) : null}
            {root?.can.addProject ? (
              <li>
                <NavLink to="/projects/new">{t("layout.addProject")}</NavLink>
              </li>
            ) : null}
            {user ? (
              <>
                <li>
                  <NavLink to="/watchlists">{t("layout.watchlists")}</NavLink>
                </li>
                {user.organizations.length > 0 ? (
                  <li>
                    <NavLink to="/organizations">{t("layout.myOrganizations")}</NavLink>
                  </li>
                ) : null}
                {root?.can.admin ? (
                  <li>
                    <NavLink to="/admin">{t("layout.admin")}</NavLink>
                  </li>
                ) : null}
                <li>
                  <NavLink to="/notifications">
                    {user.unreadNotifications > 0 ? (
                      // Heard as one phrase; the hidden text is a whole name, so no stray space splits it.
                      <>
                        <span aria-hidden="true">
                          {t("layout.notificationsCount", { count: user.unreadNotifications })}
                        </span>
                        <span className="visually-hidden">
                          {t("layout.notificationsUnread", { count: user.unreadNotifications })}
                        </span>
                      </>
                    ) : (
                      t("layout.notifications")
                    )}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/account">{t("layout.account")}</NavLink>
                </li>
              </>
            ) : null}
          </ul>
        </nav>
        <div className="session">
          <LanguageSwitch />
          {user ? (
            <>
              <span className="session__who">
                {user.name} <span className="badge">{user.roles.join(", ")}</span>
              </span>
              <Form method="post" action="/auth/logout">
                <button type="submit" className="link-button">
                  {t("layout.signOut")}
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to="/auth/login">{t("layout.signIn")}</Link>
              <Link to="/auth/signup" className="button-link">
                {t("layout.createAccount")}
              </Link>
            </>
          )}
        </div>
      </div>
      {user && !user.emailVerified && !onVerifyPage ? (
        <div className="banner" role="status">
          {t.rich("layout.confirmEmail", {
            email: user.email,
            link: (children) => <Link to="/auth/verify">{children}</Link>,
          })}
        </div>
      ) : null}
    </header>
  );
}

/**
 * The other languages, each named in itself (and marked so a screen reader says it in that
 * language). A plain form: it works without JavaScript, saves the choice (cookie; the account too)
 * and comes back to this page.
 */
function LanguageSwitch() {
  const t = useT();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="language-switch" aria-label={t("layout.language")}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {LOCALES.filter((locale) => locale !== t.locale).map((locale) => (
        <button key={locale} type="submit" name="locale" value={locale} lang={locale} className="link-button">
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </Form>
  );
}

/**
 * Every public part of the record, signed in or not: the header names the pages people read; the
 * footer also has those for people who reuse the record (bulk data, the API, the verifiable log).
 * Plain links, so they work without JavaScript and on paper are left out (print.css).
 */
export function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <nav aria-label={t("layout.footerNav")}>
          <ul className="footer-links">
            <li>
              <Link to="/projects">{t("layout.projects")}</Link>
            </li>
            <li>
              <Link to="/schedule">{t("layout.scheduleSlips")}</Link>
            </li>
            <li>
              <Link to="/schedule/statutory">{t("layout.statutoryDeadlines")}</Link>
            </li>
            <li>
              <Link to="/agencies">{t("layout.agencyTrackRecords")}</Link>
            </li>
            <li>
              <Link to="/open-data">{t("layout.openData")}</Link>
            </li>
            <li>
              <Link to="/api">{t("layout.api")}</Link>
            </li>
            <li>
              <Link to="/log">{t("layout.verifiableRecord")}</Link>
            </li>
          </ul>
        </nav>
        <p>{t("layout.footerAbout")}</p>
      </div>
    </footer>
  );
}
