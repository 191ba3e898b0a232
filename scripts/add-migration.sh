#!/usr/bin/env bash
# Adds a migration for both providers: scripts/add-migration.sh NAME
# The EF design-time package cannot be a normal reference here; EfDesign=true brings it in for this command only.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/../src/RuleSuspension.Persistence"
dotnet tool restore >/dev/null
EfDesign=true dotnet ef migrations add "$name" --context SqliteRuleSuspensionDb -o Migrations/Sqlite
EfDesign=true dotnet ef migrations add "$name" --context PostgresRuleSuspensionDb -o Migrations/PostgreSql
