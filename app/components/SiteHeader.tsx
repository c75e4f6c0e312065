import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { RootData } from "~/root";

// Navigation shows what the signed-in person can do; the flags come from the policy via the root loader.
export function SiteHeader() {
  const root = useRouteLoaderData<RootData>("root");
  const user = root?.user ?? null;
  // The confirmation page says itself what is left to do; a second, older instruction would contradict it.
  const onVerifyPage = useLocation().pathname === "/auth/verify";
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <div className="site-header__inner">
        <Link to="/" className="brand">
          Lodestone
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            {/* The record and the two ways to hold it to account: where schedules slip, how agencies keep them. */}
            <li>
              <NavLink to="/projects">Projects</NavLink>
            </li>
            <li>
              <NavLink to="/schedule">Schedule slips</NavLink>
            </li>
            <li>
              <NavLink to="/agencies">Agencies</NavLink>
            </li>
            {root?.can.queue ? (
              <li>
                <NavLink to="/queue">Review queue</NavLink>
              </li>
            ) : null}
            {root?.can.dashboard ? (
              <li>
                <NavLink to="/dashboard">Company dashboard</NavLink>
              </li>
            ) : null}
            {root?.can.addProject ? (
              <li>
                <NavLink to="/projects/new">Add a project</NavLink>
              </li>
            ) : null}
            {user ? (
              <>
                <li>
                  <NavLink to="/watchlists">Watchlists</NavLink>
                </li>
                {user.organizations.length > 0 ? (
                  <li>
                    <NavLink to="/organizations">My organizations</NavLink>
                  </li>
                ) : null}
                {root?.can.admin ? (
                  <li>
                    <NavLink to="/admin">Admin</NavLink>
                  </li>
                ) : null}
                <li>
                  <NavLink to="/notifications">
                    {user.unreadNotifications > 0 ? (
                      // Heard as one phrase; the hidden text is a whole name, so no stray space splits it.
                      <>
                        <span aria-hidden="true">Notifications ({user.unreadNotifications})</span>
                        <span className="visually-hidden">Notifications, {user.unreadNotifications} unread</span>
                      </>
                    ) : (
                      "Notifications"
                    )}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/account">Account</NavLink>
                </li>
              </>
            ) : null}
          </ul>
        </nav>
        <div className="session">
          {user ? (
            <>
              <span className="session__who">
                {user.name} <span className="badge">{user.roles.join(", ")}</span>
              </span>
              <Form method="post" action="/auth/logout">
                <button type="submit" className="link-button">
                  Sign out
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to="/auth/login">Sign in</Link>
              <Link to="/auth/signup" className="button-link">
                Create account
              </Link>
            </>
          )}
        </div>
      </div>
      {user && !user.emailVerified && !onVerifyPage ? (
        <div className="banner" role="status">
          Please confirm your email address: we sent a link to {user.email}.{" "}
          <Link to="/auth/verify">Send it again</Link>
        </div>
      ) : null}
    </header>
  );
}

/**
 * Every public part of the record, signed in or not: the header names the pages people read; the
 * footer also has those for people who reuse the record (bulk data, the API, the verifiable log).
 * Plain links, so they work without JavaScript and on paper are left out (print.css).
 */
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <nav aria-label="The public record">
          <ul className="footer-links">
            <li>
              <Link to="/projects">Projects</Link>
            </li>
            <li>
              <Link to="/schedule">Schedule slips</Link>
            </li>
            <li>
              <Link to="/schedule/statutory">Statutory deadlines</Link>
            </li>
            <li>
              <Link to="/agencies">Agency track records</Link>
            </li>
            <li>
              <Link to="/open-data">Open data</Link>
            </li>
            <li>
              <Link to="/api">API</Link>
            </li>
            <li>
              <Link to="/log">Verifiable record</Link>
            </li>
          </ul>
        </nav>
        <p>
          Lodestone keeps the public permitting record of proposed U.S. mines. Dates come from public sources cited on
          each project; where a source gives only a month or a year, so do we.
        </p>
      </div>
    </footer>
  );
}
