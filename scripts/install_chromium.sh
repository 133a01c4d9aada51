#!/usr/bin/env bash
# Install Debian's Chromium for the widget's browser tests, only if it is missing.
# Idempotent: exits 0 at once when /usr/bin/chromium already exists.
# Never downloads a browser build of its own (no `playwright install`).
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    echo "install_chromium: $CHROMIUM is already installed ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))."
    exit 0
fi

fail() {
    echo "install_chromium: ERROR: $*" >&2
    echo "install_chromium: the widget browser tests need Debian's 'chromium' package at $CHROMIUM." >&2
    echo "install_chromium: install it by hand with: apt-get update && apt-get install -y chromium" >&2
    exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "apt-get not found; this script supports Debian-based machines only."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        fail "not running as root and sudo is not available."
    fi
fi

export DEBIAN_FRONTEND=noninteractive
echo "install_chromium: installing Debian's chromium package ..."
$SUDO apt-get update -qq || fail "'apt-get update' failed (no network to the Debian mirror?)."
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core \
    || fail "'apt-get install chromium' failed."

[ -x "$CHROMIUM" ] || fail "the chromium package installed, but $CHROMIUM is still missing."
echo "install_chromium: done: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
