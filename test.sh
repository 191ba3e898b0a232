#!/usr/bin/env bash
# Runs every test of RuleSuspension, on a fresh Debian machine too: installs what is missing (PostgreSQL from
# Debian when run as root), starts a throwaway PostgreSQL, builds, runs every test project (the integration
# tests on SQLite and again on PostgreSQL, and a third time on SQL Server when RS_TEST_SQLSERVER names one: none can
# run on our machines) and ends with a line saying whether SQL Server was tested, then one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

RESULTS=artifacts/test-results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
# Test projects that talk to the database run twice: on SQLite and on PostgreSQL (and on SQL Server, below).
DATABASE_PROJECTS="RuleSuspension.Persistence.Tests RuleSuspension.Server.Tests RuleSuspension.Application.Tests"
# Test projects that need a database server (a cluster of server processes) run on PostgreSQL (and SQL Server).
SERVER_DATABASE_PROJECTS="RuleSuspension.Scheduling.Tests"
# A SQL Server to run the database projects on as well, e.g. "Server=host,1433;User ID=sa;Password=...;TrustServerCertificate=True"
# (each test creates and drops a database of its own on it).
SQLSERVER=${RS_TEST_SQLSERVER:-}
sqlserver_runs=0

passed=0
failed=0
step() { printf '\n== %s\n' "$*"; }
finish() {
  scripts/postgres.sh stop
  echo
  if [ "$sqlserver_runs" -gt 0 ]; then
    echo "SQL Server: tested ($sqlserver_runs test project runs on the server RS_TEST_SQLSERVER names)."
  else
    echo "SQL Server: not tested (no RS_TEST_SQLSERVER given); its T-SQL and model checks ran without a server."
  fi
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

step "Debian packages"
# What the tests need from Debian: chromium for the browser tests (never a downloaded browser), docker-compose to
# check the compose file. PostgreSQL is seen to by scripts/postgres.sh. Installed only as root, lists refreshed only
# when an install fails on stale ones.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" -eq 0 ]; then
  echo "installing ${missing[*]}"
  apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1; }
fi
if [ -x /usr/bin/chromium ]; then /usr/bin/chromium --version 2>/dev/null | head -1; else echo "chromium is missing: the browser tests will fail." >&2; fi

step "PostgreSQL"
if ! PG=$(scripts/postgres.sh start); then
  echo "Could not start PostgreSQL." >&2
  failed=1; finish
fi
echo "started on ${PG%%;Username*}"

step "Web console"
# The console builds with npm (the server's build runs it too); its packages are installed once here.
WEB=src/RuleSuspension.Web
if [ ! -d "$WEB/node_modules" ] || [ "$WEB/package-lock.json" -nt "$WEB/node_modules/.package-lock.json" ]; then
  (cd "$WEB" && npm ci --no-audit --no-fund >/dev/null) || echo "npm ci failed in $WEB." >&2
fi
# Type check and the console's unit tests (vitest): not in the TRX totals; a failure counts as one.
if (cd "$WEB" && npm run --silent typecheck && npx vitest run --reporter=dot >"../../$RESULTS/web-console.log" 2>&1); then
  echo "   type check and vitest passed"
else
  echo "The web console's type check or vitest failed (see $RESULTS/web-console.log)." >&2
  failed=$((failed + 1))
fi

step "Build"
if ! dotnet build RuleSuspension.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "The build failed." >&2
  failed=1; finish
fi

# Adds the counters of a TRX file to the totals; a run that left no TRX counts as one failure.
count() {
  local trx=$1 counters
  counters=$(grep -o '<Counters [^>]*>' "$trx" 2>/dev/null | head -1)
  if [ -z "$counters" ]; then
    echo "No results in $trx: the test run crashed." >&2
    failed=$((failed + 1)); return
  fi
  local p f
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + p)); failed=$((failed + f))
  echo "   $p passed, $f failed"
}

run() {
  local project=$1 label=$2; shift 2
  [[ "$label" != *.SqlServer ]] || sqlserver_runs=$((sqlserver_runs + 1))
  step "$label"
  env "$@" dotnet test "tests/$project/$project.csproj" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$label.trx" --logger "console;verbosity=minimal" \
    --results-directory "$RESULTS" --blame-hang-timeout 5m >"$RESULTS/$label.log" 2>&1
  # Each failure with the first lines of its message, so a CI log says what broke without the TRX file.
  awk '/^[[:space:]]+Failed /{print; n=0; next} /Error Message:/{print; n=4; next} n>0{print; n--}' "$RESULTS/$label.log" | head -60
  count "$RESULTS/$label.trx"
}

# The compose files (PostgreSQL or SQL Server, with two nodes) must parse: one counted check each where the client exists.
step "docker-compose"
if command -v docker-compose >/dev/null 2>&1; then
  for file in docker-compose.yml docker-compose.sqlserver.yml; do
    if POSTGRES_PASSWORD=check MSSQL_SA_PASSWORD=Check-1234 docker-compose -f "$file" config -q; then
      passed=$((passed + 1)); echo "   $file parses"
    else
      failed=$((failed + 1)); echo "   docker-compose config failed on $file" >&2
    fi
  done
else
  echo "   docker-compose is not available here: not checked"
fi

for csproj in tests/*.Tests/*.Tests.csproj; do
  project=$(basename "$csproj" .csproj)
  if [[ " $DATABASE_PROJECTS " == *" $project "* ]]; then
    run "$project" "$project.Sqlite" RS_TEST_DATABASE=Sqlite
    run "$project" "$project.PostgreSql" RS_TEST_DATABASE=PostgreSql "RS_TEST_POSTGRES=$PG"
    [ -z "$SQLSERVER" ] || run "$project" "$project.SqlServer" RS_TEST_DATABASE=SqlServer "RS_TEST_SQLSERVER=$SQLSERVER"
  elif [[ " $SERVER_DATABASE_PROJECTS " == *" $project "* ]]; then
    run "$project" "$project" RS_TEST_DATABASE=PostgreSql "RS_TEST_POSTGRES=$PG"
    [ -z "$SQLSERVER" ] || run "$project" "$project.SqlServer" RS_TEST_DATABASE=SqlServer "RS_TEST_SQLSERVER=$SQLSERVER"
  else
    run "$project" "$project" RS_TEST_DATABASE=Sqlite
  fi
done

finish
