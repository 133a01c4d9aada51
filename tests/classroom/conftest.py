"""Fixtures for the classroom tests: the occupations of a comparison, and a cache of their own.

The route tests serve the files channel like the channel tests do (tests/channels/channel_fakes.py).
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "channels"))


@pytest.fixture(scope="session", autouse=True)
def session_chart_cache(tmp_path_factory):
    """Fixtures wider than one test render here (never var/charts)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHART_CACHE_DIR", str(tmp_path_factory.mktemp("charts")))
        yield


@pytest.fixture(autouse=True)
def chart_cache(tmp_path, monkeypatch):
    """Every test renders into its own cache, never var/charts."""
    path = tmp_path / "charts"
    monkeypatch.setenv("CHART_CACHE_DIR", str(path))
    return path


@pytest.fixture(scope="session")
def named(repository):
    """The occupation a name resolves to, as the chat resolves it: named('kapper')."""

    def find(name: str):
        found = repository.find(name)
        assert found.best and not found.ambiguous, name
        return repository.occupation(found.best.occupation_id)

    return find


@pytest.fixture(scope="session")
def without_pay(repository):
    """A curated occupation for which CBS publishes no wage in any year (and none may stand in)."""
    for info in repository.catalog.occupations.values():
        if info.profile_slug and repository.pay(info) is None:
            return info
    pytest.fail("the table has no curated occupation without a wage; pick another example")
