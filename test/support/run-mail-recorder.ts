// The recording Resend stand-in as its own process, for the end-to-end server.
import { startMailRecorder } from "./mail-recorder";

const port = Number(process.env.MAIL_RECORDER_PORT ?? 3101);
const recorder = await startMailRecorder(port);
console.log(`Mail recorder listening at ${recorder.url}`);
process.on("SIGTERM", () => void recorder.close().then(() => process.exit(0)));
process.on("SIGINT", () => void recorder.close().then(() => process.exit(0)));
