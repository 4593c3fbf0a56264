#!/usr/bin/env bash
# End-to-end tests: Playwright in Debian's Chromium against a production build.
set -euo pipefail
bash scripts/ensure-chromium.sh
if [ ! -f .next/BUILD_ID ] || [ "${E2E_BUILD:-1}" = "1" ]; then npx next build; fi
npx playwright test "$@"
