#!/usr/bin/env bash
# Batch Emacs end-to-end test of the cachespec language server, through eglot and flymake.
# Usage: tests/editors/emacs/run.sh   (CACHESPEC_SERVER=/path/to/cachespec to test another build)
# Installs emacs-nox and elpa-eglot with apt-get when `emacs` is missing or cannot load eglot
# (Debian 12: Emacs 28 + eglot 1.9). The last line is always "emacs: N passed, M failed".
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
editor=emacs
# shellcheck source=../common.sh
. "$here/../common.sh"
limit=120

# `emacs --batch` skips the user's init file but loads the site start files, which is where
# Debian's elpa-* packages (elpa-eglot) are activated; `emacs -Q` would not find eglot.
has_eglot() {
  command -v emacs >/dev/null 2>&1 && emacs --batch --eval "(require 'eglot)" >/dev/null 2>&1
}

if ! has_eglot; then
  echo "emacs with eglot not found; installing emacs-nox and elpa-eglot with apt-get" >&2
  apt_install emacs-nox elpa-eglot
  if ! has_eglot; then
    echo "FAIL: emacs still cannot (require 'eglot) after installing elpa-eglot" >&2
    summary 0 1
  fi
fi
emacs --version | head -n 1 >&2
require_server

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# The checks print PASS/FAIL lines with `message`, i.e. on stderr, in order with eglot's own messages;
# keep both streams.
(cd "$here" && timeout "$limit" emacs --batch -l "$here/cachespec-test.el" "$spec") >"$log" 2>&1 </dev/null
status=$?
cat "$log"
verdict emacs "$status" "$limit" "$(cat "$log")"
