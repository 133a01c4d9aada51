#!/usr/bin/env bash
# Install the Debian packages a part of the project needs, only if its command is missing: haproxy and
# redis-server for `make run-scaled` (their own services are not used: the launcher runs them in the
# foreground), chromium for the widget's browser tests (never a browser build of its own, no
# `playwright install`). Idempotent: exits 0 at once when the command (a name or a path) is there.
# usage: scripts/install_debian_package.sh COMMAND PACKAGE [PACKAGE ...]
#   e.g. haproxy haproxy; redis-server redis-server; /usr/bin/chromium chromium fonts-dejavu-core
set -euo pipefail

COMMAND="${1:?usage: install_debian_package.sh COMMAND PACKAGE [PACKAGE ...]}"
PACKAGE="${2:?usage: install_debian_package.sh COMMAND PACKAGE [PACKAGE ...]}"
shift
PACKAGES=("$@")

if command -v "$COMMAND" >/dev/null 2>&1; then
    exit 0
fi

fail() {
    echo "install_debian_package: ERROR: $*" >&2
    echo "install_debian_package: install it by hand with: apt-get update && apt-get install -y $PACKAGE" >&2
    exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "apt-get not found; this script supports Debian-based machines only."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "not running as root and sudo is not available."
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
echo "install_debian_package: installing Debian's $PACKAGE package ..."
$SUDO apt-get update -qq || fail "'apt-get update' failed (no network to the Debian mirror?)."
$SUDO apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null || fail "'apt-get install $PACKAGE' failed."
command -v "$COMMAND" >/dev/null 2>&1 || fail "the $PACKAGE package installed, but $COMMAND is still not on the PATH."
echo "install_debian_package: done: $PACKAGE"
