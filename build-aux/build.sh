#!/usr/bin/env bash
# Installs the dependencies, then configures (or reconfigures) and builds _build.
# Shared by demo.sh and test.sh; extra arguments go to `meson setup`.
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh

# An existing build directory is kept so rebuilds stay incremental; --reconfigure
# picks up changed options and a newer meson without throwing the objects away.
if [ -f _build/meson-private/coredata.dat ]; then
  meson setup --reconfigure _build "$@"
else
  meson setup _build "$@"
fi
ninja -C _build
