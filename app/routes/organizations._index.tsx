import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/services/auth.server";
import { listMembershipsOf } from "~/models/organization.server";
import { ORGANIZATION_KIND_LABELS } from "~/models/organization.labels";

export const meta: MetaFunction = () => [{ title: "Your organizations · Lodestone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const memberships = await listMembershipsOf(user.id);
  return { memberships };
}

export default function MyOrganizations() {
  const { memberships } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Your organizations</h1>
      {memberships.length === 0 ? (
        <p>
          You are not a member of any organization. Company and agency staff join by invitation from an owner or an
          administrator.
        </p>
      ) : (
        <ul>
          {memberships.map((m) => (
            <li key={m.organization.slug}>
              <Link to={`/organizations/${m.organization.slug}`}>{m.organization.name}</Link> (
              {ORGANIZATION_KIND_LABELS[m.organization.kind]}, {m.role === "OWNER" ? "owner" : "member"})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
