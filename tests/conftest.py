"""Shared fixtures: one occupations database per test run, and the real servers for e2e tests.

The database is built from the project's own sources into a temporary folder, so tests
never touch var/ and never read ../shared.
"""

import os
from pathlib import Path

import pytest

from occupations.config import PROJECT_ROOT

MODEL = PROJECT_ROOT / "models" / "kansrijk.tar.gz"
ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    from occupations.build import build

    url = f"sqlite:///{tmp_path_factory.mktemp('occupations') / 'occupations.sqlite'}"
    build(url, lookup_path=None, progress=lambda message: None)
    return url


@pytest.fixture
def the_servers_repository(repository, monkeypatch):
    """Actions that read the server's repository (rescue, fallback) get the test run's own."""
    monkeypatch.setattr("actions.base.process_repository", lambda: repository)


@pytest.fixture(scope="session")
def repository(database_url):
    """The test run's own repository; actions under test are handed this one."""
    from occupations.repository import Repository

    return Repository.open(database_url)


@pytest.fixture(scope="session")
def catalog(repository):
    return repository.catalog


@pytest.fixture(scope="session")
def trained_model() -> Path:
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: `make test` trains it first (or run `make model`)")
    return MODEL


@pytest.fixture(scope="session")
def running_assistant(database_url, trained_model, tmp_path_factory):
    """The real action server and Rasa server, on ports of their own; yields the Rasa base URL."""
    from bot.launcher import start_servers

    rasa_port, action_port = int(os.environ.get("TEST_RASA_PORT", 5105)), int(os.environ.get("TEST_ACTION_PORT", 5155))
    tracker_db = tmp_path_factory.mktemp("tracker") / "tracker.sqlite"
    servers = start_servers(
        rasa_port,
        action_port,
        model=str(trained_model),
        tracker_db=str(tracker_db),
        log_dir=ARTIFACTS / "logs",
        env={"DATABASE_URL": database_url, "FEEDBACK_PATH": str(tracker_db.parent / "fb.jsonl")},
    )
    yield f"http://127.0.0.1:{rasa_port}"
    servers.stop()
