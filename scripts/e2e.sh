#!/usr/bin/env bash
# End-to-end tests: Playwright in Debian's Chromium against a production build.
set -euo pipefail
bash scripts/ensure-chromium.sh
if [ ! -f .next/BUILD_ID ] || [ "${E2E_BUILD:-1}" = "1" ]; then npx next build; fi
# The test server listens on 3100 unless that port is taken (another server left running).
if [ -z "${E2E_PORT:-}" ] && (exec 3<>/dev/tcp/127.0.0.1/3100) 2>/dev/null; then
  E2E_PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  export E2E_PORT
  echo "e2e: port 3100 is in use; testing on $E2E_PORT"
fi
# The shared server's request lines are kept in e2e-logs/ (playwright.config.ts), so the output is the
# tests; when a test fails, the end of that log is printed too.
if ! npx playwright test "$@"; then
  log="e2e-logs/server-${E2E_PORT:-3100}.log"
  if [ -f "$log" ]; then echo; echo "== last 60 lines of the test server's log ($log)"; tail -n 60 "$log"; fi
  exit 1
fi
