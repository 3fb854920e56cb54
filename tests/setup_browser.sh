#!/usr/bin/env bash
# Install Debian's Chromium for the browser test when this machine allows it (root with apt-get).
# It never fails the run: without Chromium the browser test is skipped and pytest says why.
set -u
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup_browser: Chromium is missing and cannot be installed here (needs root and apt-get); the browser test will be skipped." >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y --no-install-recommends chromium >/dev/null 2>&1; then
  apt-get update >/dev/null 2>&1
  apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 \
    || echo "setup_browser: apt-get could not install Chromium; the browser test will be skipped." >&2
fi
exit 0
