#!/usr/bin/env bash
# Install the headless Chromium the browser tests drive (tests/web, marked `browser`).
#
# Idempotent: does nothing when /usr/bin/chromium already exists. Uses Debian's package only;
# Playwright's own browser download is never used (the machines have no network but the
# package registries). Runs as root (CI) or through sudo when available.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "install-browser.sh: need root (or sudo) to apt-get install chromium" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-dejavu-core
/usr/bin/chromium --version
