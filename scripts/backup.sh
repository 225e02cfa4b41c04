#!/usr/bin/env bash
# Back up Parley's PostgreSQL database (DATABASE_URL) to a custom-format dump.
# Usage: scripts/backup.sh [FILE]   (default: backups/parley-YYYYmmdd-HHMMSS.dump)
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL to the PostgreSQL database to back up}"
case "$DATABASE_URL" in
  postgres://*|postgresql://*) ;;
  *) echo "backup: DATABASE_URL is not PostgreSQL; copy the SQLite file instead" >&2; exit 2 ;;
esac
file="${1:-backups/parley-$(date -u +%Y%m%d-%H%M%S).dump}"
mkdir -p "$(dirname "$file")"
# Custom format: compressed, restorable table by table, and pg_restore can check it.
pg_dump --format=custom --no-owner --no-privileges --file="$file.partial" "$DATABASE_URL"
pg_restore --list "$file.partial" >/dev/null   # refuse to keep a dump that cannot be read back
mv "$file.partial" "$file"
echo "$file"
