"""Fuzzing both WhatsApp webhooks (Meta's Cloud API and Twilio) on real Sanic servers
with a fake Graph / Twilio API: no server error, no stack trace, no phone number, message
id or message text in the logs, and never more than the limit reaches Rasa."""

import base64
import json
import logging
import re
from urllib.parse import urlencode

import pytest
from background_server import BackgroundServer
from channel_fakes import FakeGraphAPI
from hypothesis import given
from hypothesis import strategies as st
from meta_payloads import WEBHOOK, make_channel, notification, now, sign
from strategies import FUZZ, as_json, assert_clean_answer, canary, hostile_text, json_values, raw_bodies
from twilio_payloads import incoming, reference_signature
from twilio_payloads import make_channel as make_twilio_channel

from bot.channels.dedupe import SqliteSeenStore
from bot.channels.limits import MAX_TEXT_CHARS, TOO_LONG_REPLY_PARENT

TWILIO_WEBHOOK = "/webhooks/twilio_whatsapp/webhook"
phones = st.from_regex(r"31[67][0-9]{8}|[1-9][0-9]{9,13}", fullmatch=True)
# Header values as a client can send them (no line breaks or NUL: those end the header).
_SAFE = st.characters(blacklist_characters="\r\n\x00", blacklist_categories=("Cs",))
headers_text = st.one_of(
    st.text(_SAFE, max_size=80),
    st.text(_SAFE, max_size=70).map(lambda tail: "sha256=" + tail),
    st.binary(max_size=80).map(lambda raw: raw.translate(None, b"\r\n\x00")),
)
HASH = re.compile(r"[0-9a-f]{64}")


def wamid_for(phone: str, tail: bytes) -> str:
    """A message id shaped like Meta's: base64 of a protobuf holding the number."""
    return "wamid." + base64.b64encode(b"\x15\x18\x0b" + phone.encode() + b"\x15\x02\x00\x11\x18" + tail).decode()


@pytest.fixture(scope="module")
def meta(tmp_path_factory):
    with BackgroundServer() as server:
        api = FakeGraphAPI()
        server.run(api.start())
        store = SqliteSeenStore(tmp_path_factory.mktemp("meta") / "seen.sqlite")
        server.serve(make_channel(api.url, seen_store=store))
        yield server, api, store
        server.run(api.stop())


@pytest.fixture(scope="module")
def twilio(tmp_path_factory):
    with BackgroundServer() as server:
        api = FakeGraphAPI()
        server.run(api.start())
        store = SqliteSeenStore(tmp_path_factory.mktemp("twilio") / "seen.sqlite")
        server.serve(make_twilio_channel(api.url, seen_store=store))
        yield server, api
        server.run(api.stop())


def assert_private_logs(caplog, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in caplog.text, secret[:40]


@FUZZ
@given(body=raw_bodies, header=headers_text)
def test_meta_unsigned_anything_is_refused(meta, caplog, body, header):
    server, _, _ = meta
    caplog.set_level(logging.DEBUG)
    status, _, answer = server.request("POST", WEBHOOK, body, {"X-Hub-Signature-256": header})
    assert_clean_answer(status, answer, allowed=(401, 403))


@FUZZ
@given(body=st.one_of(raw_bodies, json_values.map(as_json)))
def test_meta_signed_anything_gets_200_or_400(meta, caplog, body):
    server, _, _ = meta
    caplog.set_level(logging.DEBUG)
    status, _, answer = server.request("POST", WEBHOOK, body, {"X-Hub-Signature-256": sign(body)})
    assert_clean_answer(status, answer, allowed=(200, 400))
    server.settle()


@FUZZ
@given(
    text=hostile_text, phone=phones, tail=st.binary(min_size=4, max_size=16), kind=st.sampled_from(["text", "button"])
)
def test_meta_hostile_messages_stay_private_and_bounded(meta, caplog, text, phone, tail, kind):
    server, api, store = meta
    caplog.set_level(logging.DEBUG)
    marked = f"{text} {canary()}"
    wamid = wamid_for(phone, tail + marked[-13:].encode())  # a new message each time
    content = {"text": {"body": marked}} if kind == "text" else {"button": {"payload": marked, "text": "x"}}
    message = {"from": phone, "id": wamid, "timestamp": now(), "type": kind, **content}
    body = as_json(notification({"messages": [message]}))
    before, sent_before = len(server.rasa.received), len(api.sent)
    status, _, answer = server.request("POST", WEBHOOK, body, {"X-Hub-Signature-256": sign(body)})
    server.settle()
    assert_clean_answer(status, answer, allowed=(200,))
    reached = server.rasa.received[before:]
    assert all(len(m.text) <= MAX_TEXT_CHARS for m in reached)
    for m in reached:
        assert HASH.fullmatch(m.message_id) and HASH.fullmatch(m.sender_id)
        assert phone not in m.sender_id + m.message_id + json.dumps(m.metadata)
    if len(marked.strip()) > MAX_TEXT_CHARS:
        assert reached == [] and api.sent[sent_before:][0]["text"]["body"] == TOO_LONG_REPLY_PARENT
    else:
        assert [m.text for m in reached] == [marked.strip()]
    assert_private_logs(caplog, phone, wamid, wamid[6:30], marked[-13:])
    stored = store.path.read_bytes()
    assert phone.encode() not in stored and wamid[6:30].encode() not in stored


@FUZZ
@given(body=st.binary(max_size=600), header=headers_text)
def test_twilio_unsigned_anything_is_refused(twilio, caplog, body, header):
    server, _ = twilio
    caplog.set_level(logging.DEBUG)
    headers = {"X-Twilio-Signature": header, "Content-Type": "application/x-www-form-urlencoded"}
    status, _, answer = server.request("POST", TWILIO_WEBHOOK, body, headers)
    assert_clean_answer(status, answer, allowed=(400, 401, 403))


@FUZZ
@given(
    text=hostile_text,
    phone=phones,
    sid=st.text(min_size=1, max_size=40),
    extra=st.dictionaries(st.text(min_size=1, max_size=12), st.text(max_size=30), max_size=5),
    media=st.one_of(st.just("0"), st.text(max_size=12)),
)
def test_twilio_hostile_signed_messages(twilio, caplog, text, phone, sid, extra, media):
    server, _ = twilio
    caplog.set_level(logging.DEBUG)
    marked = f"{text} {canary()}"
    params = dict(extra, **incoming(marked, sid=f"SM{sid}{canary()}", NumMedia=media, From=f"whatsapp:+{phone}"))
    url = f"http://127.0.0.1:{server.port}{TWILIO_WEBHOOK}"
    headers = {
        "X-Twilio-Signature": reference_signature("twilio-auth-token-for-tests", url, params),
        "Content-Type": "application/x-www-form-urlencoded",
        "Host": f"127.0.0.1:{server.port}",
    }
    before = len(server.rasa.received)
    status, _, answer = server.request("POST", TWILIO_WEBHOOK, urlencode(params).encode(), headers)
    server.settle()
    assert_clean_answer(status, answer, allowed=(200, 413))
    reached = server.rasa.received[before:]
    assert all(len(m.text) <= MAX_TEXT_CHARS for m in reached)
    assert all(HASH.fullmatch(m.message_id) for m in reached)
    assert_private_logs(caplog, phone, marked[-13:])
