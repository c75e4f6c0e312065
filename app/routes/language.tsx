// The language switch posts here from every page (a plain form: it works without JavaScript). The
// choice goes into a cookie (visitors) and, for a signed-in person, into their account, so their
// email follows it too; then back to the page they were reading.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { servesHttps } from "~/env.server";
import { languageCookie } from "~/i18n/locale.server";
import { saveLocale } from "~/models/account.server";
import { languageSchema } from "~/schemas/language";
import { getOptionalUser, safeRedirect } from "~/services/auth.server";
import { parseSubmission } from "~/utils/submission.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseSubmission(request, languageSchema);
  if (!parsed.ok) throw new Response("Choose English or Español.", { status: 400 });
  const user = await getOptionalUser(request);
  if (user) await saveLocale(user.id, parsed.data.locale);
  return redirect(safeRedirect(parsed.data.redirectTo), {
    headers: { "Set-Cookie": languageCookie(parsed.data.locale, servesHttps()) },
  });
}
