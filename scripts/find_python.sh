#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter (Rasa 3.6 supports 3.8-3.10; this project pins 3.10).
# Looks at $PYTHON, then PATH, then pyenv's versions folder.
set -u
is_310() { "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' 2>/dev/null; }
for candidate in "${PYTHON:-}" "$(command -v python3.10 2>/dev/null)" \
                 "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10*/bin/python3.10 \
                 /usr/local/bin/python3.10 /usr/bin/python3.10; do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && is_310 "$candidate"; then
    echo "$candidate"; exit 0
  fi
done
echo "error: Python 3.10 not found. Install it (e.g. 'pyenv install 3.10' or 'apt-get install python3.10')" >&2
echo "       or point PYTHON at it: make run PYTHON=/path/to/python3.10" >&2
exit 1
