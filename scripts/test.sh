#!/usr/bin/env bash
# `npm test`: every check the project has. Type check, lint, unit and integration tests
# (on the embedded database, and on PostgreSQL too when TEST_DATABASE_URL is set), then e2e.
set -euo pipefail
step() { printf '\n== %s\n' "$*"; }
step "type check"; npx tsc --noEmit
step "lint (with the import boundaries, eslint/boundaries.mjs)"; npx eslint . --max-warnings=0
step "the boundary rule fails on planted violations"; bash scripts/check-boundaries.sh
step "unit tests"; npx vitest run --project unit
step "integration tests on PGlite (embedded)"; env -u TEST_DATABASE_URL npx vitest run --project db
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "integration tests on PostgreSQL ($TEST_DATABASE_URL)"; npx vitest run --project db
else
  echo "(TEST_DATABASE_URL unset: integration tests ran on PGlite only; .ci/run also runs them on PostgreSQL)"
fi
step "end-to-end tests (Playwright, Chromium)"; bash scripts/e2e.sh
step "crash safety: the embedded database after SIGKILL (scripts/crash-test-embedded.mjs)"; node scripts/crash-test-embedded.mjs
step "crash safety: SIGKILL and SIGTERM under load on PostgreSQL (scripts/crash-test.mjs)"
if [ -n "${TEST_DATABASE_URL:-}" ]; then node scripts/crash-test.mjs; else echo "(TEST_DATABASE_URL unset: skipped; .ci/run runs it)"; fi
