// The recording Resend stand-in as its own process, for the end-to-end server and benchmarks. They
// inspect and steer it over HTTP: GET|DELETE /__emails, POST|DELETE /__faults, POST /__rate-limit,
// GET /__stats, POST /__reset (see mail-recorder.ts).
import { startMailRecorder } from "./mail-recorder";

const port = Number(process.env.MAIL_RECORDER_PORT ?? 3101);
const recorder = await startMailRecorder(port);
console.log(`Mail recorder listening at ${recorder.url}`);
process.on("SIGTERM", () => void recorder.close().then(() => process.exit(0)));
process.on("SIGINT", () => void recorder.close().then(() => process.exit(0)));
