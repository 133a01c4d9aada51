"""bot/rasa_server.py: the compiled validation accepts and refuses what Rasa's own does; SQLite gets WAL."""

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.core.lock_store import LockStore
from sqlalchemy import create_engine, text

from bot import rasa_server

GOOD = {"events": [{"event": "slot", "name": "beroep", "value": "Lasser"}], "responses": [{"response": "utter_x"}]}
BAD = {"events": [{"event": "slot", "name": 3}], "responses": "not a list"}


@pytest.fixture
def installed(monkeypatch):
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction._validate_action_result)
    monkeypatch.setattr(RemoteAction, "run", RemoteAction.run)  # install() wraps it too
    monkeypatch.setattr(LockStore, "_acquire_lock", LockStore._acquire_lock)  # and replaces this
    rasa_server.install()
    yield
    rasa_server.event.remove(rasa_server.Engine, "connect", rasa_server._fast_sqlite)


def test_the_compiled_validation_agrees_with_rasas_own():
    original = RemoteAction._validate_action_result
    action = RemoteAction.__new__(RemoteAction)
    assert original(action, GOOD) is True and rasa_server.validate_action_result(action, GOOD) is True
    with pytest.raises(ValidationError) as ours:
        rasa_server.validate_action_result(action, BAD)
    with pytest.raises(ValidationError) as theirs:
        original(action, BAD)
    assert ours.value.message == theirs.value.message


def test_install_replaces_the_validation_and_speeds_up_sqlite(installed, tmp_path):
    assert RemoteAction._validate_action_result is rasa_server.validate_action_result
    engine = create_engine(f"sqlite:///{tmp_path / 'tracker.sqlite'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL
    engine.dispose()
