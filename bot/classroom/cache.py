"""Rendered files on disk (var/charts): made once, served many times, written atomically."""

import logging
import os
import tempfile
from pathlib import Path
from typing import Callable, Optional

from occupations.config import PROJECT_ROOT

logger = logging.getLogger(__name__)

DEFAULT_DIR = PROJECT_ROOT / "var" / "charts"
# Anyone can ask for any 2–4 of thousands of occupations: keep the newest files, not all.
MAX_FILES = 500
TMP_PREFIX = ".tmp-"


def cache_dir() -> Path:
    """CHART_CACHE_DIR, else var/charts."""
    configured = os.environ.get("CHART_CACHE_DIR", "").strip()
    return Path(configured) if configured else DEFAULT_DIR


def cached(name: str, make: Callable[[], bytes], directory: Optional[Path] = None) -> bytes:
    """The file `name` in the cache, made (and stored) by `make` when it is not there yet."""
    directory = directory or cache_dir()
    path = directory / name
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    data = make()
    try:
        _store(directory, path, data)
        _prune(directory)
    except OSError as error:  # a full or read-only disk costs speed, not the answer
        logger.warning("classroom: could not cache %s: %s", name, error)
    return data


def _store(directory: Path, path: Path, data: bytes) -> None:
    # Write beside the target and rename: a reader sees the whole file or none.
    directory.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=directory, prefix=TMP_PREFIX)
    try:
        os.fchmod(handle, 0o644)  # mkstemp makes 0600; another process of the server may read it
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _prune(directory: Path, keep: int = MAX_FILES) -> None:
    files = [entry for entry in os.scandir(directory) if entry.is_file() and not entry.name.startswith(TMP_PREFIX)]
    if len(files) <= keep:
        return
    files.sort(key=lambda entry: entry.stat().st_mtime)
    for entry in files[: len(files) - keep]:
        Path(entry.path).unlink(missing_ok=True)
