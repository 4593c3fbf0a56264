#!/usr/bin/env bash
# The import-boundary rule (eslint/boundaries.mjs) must fail on a violation, not only pass on
# clean code: plants one violation per zone in a temporary file, lints it, expects an error.
set -euo pipefail
cd "$(dirname "$0")/.."
planted=()
trap 'rm -f "${planted[@]}"' EXIT
check() { # file, import line, what it shows
  printf '%s\nexport const planted = x;\n' "$2" > "$1"
  planted+=("$1")
  # Failing is not enough (a config that does not load, or another rule, fails too): the boundary rule itself must report it.
  local report
  report=$(npx eslint --format json "$1" 2>/dev/null || true)
  if ! grep -qE '"ruleId":"(import/no-restricted-paths|no-restricted-imports)"' <<<"$report"; then
    echo "check-boundaries: the rule let through $3 ($1)" >&2
    exit 1
  fi
  rm -f "$1"
}
check lib/oauth/zz-planted-boundary.ts "import { sql as x } from 'drizzle-orm';" 'the engine importing drizzle-orm'
check lib/oauth/zz-planted-boundary.ts "import { getDb as x } from '@/lib/db/client';" 'the engine importing lib/db'
check lib/oauth/zz-planted-boundary.ts "import { auth as x } from '@/lib/auth';" 'the engine importing lib/auth'
check lib/oauth/zz-planted-boundary.ts "import { redirect as x } from 'next/navigation';" 'the engine importing next'
check lib/oauth/zz-planted-boundary.ts "import { registerApplication as x } from '@/lib/applications/service';" 'the engine importing the application service'
check components/zz-planted-boundary.ts "import { rotateSecret as x } from '@/lib/applications/service';" 'a component importing the application service'
check components/zz-planted-boundary.ts "import { isUuid as x } from '@/lib/db/dashboard';" 'a component importing lib/db'
mkdir -p app/zz-planted-boundary
check app/zz-planted-boundary/route.ts "import { getDb as x } from '@/lib/db/client';" 'a route handler importing lib/db'
rmdir app/zz-planted-boundary
echo "check-boundaries: every planted violation fails the lint"
