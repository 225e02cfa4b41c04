#!/usr/bin/env bash
# Restore a dump made by scripts/backup.sh into the PostgreSQL database DATABASE_URL.
# Usage: scripts/restore.sh FILE
# The target database must exist; whatever Parley tables it has are replaced by the dump's.
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL to the PostgreSQL database to restore into}"
file="${1:?usage: scripts/restore.sh FILE}"
[ -r "$file" ] || { echo "restore: cannot read $file" >&2; exit 2; }
case "$DATABASE_URL" in
  postgres://*|postgresql://*) ;;
  *) echo "restore: DATABASE_URL is not PostgreSQL" >&2; exit 2 ;;
esac
# One transaction: a failed restore leaves the database as it was, not half-restored.
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
  --dbname="$DATABASE_URL" "$file"
echo "restored $file"
