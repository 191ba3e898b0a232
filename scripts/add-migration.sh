#!/usr/bin/env bash
# Adds a migration for every provider (SQLite, PostgreSQL, SQL Server), under one name: scripts/add-migration.sh NAME
# The EF design-time package cannot be a normal reference here; EfDesign=true brings it in for this command only.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/../src/RuleSuspension.Persistence"
dotnet tool restore >/dev/null
for provider in Sqlite:SqliteRuleSuspensionDb PostgreSql:PostgresRuleSuspensionDb SqlServer:SqlServerRuleSuspensionDb; do
  EfDesign=true dotnet ef migrations add "$name" --context "${provider#*:}" -o "Migrations/${provider%%:*}"
done
