#!/usr/bin/env bash
# Adds a migration for every provider (SQLite, PostgreSQL, SQL Server), under one name, writes the creation scripts of
# a fresh database (Migrations/<provider>/Create.sql: every migration's SQL in one script, run by
# Migrations/CreationScript.cs), then regenerates the compiled models (scripts/compile-models.sh):
#   scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
scripts=$(cd "$(dirname "$0")" && pwd)
cd "$scripts/../src/RuleSuspension.Persistence"
dotnet tool restore >/dev/null
# The compiled models describe the old model: they go now and are generated again from the new one below.
rm -rf CompiledModels
for provider in Sqlite:SqliteRuleSuspensionDb PostgreSql:PostgresRuleSuspensionDb SqlServer:SqlServerRuleSuspensionDb; do
  dotnet ef migrations add "$name" --context "${provider#*:}" -o "Migrations/${provider%%:*}"
done
# SQL Server's database is created by EF's migrator (its script needs a client that splits batches): no script.
for provider in Sqlite:SqliteRuleSuspensionDb PostgreSql:PostgresRuleSuspensionDb; do
  dotnet ef migrations script --no-transactions --context "${provider#*:}" -o "Migrations/${provider%%:*}/Create.sql"
done
"$scripts/compile-models.sh"
