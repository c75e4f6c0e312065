// Top functions by self time in a V8 CPU profile (`node --cpu-prof`), as bench/README.md reports
// them: `tsx bench/cpu-profile-summary.ts FILE.cpuprofile [rows]`. Idle and garbage collection are
// listed as V8 names them ("(idle)", "(garbage collector)").
import { readFileSync } from "node:fs";
import path from "node:path";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

// Piped into `head`, stop quietly when it has read enough.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const [file, rowsArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: tsx bench/cpu-profile-summary.ts FILE.cpuprofile [rows]");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMicros = new Map<number, number>();
profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

/** Where a function lives, short: a package name or a path inside the project. */
function place(url: string): string {
  if (!url) return "";
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (packageMatch) return packageMatch[1];
  if (url.startsWith("node:")) return url;
  return path.relative(process.cwd(), url.replace(/^file:\/\//, ""));
}

const totals = new Map<string, number>();
for (const [id, micros] of selfMicros) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const where = place(url);
  const key = `${functionName || "(anonymous)"}${where ? `  ${where}:${lineNumber + 1}` : ""}`;
  totals.set(key, (totals.get(key) ?? 0) + micros);
}
const all = [...totals.values()].reduce((a, b) => a + b, 0);
const busy = all - (totals.get("(idle)") ?? 0);
console.log(`${file}: ${(all / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy`);
console.log("self ms   % busy  function");
for (const [key, micros] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(rowsArg ?? 30))) {
  if (key === "(idle)") continue;
  console.log(`${(micros / 1000).toFixed(0).padStart(7)}  ${((micros / busy) * 100).toFixed(1).padStart(5)}%  ${key}`);
}

// By package (or project folder): which part of the stack the busy time is spent in.
const byPlace = new Map<string, number>();
for (const [id, micros] of selfMicros) {
  const { functionName, url } = byId.get(id)!.callFrame;
  if (functionName === "(idle)") continue;
  const where = place(url);
  const group = where.startsWith("build/") || where.startsWith("app/") ? where.split("/")[0] : where || functionName;
  byPlace.set(group, (byPlace.get(group) ?? 0) + micros);
}
console.log("\nself ms   % busy  package or folder");
for (const [group, micros] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(
    `${(micros / 1000).toFixed(0).padStart(7)}  ${((micros / busy) * 100).toFixed(1).padStart(5)}%  ${group}`,
  );
}
