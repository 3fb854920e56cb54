#!/usr/bin/env bash
# Start a local PostgreSQL server for the store tests: install Debian's package when it is missing, start its
# cluster, and create the role `scp` and the database `scp_test` the tests connect to (SCP_TEST_DATABASE_URL).
# Without root (no apt-get, no su), the PostgreSQL tests are skipped, each saying why.
set -euo pipefail
if [ "$(id -u)" != 0 ]; then
  echo "setup_postgres: not root, PostgreSQL store tests will be skipped unless SCP_TEST_DATABASE_URL is set" >&2
  exit 0
fi
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null || {
    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null
  }
fi
read -r version cluster _ < <(pg_lsclusters --no-header | head -n 1) || true
if [ -z "${version:-}" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
  cluster=main
  pg_createcluster "$version" "$cluster" >/dev/null
fi
pg_ctlcluster "$version" "$cluster" start 2>/dev/null || pg_ctlcluster "$version" "$cluster" status >/dev/null
as_postgres() { su postgres -c "$1"; }
if ! as_postgres "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'scp'\"" | grep -q 1; then
  as_postgres "psql -q -c \"CREATE ROLE scp LOGIN CREATEDB PASSWORD 'scp'\""
fi
if ! as_postgres "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = 'scp_test'\"" | grep -q 1; then
  as_postgres "createdb -O scp scp_test"
fi
echo "setup_postgres: PostgreSQL $version ($cluster) running; tests use postgresql+psycopg://scp:scp@localhost:5432/scp_test" >&2
