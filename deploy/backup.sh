#!/bin/sh
# One backup of the store (SQLite or PostgreSQL, as the server's environment says) into
# BEWAAR_BACKUP_DIR, named by its UTC time; then only the newest BEWAAR_BACKUP_KEEP are kept.
set -eu
dir="${BEWAAR_BACKUP_DIR:-/var/backups/bewaar}"
keep="${BEWAAR_BACKUP_KEEP:-48}"
case "${DATABASE_URL:-}" in
  postgres://* | postgresql://*) ext=dump ;;
  *) ext=sqlite ;;
esac
cd "$(dirname "$0")/.."
# The command checks the copy before it gets its name and exits non-zero when it could not.
node --import tsx server/cli.ts backup "$dir/bewaar-$(date -u +%Y%m%dT%H%M%SZ).$ext"
# Newest first; only files of this script's own naming are ever removed.
ls -1t "$dir"/bewaar-*."$ext" | tail -n +"$((keep + 1))" | while read -r old; do
  rm -f -- "$old"
done
