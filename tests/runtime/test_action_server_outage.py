"""`make run` (bot/launcher.py) while its action server is killed: the apology instead of
silence or an error, answers again once the supervisor restarted it, and a SIGTERM that
stops everything. One launcher for the whole module, on ports of its own."""

import os
import signal
import time

import pytest
from launched import Launched, alive, ask, new_sender, texts

from bot.action_outage import APOLOGY

pytestmark = pytest.mark.e2e
RASA_PORT, ACTION_PORT, DEMO_PORT = 5205, 5255, 8205
BASE_URL = f"http://127.0.0.1:{RASA_PORT}"
SALARY = "hoeveel verdient een lasser?"


@pytest.fixture(scope="module")
def assistant(database_url, trained_model, tmp_path_factory):
    var = tmp_path_factory.mktemp("outage-var")
    launched = Launched(
        "outage-launcher",
        ["-m", "bot.launcher", "--rasa-port", str(RASA_PORT), "--action-port", str(ACTION_PORT)]
        + ["--demo-port", str(DEMO_PORT), "--var-dir", str(var)],
        {"DATABASE_URL": database_url, "FEEDBACK_PATH": str(var / "fb.jsonl"), "DEDUPE_DB": str(var / "seen.sqlite")},
        var / f"processes-{RASA_PORT}.json",
    )
    try:
        launched.wait_until_answering(BASE_URL)
        yield launched
    finally:
        launched.stop()


def is_salary_answer(answer) -> bool:
    return any("Lasser" in text and "CBS" in text for text in texts(answer))


def test_a_killed_action_server_gets_the_apology_and_answers_come_back(assistant):
    sender = new_sender()
    assert is_salary_answer(ask(BASE_URL, sender, SALARY))

    os.kill(assistant.pids()["actions"], signal.SIGKILL)
    # At once, before the supervisor's restart (1 s pause, then some seconds to start):
    # one apology, with status 200, for an ongoing and for a new conversation.
    assert texts(ask(BASE_URL, sender, SALARY)) == [APOLOGY]
    assert texts(ask(BASE_URL, new_sender(), SALARY)) == [APOLOGY]
    assistant.wait_for_line(f"the action server (port {ACTION_PORT}) stopped (killed by SIGKILL)")
    assert "restarting it in 1 s" in assistant.output()

    deadline = time.monotonic() + 60
    while not is_salary_answer(answer := ask(BASE_URL, sender, SALARY)):
        assert texts(answer) == [APOLOGY], f"neither an answer nor the apology: {answer}"
        assert time.monotonic() < deadline, f"no answer 60 s after the kill:\n{assistant.tail()}"
        time.sleep(1)
    assistant.wait_for_line(f"the action server (port {ACTION_PORT}) is back")
    follow_up = " ".join(texts(ask(BASE_URL, sender, "hoe word ik dat?")))
    assert "lasser" in follow_up.lower() and "mbo" in follow_up  # the conversation goes on where it was


def test_sigterm_stops_every_server(assistant):
    pids = assistant.pids()
    assert assistant.stop(timeout=60) == 0, assistant.tail()
    assert "==> stopping..." in assistant.output()
    assert not [name for name, pid in pids.items() if alive(pid)]
