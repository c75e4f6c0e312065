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
            <li>
              <NavLink to="/projects">Projects</NavLink>
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

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        Lodestone keeps the public permitting record of proposed U.S. mines. Dates come from public sources cited on
        each project; where a source gives only a month or a year, so do we.
      </p>
    </footer>
  );
}
