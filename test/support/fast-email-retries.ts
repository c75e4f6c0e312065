// Import first (before any app module): fast retries and a short request timeout, so the failures
// a test injects at the mail recorder resolve within the test. env() reads them on first use.
process.env.EMAIL_RETRY_BASE_MS = "20";
process.env.EMAIL_RETRY_MAX_MS = "200";
process.env.EMAIL_REQUEST_TIMEOUT_MS = "1500";
process.env.EMAIL_SEND_ATTEMPTS = "12";
