"""End to end: start the real servers (make run's launcher) and ask over the REST channel."""

import json
import re
import urllib.request
import uuid

import pytest

pytestmark = pytest.mark.e2e
SOURCE_WITH_YEAR = re.compile(r"Bron: CBS[^\n]*20\d\d")


def ask(base_url: str, sender: str, message: str):
    body = json.dumps({"sender": sender, "message": message}).encode()
    request = urllib.request.Request(
        f"{base_url}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def texts(answers) -> str:
    return "\n".join(a.get("text", "") for a in answers)


@pytest.mark.parametrize(
    "question, expected_name",
    [
        ("hoeveel verdient een lasster?", "Lasser"),
        ("wat verdient een elektriciën", "lektri"),
        ("hoeveel verdient een kapper", "Kapper"),
    ],
)
def test_pay_questions_answer_with_source_and_year(running_assistant, question, expected_name):
    answer = texts(ask(running_assistant, f"e2e-{uuid.uuid4()}", question))
    assert expected_name in answer
    assert re.search(r"€ \d+,\d\d bruto per uur", answer)
    assert SOURCE_WITH_YEAR.search(answer), answer


def test_follow_up_route_is_about_the_same_occupation(running_assistant):
    sender = f"e2e-{uuid.uuid4()}"
    first = texts(ask(running_assistant, sender, "hoeveel verdient een lasster?"))
    assert "Lasser" in first
    route = texts(ask(running_assistant, sender, "hoe word ik dat?"))
    assert "Lasser" in route or "lasser" in route
    assert "mbo" in route


def test_unknown_occupation_gets_no_figure(running_assistant):
    answer = texts(ask(running_assistant, f"e2e-{uuid.uuid4()}", "hoeveel verdient een tiktokker?"))
    assert "tiktokker" in answer.lower()
    assert "€" not in answer


def test_bad_input_gets_an_answer_not_an_error(running_assistant):
    for message in ["", "🙂🙂🙂", "<script>alert(1)</script>", "a" * 3000]:
        answers = ask(running_assistant, f"e2e-{uuid.uuid4()}", message)
        assert answers and texts(answers).strip(), f"no answer to {message[:20]!r}"
        assert "Traceback" not in texts(answers) and "<script>" not in texts(answers)
