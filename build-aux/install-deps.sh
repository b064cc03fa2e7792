#!/usr/bin/env bash
# Installs every Debian 12 package Training Desk needs to build, run and test.
# Idempotent and non-interactive; run as root (or through sudo).
set -euo pipefail

packages=(
  # toolchain and build system
  build-essential meson ninja-build pkg-config gettext itstool
  # libraries
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsqlite3-dev libqrencode-dev
  libpoppler-glib-dev libcurl4-openssl-dev libjson-glib-dev libsodium-dev libsecret-1-dev
  # running and testing
  python3 xvfb xauth dbus-daemon dbus-x11 fonts-noto-cjk desktop-file-utils appstream
  libglib2.0-bin sqlite3 poppler-utils zbar-tools locales
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# zh_TW locale for translated test runs and the app itself
if ! locale -a 2>/dev/null | grep -qi '^zh_TW.utf8$'; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  if [ -f /etc/locale.gen ]; then
    $SUDO sed -i 's/^# *zh_TW.UTF-8 UTF-8/zh_TW.UTF-8 UTF-8/' /etc/locale.gen
    grep -q '^zh_TW.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_TW.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
    $SUDO locale-gen >/dev/null
  fi
fi
