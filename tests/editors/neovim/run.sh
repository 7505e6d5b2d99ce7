#!/usr/bin/env bash
# Headless Neovim end-to-end test of the cachespec language server.
# Usage: tests/editors/neovim/run.sh   (CACHESPEC_SERVER=/path/to/cachespec to test another build)
# Installs Neovim with apt-get when `nvim` is missing. The last line is always "neovim: N passed, M failed".
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
export CACHESPEC_SERVER="${CACHESPEC_SERVER:-$repo/server/CacheSpec.Server/bin/Release/net10.0/cachespec}"
spec="$repo/examples/broken/mistakes.cachespec.yaml"

summary() {
  echo "neovim: $1 passed, $2 failed"
  exit $(( $2 > 0 ? 1 : 0 ))
}

if ! command -v nvim >/dev/null 2>&1; then
  echo "nvim not found; installing neovim with apt-get" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  fi
  if ! { $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y neovim; } >&2; then
    echo "FAIL: could not install neovim" >&2
    summary 0 1
  fi
fi
nvim --version | head -n 1 >&2

if [ ! -x "$CACHESPEC_SERVER" ]; then
  echo "FAIL: the server $CACHESPEC_SERVER does not exist or is not executable (build it, or set CACHESPEC_SERVER)" >&2
  summary 0 1
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# `print` in a headless Neovim goes to stderr; keep both streams, show them, and count the PASS/FAIL lines.
(cd "$here" && timeout 90 nvim --headless -u NONE -i NONE -n -c "luafile lsp_test.lua" "$spec") >"$log" 2>&1
status=$?
# Neovim ends messages with CR (no LF) in headless mode; turn them into lines.
tr '\r' '\n' <"$log" | awk 'NF'

passed=$(tr '\r' '\n' <"$log" | grep -c '^PASS: ' || true)
failed=$(tr '\r' '\n' <"$log" | grep -c '^FAIL: ' || true)
if [ "$status" -eq 124 ]; then
  echo "FAIL: nvim did not finish within 90 s" >&2
  failed=$((failed + 1))
elif [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "FAIL: nvim exited with status $status without reporting a failed check" >&2
  failed=$((failed + 1))
elif [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "FAIL: nvim exited cleanly but ran no checks" >&2
  failed=$((failed + 1))
fi
summary "$passed" "$failed"
