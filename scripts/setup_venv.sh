#!/usr/bin/env bash
# Create .venv with Python 3.10 and install the pinned dependencies from requirements.lock.
# Re-runs only when the lock file changed (a stamp file records the installed lock).
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=.venv/.installed-lock
if [ -x .venv/bin/python ] && [ -f "$stamp" ] && cmp -s requirements.lock "$stamp"; then
  exit 0
fi
python=$(scripts/find_python.sh)
if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv with $python"
  "$python" -m venv .venv
fi
echo "==> installing pinned dependencies (requirements.lock); the first time takes a few minutes"
.venv/bin/python -m pip install --quiet --no-deps -r requirements.lock
.venv/bin/python -m pip check >/dev/null || { .venv/bin/python -m pip check; exit 1; }
cp requirements.lock "$stamp"
echo "==> .venv ready"
