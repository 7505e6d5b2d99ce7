#!/usr/bin/env bash
# Batch Emacs end-to-end test of the cachespec language server, through eglot and flymake.
# Usage: tests/editors/emacs/run.sh   (CACHESPEC_SERVER=/path/to/cachespec to test another build)
# Installs emacs-nox and elpa-eglot with apt-get when `emacs` is missing or cannot load eglot
# (Debian 12: Emacs 28 + eglot 1.9). The last line is always "emacs: N passed, M failed".
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
export CACHESPEC_SERVER="${CACHESPEC_SERVER:-$repo/server/CacheSpec.Server/bin/Release/net10.0/cachespec}"
spec="$repo/examples/broken/mistakes.cachespec.yaml"
limit=120

summary() {
  echo "emacs: $1 passed, $2 failed"
  exit $(( $2 > 0 ? 1 : 0 ))
}

# `emacs --batch` skips the user's init file but loads the site start files, which is where
# Debian's elpa-* packages (elpa-eglot) are activated; `emacs -Q` would not find eglot.
has_eglot() {
  command -v emacs >/dev/null 2>&1 && emacs --batch --eval "(require 'eglot)" >/dev/null 2>&1
}

if ! has_eglot; then
  echo "emacs with eglot not found; installing emacs-nox and elpa-eglot with apt-get" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  fi
  if ! { $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y emacs-nox elpa-eglot; } >&2; then
    echo "FAIL: could not install emacs-nox and elpa-eglot" >&2
    summary 0 1
  fi
  if ! has_eglot; then
    echo "FAIL: emacs still cannot (require 'eglot) after installing elpa-eglot" >&2
    summary 0 1
  fi
fi
emacs --version | head -n 1 >&2

if [ ! -x "$CACHESPEC_SERVER" ]; then
  echo "FAIL: the server $CACHESPEC_SERVER does not exist or is not executable (build it, or set CACHESPEC_SERVER)" >&2
  summary 0 1
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# The checks print PASS/FAIL lines with `message`, i.e. on stderr, in order with eglot's own messages; keep both streams.
(cd "$here" && timeout "$limit" emacs --batch -l "$here/cachespec-test.el" "$spec") >"$log" 2>&1 </dev/null
status=$?
cat "$log"

passed=$(grep -c '^PASS: ' "$log" || true)
failed=$(grep -c '^FAIL: ' "$log" || true)
if [ "$status" -eq 124 ]; then
  echo "FAIL: emacs did not finish within $limit s" >&2
  failed=$((failed + 1))
elif [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "FAIL: emacs exited with status $status without reporting a failed check" >&2
  failed=$((failed + 1))
elif [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "FAIL: emacs exited cleanly but ran no checks" >&2
  failed=$((failed + 1))
fi
summary "$passed" "$failed"
