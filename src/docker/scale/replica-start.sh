#!/bin/sh
# A streaming replica: on first start, a base backup of the primary (-R writes standby.signal and
# primary_conninfo); then PostgreSQL as a hot standby that replays the primary's WAL as it arrives.
set -e
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_basebackup -h "$PRIMARY_HOST" -U replicator -D "$PGDATA" -R -X stream --checkpoint=fast; do
    echo "waiting for the primary at $PRIMARY_HOST"; rm -rf "${PGDATA:?}"/*; sleep 2
  done
  chmod 0700 "$PGDATA"
fi
exec postgres -c hot_standby=on
