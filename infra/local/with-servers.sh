#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2016 # finish runs from a trap; the node program is meant to be literal
# Runs vitest (both projects) against freshly started real servers, always stops them, and ends with
# one plain line "N passed, N failed" (CI reads it). Usage: with-servers.sh [vitest] [VITEST ARGS...]
# Default: `vitest run`. Exits with vitest's exit code (1 when the servers could not start).
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
BASE_DIR=${STATE_DIR:-$REPO/.infra}
# A state dir of its own, so concurrent runs in one checkout (or servers someone started by hand
# with servers.sh) never share, reuse or stop each other's servers.
export STATE_DIR=$BASE_DIR/run-$$
REPORT=$STATE_DIR/vitest.json
cd "$REPO" || exit 1

args=("$@")
if [[ ${args[0]:-} == vitest ]]; then args=("${args[@]:1}"); fi
if ((${#args[@]} == 0)); then args=(run); fi

# Prints the closing line from vitest's JSON report; a run that reported nothing counts as one failure.
summary() {
  local code=$1
  node -e '
    const fs = require("node:fs");
    const [file, code] = [process.argv[1], Number(process.argv[2])];
    let passed = 0;
    let failed = 1;
    try {
      const r = JSON.parse(fs.readFileSync(file, "utf8"));
      passed = r.numPassedTests ?? 0;
      failed = r.numFailedTests ?? 0;
      // A file that fails to load fails the run without failing a test: count it.
      if (code !== 0 && failed === 0) failed = Math.max(1, r.numFailedTestSuites ?? 0);
    } catch {}
    console.log(`${passed} passed, ${failed} failed`);
  ' "$REPORT" "$code" || echo "0 passed, 1 failed"
}

rc=1
vitest_pid=
finish() {
  trap - EXIT INT TERM
  if [[ -n $vitest_pid ]]; then kill -TERM -- "-$vitest_pid" 2>/dev/null || true; fi
  bash "$HERE/servers.sh" stop >&2 || echo "infra: stopping the servers failed" >&2
  if [[ -f $REPORT ]]; then mv -f "$REPORT" "$BASE_DIR/vitest.json" && REPORT=$BASE_DIR/vitest.json; fi
  rmdir "$STATE_DIR" 2>/dev/null || true
  summary "$rc"
  exit "$rc"
}
trap finish EXIT
trap 'rc=130; exit 130' INT TERM

if [[ ! -d node_modules ]]; then npm ci >&2 || exit 1; fi
mkdir -p "$STATE_DIR"

started=$SECONDS
if bash "$HERE/servers.sh" start all; then
  echo "infra: servers up in $((SECONDS - started))s" >&2
  set -a
  # shellcheck disable=SC1091
  . "$STATE_DIR/env"
  set +a
  # `timeout` puts vitest in a process group of its own, so a hung run (or Ctrl-C) ends every worker too.
  timeout -k 30 "${CUSTODIAN_TEST_TIMEOUT:-2700}" \
    npx vitest "${args[@]}" --reporter=default --reporter=json --outputFile="$REPORT" &
  vitest_pid=$!
  wait "$vitest_pid"
  rc=$?
  vitest_pid=
  if ((rc == 124)); then echo "infra: vitest ran longer than ${CUSTODIAN_TEST_TIMEOUT:-2700}s and was stopped" >&2; fi
else
  echo "infra: servers did not start; tests not run" >&2
  rc=1
fi
exit "$rc"
