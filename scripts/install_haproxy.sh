#!/usr/bin/env bash
# Install Debian's haproxy for `make run-scaled` (the proxy in front of the Rasa servers),
# only if it is missing. Idempotent: exits 0 at once when haproxy is on the PATH.
# The package's own service is not used: the launcher runs haproxy in the foreground.
set -euo pipefail

if command -v haproxy >/dev/null 2>&1; then
    exit 0
fi

fail() {
    echo "install_haproxy: ERROR: $*" >&2
    echo "install_haproxy: install it by hand with: apt-get update && apt-get install -y haproxy" >&2
    exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "apt-get not found; this script supports Debian-based machines only."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "not running as root and sudo is not available."
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
echo "install_haproxy: installing Debian's haproxy package ..."
$SUDO apt-get update -qq || fail "'apt-get update' failed (no network to the Debian mirror?)."
$SUDO apt-get install -y -qq --no-install-recommends haproxy >/dev/null || fail "'apt-get install haproxy' failed."
command -v haproxy >/dev/null 2>&1 || fail "the haproxy package installed, but haproxy is still not on the PATH."
echo "install_haproxy: done: $(haproxy -v | head -n 1)"
