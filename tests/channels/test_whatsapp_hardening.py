"""Both WhatsApp channels after the security review: text above the limit gets a short
Dutch refusal instead of Rasa, message ids are hashed, old and repeated deliveries are
dropped (also after a restart), and odd signature headers or bodies are refused."""

import asyncio
import base64
import json
import time

import pytest
from channel_fakes import PHONE, SENDER_SECRET
from meta_payloads import WAMID, WEBHOOK, make_channel, post, sign, text_message
from twilio_payloads import incoming
from twilio_payloads import make_channel as make_twilio_channel
from twilio_payloads import post as post_twilio

from bot.channels.limits import MAX_TEXT_CHARS, MAX_TWILIO_BODY_BYTES, TOO_LONG_REPLY_PARENT
from bot.privacy import hash_message_id

# What Meta's message id gives away: the number, also inside the base64.
PHONE_TRACES = (PHONE, WAMID, WAMID.removeprefix("wamid."), base64.b64encode(PHONE.encode()).decode()[:12])


async def test_text_above_the_limit_gets_a_refusal_and_never_reaches_rasa(serve, fake_api):
    async with serve(make_channel(fake_api.url)) as served:
        started = time.monotonic()
        status, _ = await post(served, text_message("lasser " * 6000, wamid="wamid.long"))
        await served.settle()
        assert status == 200 and time.monotonic() - started < 1.0
        assert served.rasa.received == []
        assert [sent["text"]["body"] for sent in fake_api.sent] == [TOO_LONG_REPLY_PARENT]
        assert "u " in TOO_LONG_REPLY_PARENT and "1.000" in TOO_LONG_REPLY_PARENT  # parents get "u"


async def test_text_of_exactly_the_limit_reaches_rasa(serve, fake_api):
    async with serve(make_channel(fake_api.url)) as served:
        await post(served, text_message("a" * MAX_TEXT_CHARS, wamid="wamid.edge"))
        await served.settle()
        assert [len(m.text) for m in served.rasa.received] == [MAX_TEXT_CHARS]


async def test_twilio_text_above_the_limit_gets_a_refusal(serve, fake_api):
    async with serve(make_twilio_channel(fake_api.url)) as served:
        status, _ = await post_twilio(served, incoming("x" * (MAX_TEXT_CHARS + 1)))
        await served.settle()
        assert status == 200
        assert served.rasa.received == []
        assert [r["form"]["Body"] for r in fake_api.requests] == [TOO_LONG_REPLY_PARENT]


async def test_message_ids_reach_rasa_and_the_duplicate_file_only_as_keyed_hashes(serve, fake_api, own_dedupe_db):
    async with serve(make_channel(fake_api.url)) as served:
        await post(served, text_message("hoi"))
        await served.settle()
    message = served.rasa.received[0]
    assert message.message_id == hash_message_id(WAMID, SENDER_SECRET)
    stored = own_dedupe_db.read_bytes()
    assert hash_message_id(WAMID, SENDER_SECRET).encode() in stored  # the check is there...
    for trace in PHONE_TRACES:  # ...without the id or the number
        assert trace.encode() not in stored
        assert trace not in repr(vars(message))
    assert own_dedupe_db.stat().st_mode & 0o077 == 0  # readable by the bot's user alone


async def test_a_delivery_repeated_after_a_restart_is_answered_once(serve, fake_api):
    payload = text_message("wat verdient een kapper?", wamid="wamid.restart1")
    async with serve(make_channel(fake_api.url)) as first_run:
        await post(first_run, payload)
    async with serve(make_channel(fake_api.url)) as after_restart:  # new channel, same DEDUPE_DB
        status, _ = await post(after_restart, payload)
        assert status == 200  # Meta must see success, or it retries again
        await after_restart.settle()
    assert len(first_run.rasa.received) == 1
    assert after_restart.rasa.received == []
    assert len(fake_api.sent) == 1


async def test_twilio_repeat_after_a_restart_is_answered_once(serve, fake_api):
    async with serve(make_twilio_channel(fake_api.url)) as first_run:
        await post_twilio(first_run, incoming("hoi", sid="SMrestart"))
    async with serve(make_twilio_channel(fake_api.url)) as after_restart:
        await post_twilio(after_restart, incoming("hoi", sid="SMrestart"))
        await after_restart.settle()
    assert len(first_run.rasa.received) == 1 and after_restart.rasa.received == []


@pytest.mark.parametrize("hours_ago, answered", [(25, False), (23, True), (-1, True)])
async def test_messages_older_than_a_day_are_dropped(serve, fake_api, hours_ago, answered):
    sent_at = str(int(time.time() - hours_ago * 3600))
    async with serve(make_channel(fake_api.url)) as served:
        status, _ = await post(served, text_message("hoi", wamid=f"wamid.age{hours_ago}", timestamp=sent_at))
        await served.settle()
        assert status == 200
        assert len(served.rasa.received) == (1 if answered else 0)
        assert len(fake_api.sent) == (1 if answered else 0)


@pytest.mark.parametrize(
    "header",
    [
        "sha256=" + "é" * 64,  # non-ASCII: was a TypeError and a 500
        "sha256=" + "z" * 64,
        "sha256=" + "0" * 63,
        "sha256=" + "0" * 64 + "00",
        "sha256 =" + "0" * 64,
    ],
)
async def test_signature_header_that_is_not_hex_gets_403(serve, fake_api, header):
    async with serve(make_channel(fake_api.url)) as served:
        raw = json.dumps(text_message("hoi")).encode()
        status, text = await raw_post(served.url + WEBHOOK, raw, {"X-Hub-Signature-256": header})
        await served.settle()
        assert status == 403 and json.loads(text) == {"error": "invalid signature"}
        assert served.rasa.received == []


async def test_deeply_nested_signed_json_gets_400(serve, fake_api):
    async with serve(make_channel(fake_api.url)) as served:
        raw = b"[" * 200_000 + b"]" * 200_000
        status, text = await post(served, None, raw=raw, signature=sign(raw))
        assert status == 400 and "JSON" in text


async def test_twilio_body_above_the_cap_is_refused_before_parsing(serve, fake_api):
    async with serve(make_twilio_channel(fake_api.url)) as served:
        body = b"Body=" + b"a%26b%3D" * (MAX_TWILIO_BODY_BYTES // 8 + 1)
        started = time.monotonic()
        status, text = await raw_post(
            served.url + "/webhooks/twilio_whatsapp/webhook",
            body,
            {"X-Twilio-Signature": "A" * 27 + "=", "Content-Type": "application/x-www-form-urlencoded"},
        )
        assert status == 413 and "too large" in text
        assert time.monotonic() - started < 1.0
        many_fields = "&".join(f"f{i}=x" for i in range(500)).encode()
        status, _ = await raw_post(
            served.url + "/webhooks/twilio_whatsapp/webhook",
            many_fields,
            {"X-Twilio-Signature": "A" * 27 + "=", "Content-Type": "application/x-www-form-urlencoded"},
        )
        assert status == 400
        assert served.rasa.received == []


@pytest.mark.parametrize("header", ["é" * 28, "not a signature", "A" * 27 + "=" + "A", "A" * 28])
async def test_twilio_signature_of_the_wrong_shape_gets_403(serve, fake_api, header):
    async with serve(make_twilio_channel(fake_api.url)) as served:
        status, _ = await raw_post(
            served.url + "/webhooks/twilio_whatsapp/webhook",
            b"Body=hoi",
            {"X-Twilio-Signature": header, "Content-Type": "application/x-www-form-urlencoded"},
        )
        assert status == 403


async def raw_post(url: str, body: bytes, headers: dict) -> tuple:
    """POST with headers as raw UTF-8 bytes (aiohttp refuses non-Latin-1 header values)."""
    host, port = url.split("//", 1)[1].split("/", 1)[0].split(":")
    path = "/" + url.split("//", 1)[1].split("/", 1)[1]
    reader, writer = await asyncio.open_connection(host, int(port))
    lines = [f"POST {path} HTTP/1.1", f"Host: {host}:{port}", f"Content-Length: {len(body)}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + body)
    await writer.drain()
    answer = await reader.read()
    writer.close()
    head, _, payload = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), payload.decode("utf-8", "replace")
