#!/usr/bin/env bash
# Installs what Nestling needs from Debian/Ubuntu packages, only when something is missing.
# Usage: scripts/deps.sh build|test
# Quiet when everything is present. As root it installs directly, with passwordless sudo it uses
# sudo; otherwise it prints the exact command to run and stops.
set -euo pipefail

build=(pkg-config libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libssl-dev fonts-noto-color-emoji)
test_extra=(webkit2gtk-driver xvfb xauth dbus-daemon nodejs npm pandoc python3 poppler-utils qpdf xdotool tzdata)

packages=("${build[@]}")
if [ "${1:-build}" = test ]; then packages+=("${test_extra[@]}"); fi

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# nodejs and npm may come from elsewhere than Debian; a working `node` and `npm` are what count.
if command -v node >/dev/null 2>&1; then
  missing=("${missing[@]/nodejs}")
fi
if command -v npm >/dev/null 2>&1; then
  missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]:-}"
[ "${#missing[@]}" -eq 0 ] && exit 0

install=(apt-get install -y -qq --no-install-recommends "${missing[@]}")
if [ "$(id -u)" -eq 0 ]; then
  sudo_cmd=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo_cmd=(sudo)
else
  echo "Nestling needs these packages first. Please run:" >&2
  echo "  sudo apt-get update && sudo ${install[*]}" >&2
  exit 1
fi
echo "Installing: ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" "${install[@]}" >/dev/null
