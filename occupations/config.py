"""Where the occupations database lives. DATABASE_URL overrides the SQLite default."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SOURCES_DIR = Path(__file__).resolve().parent / "sources"
CURATED_DIR = SOURCES_DIR / "curated"
DEFAULT_DATABASE_PATH = PROJECT_ROOT / "var" / "occupations.sqlite"
LOOKUP_TABLE_PATH = PROJECT_ROOT / "data" / "nlu" / "lookup_beroep.yml"


def database_url() -> str:
    url = os.environ.get("DATABASE_URL", "").strip()
    return url or f"sqlite:///{DEFAULT_DATABASE_PATH}"
