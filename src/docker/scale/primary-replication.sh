#!/bin/sh
# Runs once, when the primary's data directory is created: a role for streaming replication and the
# pg_hba.conf line that lets the replica connect with it. wal_level=replica and max_wal_senders=10 are
# PostgreSQL 15's defaults.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -c "CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '${CORRIDOR_REPLICATION_PASSWORD:-replication}'"
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
