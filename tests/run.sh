#!/usr/bin/env bash
# Runs every test of the repository and prints "N passed, N failed" from the real counts.
# Installs what the tests need first: Debian's chromium (browser tests), shellcheck, and Node.js/npm for the tests'
# own npm tools. Also lints the GitHub workflows with actionlint and the shell scripts with shellcheck; each check
# counts as one test. The TRX files go to $TEST_RESULTS_DIR (default tests/results/, ignored by git), where CI picks
# them up on a failure. Prints the 15 slowest tests and every failure with its message (tests/trx-summary.cjs); a
# test that runs for 5 minutes is stopped and fails the run (--blame-hang-timeout).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
command -v shellcheck >/dev/null 2>&1 || need+=(shellcheck)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} (Debian packages)..."
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The workflows in .github/workflows, linted with actionlint (pinned in tests/workflows/package-lock.json).
(cd tests/workflows && npm ci --no-audit --no-fund --loglevel=error)
set +e
node tests/workflows/lint.cjs
lint=$?
set -e

# The shell scripts of the benchmarks, the tests and the content workflow, linted with shellcheck (settings in .shellcheckrc).
set +e
shellcheck bench/*.sh tests/*.sh .ci/run .github/scripts/*.sh
shell_lint=$?
set -e

# Built first, so that the test projects run side by side: a test run that builds holds its build node, and a
# project that needs the same reference waits for it.
if ! dotnet build Almelo.Perspectief.sln; then
  echo "The build failed: see above."
  echo "0 passed, 1 failed"
  exit 1
fi

results=$(realpath -m "${TEST_RESULTS_DIR:-tests/results}")
mkdir -p "$results"
rm -f "$results"/*.trx # an earlier run's files would be counted again
set +e
dotnet test Almelo.Perspectief.sln --no-build --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" \
  --blame-hang-timeout 5m --blame-hang-dump-type none "$@"
status=$?
set -e

node tests/trx-summary.cjs "$results"

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]\+' || echo 0; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  skipped=$((skipped + $(count notExecuted)))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status (build error or a test host that crashed): see above."
fi
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "No test ran."
  status=1
fi
# count_check EXIT MESSAGE: a lint run counts as one test, failed with MESSAGE when it exited non-zero.
count_check() {
  if [ "$1" -ne 0 ]; then
    echo "$2"
    failed=$((failed + 1))
    status=1
  else
    passed=$((passed + 1))
  fi
}
count_check "$lint" "actionlint found problems in .github/workflows: see above."
count_check "$shell_lint" "shellcheck found problems in the shell scripts: see above."

line="$passed passed, $failed failed"
[ "$skipped" -eq 0 ] || line="$line, $skipped skipped"
echo "$line"
exit "$status"
