import { useRouteLoaderData } from "@remix-run/react";
import type { RootData } from "~/root";

export function FlashMessage() {
  const flash = useRouteLoaderData<RootData>("root")?.flash;
  if (!flash) return null;
  return (
    <div className={`flash flash--${flash.kind}`} role={flash.kind === "error" ? "alert" : "status"}>
      {flash.message}
    </div>
  );
}
