#!/usr/bin/env node
// Container health check: GET $HEALTHCHECK_URL (default the API's /health) and exit 0 on a 2xx.
const url = process.env.HEALTHCHECK_URL || `http://127.0.0.1:${process.env.API_PORT || 8000}/health`;
try {
  const response = await fetch(url, { signal: AbortSignal.timeout(2500) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
