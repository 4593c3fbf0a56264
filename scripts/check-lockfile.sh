#!/usr/bin/env bash
# The committed lockfile must be complete: `npm ci` (CI, the Docker image) refuses one that lacks
# other platforms' optional packages ("Missing: @tailwindcss/oxide-… from lock file"). Asks npm to
# recompute the lockfile from package.json without installing, and fails if that would change it.
# Repair: `npm install` on this machine, then commit package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp package.json package-lock.json "$tmp/"
(cd "$tmp" && npm install --package-lock-only --ignore-scripts --no-audit --no-fund >/dev/null 2>&1)
if ! cmp -s package-lock.json "$tmp/package-lock.json"; then
  echo "check-lockfile: package-lock.json is incomplete or stale; run 'npm install' and commit package-lock.json" >&2
  exit 1
fi
echo "check-lockfile: package-lock.json is complete"
