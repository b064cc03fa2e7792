#!/usr/bin/env bash
# Builds Training Desk and opens it on a demo database (_build/demo.db), which is
# created with a realistic sample centre the first time. Run as root or a sudoer.
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/build.sh

db=_build/demo.db
cli=_build/src/cli/tdesk
gui=_build/src/gui/training-desk

if [ ! -x "$cli" ]; then
  echo "demo.sh: $cli was not built" >&2
  exit 1
fi
if [ ! -x "$gui" ]; then
  echo "demo.sh: $gui was not built (is the GUI disabled? meson configure _build -Dgui=true)" >&2
  exit 1
fi

if [ ! -f "$db" ]; then
  echo "Creating the demo database $db"
  # A half-created database would be reused next time; remove it if init fails.
  if ! "$cli" init --demo --db "$db"; then
    rm -f "$db" "$db-wal" "$db-shm"
    exit 1
  fi
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "demo.sh: no display (neither DISPLAY nor WAYLAND_DISPLAY is set); run it in a desktop session" >&2
  exit 1
fi

exec "$gui" --db "$db"
