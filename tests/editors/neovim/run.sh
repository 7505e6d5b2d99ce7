#!/usr/bin/env bash
# Headless Neovim end-to-end test of the cachespec language server.
# Usage: tests/editors/neovim/run.sh   (CACHESPEC_SERVER=/path/to/cachespec to test another build)
# Installs Neovim with apt-get when `nvim` is missing. The last line is always "neovim: N passed, M failed".
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
editor=neovim
# shellcheck source=../common.sh
. "$here/../common.sh"
limit=90

if ! command -v nvim >/dev/null 2>&1; then
  echo "nvim not found; installing neovim with apt-get" >&2
  apt_install neovim
fi
nvim --version | head -n 1 >&2
require_server

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# `print` in a headless Neovim goes to stderr; keep both streams, show them, and count the PASS/FAIL lines.
(cd "$here" && timeout "$limit" nvim --headless -u NONE -i NONE -n -c "luafile lsp_test.lua" "$spec") >"$log" 2>&1
status=$?
# Neovim ends messages with CR (no LF) in headless mode; turn them into lines.
output="$(tr '\r' '\n' <"$log" | awk 'NF')"
echo "$output"
verdict nvim "$status" "$limit" "$output"
