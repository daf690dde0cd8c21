#!/bin/sh
# First start of the database: the owner role runs Settle's migrations and owns the tables; the application's role
# owns nothing, so it cannot switch off the audit trail's triggers (migration V25 grants it read and insert there).
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
create role settle_owner login password '$SETTLE_OWNER_PASSWORD';
create role settle_app login password '$SETTLE_APP_PASSWORD';
create database settle owner settle_owner;
SQL
