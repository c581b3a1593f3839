#!/usr/bin/env bash
# Runs every test project. Installs what the tests need when it is missing (Debian's chromium for the
# browser tests, git for the upgrade queue's), builds once, runs all tests, and ends with one line: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"

install_debian_packages() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing chromium for the browser tests..."
  install_debian_packages chromium || { echo "could not install chromium"; exit 1; }
fi

if ! command -v git >/dev/null 2>&1; then
  echo "Installing git for the upgrade queue's tests..."
  install_debian_packages git || { echo "could not install git"; exit 1; }
fi

configuration="${CONFIGURATION:-Release}"
if ! dotnet build Timmy.slnx -c "$configuration" -nologo -v quiet; then
  echo "0 passed, 1 failed"
  echo "build failed"
  exit 1
fi

log="$(mktemp)"
# One test project at a time: the browser tests time real pages, and on a small machine they share
# it badly with the unit tests' hosts.
dotnet test --solution Timmy.slnx -c "$configuration" --no-build --max-parallel-test-modules 1 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The totals below come from the test platform's own summary of the run.
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
skipped=$(grep -E '^\s+skipped: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
rm -f "$log"
if [ -z "$passed" ]; then
  echo "0 passed, 1 failed"
  echo "the test run ended without a summary (exit code $status)"
  exit 1
fi
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then
  failed=1
  echo "the test run failed (exit code $status) although no test reported a failure"
fi
line="$passed passed, ${failed:-0} failed"
[ "${skipped:-0}" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
exit "$status"
