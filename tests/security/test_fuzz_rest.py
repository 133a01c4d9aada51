"""Fuzzing the widget's REST channel on a real Sanic server: whatever arrives, no server
error, no stack trace, nothing longer than the limit reaches Rasa, no text in the logs."""

import json
import logging

import pytest
from background_server import BackgroundServer
from hypothesis import given
from hypothesis import strategies as st
from strategies import FUZZ, as_json, assert_clean_answer, canary, hostile_text, json_values, raw_bodies

from bot.channels.limits import MAX_REST_BODY_BYTES, MAX_TEXT_CHARS, TOO_LONG_REPLY_PUPIL
from bot.channels.rest import KansrijkRestInput

WEBHOOK = "/webhooks/rest/webhook"
SENDER = "c0ffee00c0ffee00c0ffee00c0ffee00"
senders = st.one_of(st.just(SENDER), st.from_regex(r"[0-9a-f]{32}", fullmatch=True))
content_types = st.sampled_from(
    ["application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "text/plain", "", "a" * 300]
)


@pytest.fixture(scope="module")
def rest():
    with BackgroundServer() as server:
        yield server.serve(KansrijkRestInput())


def post(server, body: bytes, content_type="application/json"):
    headers = {"Content-Type": content_type} if content_type else {}
    return server.request("POST", WEBHOOK, body, headers)


def assert_nothing_too_long_reached_rasa(server) -> None:
    assert all(len(message.text) <= MAX_TEXT_CHARS for message in server.rasa.received)


@FUZZ
@given(body=raw_bodies, content_type=content_types)
def test_any_bytes(rest, caplog, body, content_type):
    caplog.set_level(logging.DEBUG)
    status, _, answer = post(rest, body, content_type)
    assert_clean_answer(status, answer)
    assert_nothing_too_long_reached_rasa(rest)


@FUZZ
@given(value=json_values)
def test_any_json_value(rest, caplog, value):
    caplog.set_level(logging.DEBUG)
    status, _, answer = post(rest, as_json(value))
    assert_clean_answer(status, answer)
    if not isinstance(value, dict):
        assert status == 400


@FUZZ
@given(sender=st.one_of(json_values, st.text(max_size=64)), message=json_values, extra=json_values)
def test_wrong_types_and_shapes(rest, caplog, sender, message, extra):
    caplog.set_level(logging.DEBUG)
    before = len(rest.rasa.received)
    request = {"sender": sender, "message": message, "metadata": extra, "input_channel": extra}
    status, _, answer = post(rest, as_json(request))
    assert_clean_answer(status, answer)
    well_formed = isinstance(sender, str) and len(sender) == 32 and isinstance(message, str)
    if status == 200:
        assert well_formed
    if len(rest.rasa.received) > before:
        reached = rest.rasa.received[-1]
        assert reached.metadata is None and reached.input_channel == "rest"


@FUZZ
@given(text=hostile_text, sender=senders, ascii_only=st.booleans())
def test_hostile_text_from_a_good_sender(rest, caplog, text, sender, ascii_only):
    caplog.set_level(logging.DEBUG)
    marked = f"{text} {canary()}" if len(text) < MAX_TEXT_CHARS - 20 else text + canary()
    before = len(rest.rasa.received)
    body = json.dumps({"sender": sender, "message": marked}, ensure_ascii=ascii_only).encode()
    status, headers, answer = post(rest, body)
    assert_clean_answer(status, answer, allowed=(200, 413) if len(body) > MAX_REST_BODY_BYTES else (200,))
    assert headers["content-type"].startswith("application/json")
    replies = json.loads(answer)
    if status == 413:  # many escaped characters: a body above the cap, refused unread
        assert len(rest.rasa.received) == before
    elif len(marked) > MAX_TEXT_CHARS:
        assert replies == [{"recipient_id": sender, "text": TOO_LONG_REPLY_PUPIL}]
        assert len(rest.rasa.received) == before
    else:
        assert rest.rasa.received[-1].text == marked.strip()  # Rasa's UserMessage strips
    assert_nothing_too_long_reached_rasa(rest)
    assert marked[-13:] not in caplog.text  # the canary: no message text in any log line


@FUZZ
@given(text=hostile_text)
def test_lone_surrogates_and_escapes(rest, caplog, text):
    caplog.set_level(logging.DEBUG)
    body = b'{"sender": "' + SENDER.encode() + b'", "message": "\\ud800' + as_json(text)[1:-1] + b'\\udfff"}'
    status, _, answer = post(rest, body)
    assert_clean_answer(status, answer, allowed=(200, 413) if len(body) > MAX_REST_BODY_BYTES else (200,))
    assert_nothing_too_long_reached_rasa(rest)


def test_huge_bodies(rest):
    for size in (64 * 1024 - 100, 64 * 1024 + 1, 1024 * 1024):
        body = json.dumps({"sender": SENDER, "message": "a" * size}).encode()
        status, _, answer = post(rest, body)
        assert_clean_answer(status, answer)
        assert status in (200, 413)
    assert_nothing_too_long_reached_rasa(rest)
