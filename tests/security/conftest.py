"""Fixtures for the security tests: the channel tests' fakes are importable from here
too, and every test gets its own duplicate-check file (never var/)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "channels"))

from channel_fakes import fake_api, own_dedupe_db  # noqa: E402, F401  (the channel tests' fixtures, shared)
