"""`rasa run` with two costs of Rasa 3.6 taken out, an apology when the action server is
down (`bot/action_outage.py`) and conversation locks that survive a dead Rasa server
(`bot/ticket_lock.py`); the launchers start Rasa through this.

A profile under load (docs/performance.md) found two costs that buy nothing here:

- Every action server reply is checked with `jsonschema.validate`, which first checks the
  *schema* itself, on every call (RasaHQ/rasa#11717): a fifth of the Rasa process's CPU.
  The schema is checked once here and the same validation runs with the compiled validator.
- The SQLite tracker store commits every turn with a full fsync (rollback journal,
  synchronous=FULL). In WAL mode with synchronous=NORMAL a commit is an append; a power
  cut can lose the last turns, never corrupt the file.

usage: python -m bot.rasa_server run --model ... (the arguments of `rasa`)
"""

import sqlite3
from functools import lru_cache
from typing import Any, Dict

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from sqlalchemy import event
from sqlalchemy.engine import Engine

TRACKER_PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL")


@lru_cache(maxsize=1)
def _action_result_validator():
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)  # once, instead of on every action call
    return validator_class(schema)


def validate_action_result(self, result: Dict[str, Any]) -> bool:
    """RemoteAction._validate_action_result, with the schema compiled once; same errors."""
    from rasa.core.actions.action import DOCS_BASE_URL

    # As jsonschema.validate does: the most relevant of the errors, not merely the first.
    error = best_match(_action_result_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, make sure your response from the "
        f"Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


def _fast_sqlite(dbapi_connection, _record) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        for pragma in TRACKER_PRAGMAS:
            cursor.execute(pragma)
        cursor.close()


def install() -> None:
    from rasa.core.actions.action import RemoteAction

    from bot import action_outage, ticket_lock

    RemoteAction._validate_action_result = validate_action_result
    action_outage.install()
    ticket_lock.install()
    if not event.contains(Engine, "connect", _fast_sqlite):
        event.listen(Engine, "connect", _fast_sqlite)


def main() -> None:
    install()
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
