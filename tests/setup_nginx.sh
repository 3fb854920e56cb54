#!/usr/bin/env bash
# Install Debian's nginx for the deployment tests (deploy/run.sh) when this machine allows it (root with apt-get).
# It never fails the run: without nginx the deployment tests are skipped and pytest says why. nginx is not started
# here: deploy/run.sh starts its own, as the user running it, with a configuration of its own in a temporary folder.
set -u
if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup_nginx: nginx is missing and cannot be installed here (needs root and apt-get); the deployment tests will be skipped." >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
install_nginx() { apt-get install -y -q --no-install-recommends nginx >/dev/null 2>&1; }
if ! install_nginx; then
  apt-get update -q >/dev/null 2>&1
  install_nginx || echo "setup_nginx: apt-get could not install nginx; the deployment tests will be skipped." >&2
fi
# Debian's package starts its own service on port 80 when it can; the tests and deploy/run.sh need none of it.
if [ -s /run/nginx.pid ]; then
  /usr/sbin/nginx -s quit >/dev/null 2>&1 || true
fi
exit 0
