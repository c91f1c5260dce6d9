#!/usr/bin/env bash
# The full test run: installs the test prerequisites (idempotent), builds, runs every test project,
# then prints one summary line "Tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-test-prereqs.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results=TestResults
rm -rf "$results"

dotnet build EdiGateway.sln -c Release --nologo -v q -clp:ErrorsOnly

status=0
dotnet test EdiGateway.sln -c Release --no-build --nologo -v q -m:1 \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" \
  -- RunConfiguration.TestSessionTimeout=1500000 || status=$?

passed=0 failed=0 skipped=0 total=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$((total + $(get total)))
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
echo
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$total" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit $status
