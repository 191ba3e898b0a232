#!/usr/bin/env bash
# Regenerates the EF compiled models of the three provider contexts (src/RuleSuspension.Persistence/CompiledModels):
# run after every change to the model (scripts/add-migration.sh runs it). The contexts find their compiled model by
# themselves; CompiledModelSpecs fails while a compiled model is out of date.
set -euo pipefail
cd "$(dirname "$0")/../src/RuleSuspension.Persistence"
dotnet tool restore >/dev/null
# The old models go first: one that no longer matches the entities would not even build.
rm -rf CompiledModels
dotnet build -c Debug >/dev/null
for provider in Sqlite:SqliteRuleSuspensionDb PostgreSql:PostgresRuleSuspensionDb SqlServer:SqlServerRuleSuspensionDb; do
  dotnet ef dbcontext optimize --no-build --context "${provider#*:}" \
    -o "CompiledModels/${provider%%:*}" -n "RuleSuspension.Persistence.CompiledModels.${provider%%:*}" >/dev/null
done
echo "Compiled models regenerated in src/RuleSuspension.Persistence/CompiledModels."
