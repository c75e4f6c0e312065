// Browsers ask for /favicon.ico on their own (for downloads, raw files and pages without <head>);
// the icon is the SVG in public/, linked from root.tsx. Without this route the catch-all answered 404.
export function loader() {
  return new Response(null, {
    status: 301,
    headers: { Location: "/favicon.svg", "Cache-Control": "public, max-age=86400" },
  });
}
