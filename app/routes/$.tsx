// Any address no route claims: a real 404 rendered by the shared error page.
import { notFound } from "~/utils/http.server";

export async function loader() {
  throw notFound();
}

export default function NotFound() {
  return null;
}
