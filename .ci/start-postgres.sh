#!/usr/bin/env bash
# Starts the machine's PostgreSQL (installing it from Debian where missing) and makes the CI role and
# database. Idempotent: safe to run when it is already up.
set -euo pipefail
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
cluster=$(pg_lsclusters --no-header | head -n1)
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n1)
  pg_createcluster "$version" main >/dev/null
  cluster=$(pg_lsclusters --no-header | head -n1)
fi
read -r version name port status _ <<<"$cluster"
[ "$status" = "online" ] || pg_ctlcluster "$version" "$name" start
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
as_pg() { su postgres -c "$1"; }
as_pg "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='knooppunt'\"" | grep -q 1 \
  || as_pg "psql -qc \"CREATE ROLE knooppunt LOGIN PASSWORD 'knooppunt' CREATEDB\""
as_pg "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='knooppunt_ci'\"" | grep -q 1 \
  || as_pg "createdb -O knooppunt knooppunt_ci"
echo "PostgreSQL $version on port $port is up"
