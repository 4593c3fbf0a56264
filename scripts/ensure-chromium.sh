#!/usr/bin/env bash
# Playwright cannot download browsers here; it uses Debian's Chromium. Install it when missing
# (as root, with apt-get), or say exactly what to install.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "e2e: installing Debian's chromium (apt-get install -y chromium)..."
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "e2e: Chromium is missing: run 'sudo apt-get install -y chromium' (Playwright uses /usr/bin/chromium)" >&2
exit 1
