# Shared by the editors' run.sh scripts: the server and spec under test, apt-get installs, and the verdict
# on a run's output.
# Set `editor` (the name on the summary line) before sourcing this file.

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export CACHESPEC_SERVER="${CACHESPEC_SERVER:-$repo/server/CacheSpec.Server/bin/Release/net10.0/cachespec}"
spec="$repo/examples/broken/mistakes.cachespec.yaml"

# summary PASSED FAILED: the last line of every run, and its exit status.
summary() {
  echo "$editor: $1 passed, $2 failed"
  exit $(( $2 > 0 ? 1 : 0 ))
}

# apt_install PACKAGE...: installs with apt-get, through sudo when not root; a failed install fails the run.
apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  fi
  if ! { $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "$@"; } >&2; then
    echo "FAIL: could not install $*" >&2
    summary 0 1
  fi
}

require_server() {
  if [ ! -x "$CACHESPEC_SERVER" ]; then
    echo "FAIL: the server $CACHESPEC_SERVER does not exist or is not executable" \
      "(build it, or set CACHESPEC_SERVER)" >&2
    summary 0 1
  fi
}

# verdict PROGRAM STATUS LIMIT OUTPUT: counts the PASS and FAIL lines of the output, counts a timeout, an exit
# without a failed check, or a clean exit without checks as one more failure, and ends with the summary.
verdict() {
  local program="$1" status="$2" limit="$3" output="$4" passed failed
  passed=$(grep -c '^PASS: ' <<<"$output" || true)
  failed=$(grep -c '^FAIL: ' <<<"$output" || true)
  if [ "$status" -eq 124 ]; then
    echo "FAIL: $program did not finish within $limit s" >&2
    failed=$((failed + 1))
  elif [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "FAIL: $program exited with status $status without reporting a failed check" >&2
    failed=$((failed + 1))
  elif [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
    echo "FAIL: $program exited cleanly but ran no checks" >&2
    failed=$((failed + 1))
  fi
  summary "$passed" "$failed"
}
