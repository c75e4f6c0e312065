// Where a process's CPU time went, from a V8 `.cpuprofile` (node --cpu-prof): self time summed by
// function and by where the code lives (a package in node_modules, the app, Node itself, GC, idle).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};
type Profile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

function placeOf(url: string, name: string): string {
  if (name === "(garbage collector)") return "GC";
  if (name === "(idle)") return "idle";
  if (name === "(program)") return "(program: native, not attributed)";
  if (!url) return "native / V8";
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  if (url.startsWith("node:")) return "node internals";
  if (url.includes("/build/")) return "app (Remix build)";
  if (url.includes("/app/") || url.includes("/scripts/")) return "app";
  return url;
}

export type ProfileSummary = {
  file: string;
  seconds: number;
  busyShare: number;
  byPlace: [string, number][];
  byFunction: [string, number][];
};

export function summarizeProfile(file: string, top = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    selfMs.set(profile.samples[i], (selfMs.get(profile.samples[i]) ?? 0) + delta);
  }
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    total += ms;
    const place = placeOf(frame.url, frame.functionName);
    if (place === "idle") idle += ms;
    places.set(place, (places.get(place) ?? 0) + ms);
    const where = frame.url ? `${path.basename(frame.url.split("?")[0])}:${frame.lineNumber + 1}` : "";
    const name = `${frame.functionName || "(anonymous)"} ${where} [${place}]`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
  }
  const busy = total - idle;
  const share = (entries: Map<string, number>) =>
    [...entries.entries()]
      .filter(([name]) => name !== "idle" && !name.startsWith("(idle)"))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => [name, Math.round((ms / Math.max(1, busy)) * 1000) / 10] as [string, number]);
  return {
    file: path.basename(file),
    seconds: Math.round(total / 100) / 10,
    busyShare: Math.round((busy / Math.max(1, total)) * 1000) / 1000,
    byPlace: share(places),
    byFunction: share(functions),
  };
}

export function summarizeProfiles(dir: string, top = 20): ProfileSummary[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".cpuprofile"))
    .map((name) => summarizeProfile(path.join(dir, name), top));
}

// `npx tsx bench/support/cpu-profile.ts <dir or file>` prints the summary of profiles already written.
if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const target = process.argv[2];
  if (!target) throw new Error("usage: cpu-profile.ts <.cpuprofile file or folder>");
  const summaries = target.endsWith(".cpuprofile") ? [summarizeProfile(target, 30)] : summarizeProfiles(target, 30);
  console.log(JSON.stringify(summaries, null, 2));
}
