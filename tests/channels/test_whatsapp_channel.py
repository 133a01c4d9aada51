"""WhatsApp Cloud API channel, incoming side: the verification handshake, signatures,
body checks, duplicates and what reaches Rasa (webhook bodies in meta_payloads.py)."""

import asyncio
import hashlib
import hmac
import json
import logging

import pytest
from channel_fakes import PHONE, SENDER_SECRET, FakeRasa
from meta_payloads import (
    ACCESS_TOKEN,
    PHONE_NUMBER_ID,
    VERIFY_TOKEN,
    WAMID,
    WEBHOOK,
    image_message,
    interactive_message,
    make_channel,
    notification,
    post,
    sign,
    status_update,
    text_message,
)

from bot.channels.base import ONLY_TEXT_REPLY
from bot.privacy import hash_message_id, hash_sender_id

# --- verification handshake ---------------------------------------------------------


async def test_handshake_returns_challenge_for_right_token(serve, fake_api):
    async with serve(make_channel(fake_api.url)) as served:
        params = {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1158201444"}
        async with served.session.get(served.url + WEBHOOK, params=params) as resp:
            assert resp.status == 200
            assert resp.content_type == "text/plain"
            assert await resp.text() == "1158201444"


@pytest.mark.parametrize(
    "mode,token",
    [
        ("subscribe", "wrong-token"),
        ("subscribe", ""),
        ("unsubscribe", VERIFY_TOKEN),
    ],
)
async def test_handshake_refused_for_wrong_token_or_mode(serve, fake_api, mode, token):
    async with serve(make_channel(fake_api.url)) as served:
        params = {"hub.mode": mode, "hub.verify_token": token, "hub.challenge": "1158201444"}
        async with served.session.get(served.url + WEBHOOK, params=params) as resp:
            assert resp.status == 403
            assert "1158201444" not in await resp.text()


async def test_handshake_refused_when_no_verify_token_configured(serve, fake_api):
    async with serve(make_channel(fake_api.url, verify_token=None)) as served:
        params = {"hub.mode": "subscribe", "hub.verify_token": "", "hub.challenge": "42"}
        async with served.session.get(served.url + WEBHOOK, params=params) as resp:
            assert resp.status == 403


# --- signed messages ----------------------------------------------------------------


async def test_text_message_reaches_rasa_and_reply_is_posted(serve, fake_api):
    async with serve(make_channel(fake_api.url)) as served:
        status, _ = await post(served, text_message("hoe word ik lasser?"))
        assert status == 200
        await served.settle()

        assert [m.text for m in served.rasa.received] == ["hoe word ik lasser?"]
        message = served.rasa.received[0]
        assert message.input_channel == "whatsapp"
        assert message.metadata == {"channel": "whatsapp", "doelgroep": "ouder"}
        # Meta's message id holds the phone number: Rasa gets its keyed hash only.
        assert message.message_id == hash_message_id(WAMID, SENDER_SECRET)
        assert WAMID not in message.message_id and PHONE not in message.message_id

        assert len(fake_api.requests) == 1
        request = fake_api.requests[0]
        assert request["path"] == f"/{PHONE_NUMBER_ID}/messages"
        assert request["headers"]["Authorization"] == f"Bearer {ACCESS_TOKEN}"
        sent = request["json"]
        assert sent["messaging_product"] == "whatsapp"
        assert sent["to"] == PHONE
        assert sent["type"] == "text"
        assert sent["text"]["body"] == "Je zei: hoe word ik lasser?"


async def test_sender_id_is_keyed_hash_not_the_number(serve, fake_api):
    async with serve(make_channel(fake_api.url)) as served:
        await post(served, text_message("hoi"))
        await served.settle()
        message = served.rasa.received[0]
        expected = hmac.new(SENDER_SECRET.encode(), PHONE.encode(), hashlib.sha256).hexdigest()
        assert message.sender_id == expected == hash_sender_id(PHONE, SENDER_SECRET)
        assert PHONE not in message.sender_id
        assert PHONE not in json.dumps(message.metadata)
        # The output channel forgets the number once the message has been handled.
        assert message.output_channel._recipients == {}


async def test_webhook_answers_before_rasa_has_finished(serve, fake_api):
    rasa = FakeRasa()
    rasa.gate = asyncio.Event()
    async with serve(make_channel(fake_api.url), rasa) as served:
        status, _ = await asyncio.wait_for(post(served, text_message("hallo")), timeout=3)
        assert status == 200
        assert fake_api.requests == []  # Rasa is still "thinking"
        rasa.gate.set()
        await served.settle()
        assert len(fake_api.sent) == 1


async def test_missing_signature_is_refused_and_nothing_processed(serve, fake_api):
    async with serve(make_channel(fake_api.url)) as served:
        status, text = await post(served, text_message("hoi"), signature=None)
        assert status == 401
        assert "error" in json.loads(text)
        await served.settle()
        assert served.rasa.received == []
        assert fake_api.requests == []


@pytest.mark.parametrize(
    "signature",
    [
        sign(b"something else"),
        "sha256=" + "0" * 64,
        "sha1=abcdef",
        "garbage",
    ],
)
async def test_wrong_signature_is_refused_and_nothing_processed(serve, fake_api, signature):
    async with serve(make_channel(fake_api.url)) as served:
        status, _ = await post(served, text_message("hoi"), signature=signature)
        assert status == 403
        await served.settle()
        assert served.rasa.received == []
        assert fake_api.requests == []


async def test_signature_with_other_secret_or_tampered_body_is_refused(serve, fake_api):
    async with serve(make_channel(fake_api.url)) as served:
        raw = json.dumps(text_message("hoi")).encode()
        status, _ = await post(served, None, signature=sign(raw, "other-secret"), raw=raw)
        assert status == 403
        tampered = raw.replace(b"hoi", b"hai")
        status, _ = await post(served, None, signature=sign(raw), raw=tampered)
        assert status == 403
        await served.settle()
        assert served.rasa.received == []
        assert fake_api.requests == []


async def test_signature_is_checked_on_the_raw_bytes(serve, fake_api):
    """Re-serialising the JSON would change the bytes; the raw body must be used."""
    async with serve(make_channel(fake_api.url)) as served:
        raw = b'{ "object" : "whatsapp_business_account",  "entry": [] }'
        status, _ = await post(served, None, signature=sign(raw), raw=raw)
        assert status == 200


async def test_fails_closed_without_app_secret(serve, fake_api):
    async with serve(make_channel(fake_api.url, app_secret=None)) as served:
        raw = json.dumps(text_message("hoi")).encode()
        for signature in (None, sign(raw, ""), sign(raw)):
            status, text = await post(served, None, signature=signature, raw=raw)
            assert status == 503  # "not configured", before any signature is looked at
            assert json.loads(text) == {"error": "WhatsApp channel is not configured"}
        await served.settle()
        assert served.rasa.received == []
        assert fake_api.requests == []


async def test_fails_closed_without_sender_id_secret(serve, fake_api):
    async with serve(make_channel(fake_api.url, sender_id_secret=None)) as served:
        status, _ = await post(served, text_message("hoi"))
        assert status == 503
        await served.settle()
        assert served.rasa.received == []
        assert fake_api.requests == []


@pytest.mark.parametrize("raw", [b"{not json", b"\xff\xfe", b""])
async def test_malformed_json_gives_clear_400(serve, fake_api, raw):
    async with serve(make_channel(fake_api.url)) as served:
        status, text = await post(served, None, raw=raw)
        assert status == 400
        body = json.loads(text)
        assert "JSON" in body["error"]
        assert "Traceback" not in text


@pytest.mark.parametrize(
    "payload",
    [
        [],
        {"object": "page", "entry": []},
        {"object": "whatsapp_business_account", "entry": "nope"},
        {"object": "whatsapp_business_account", "entry": [{"changes": [{"value": "x"}]}]},
        notification({"messages": [{"id": "wamid.1", "type": "text", "text": {"body": "hoi"}}]}),
        notification({"messages": [{"from": PHONE, "id": "wamid.2", "type": "text", "text": {}}]}),
    ],
)
async def test_unexpected_shape_gives_clear_400_and_nothing_processed(serve, fake_api, payload):
    async with serve(make_channel(fake_api.url)) as served:
        status, text = await post(served, payload)
        assert status == 400
        assert json.loads(text)["error"].startswith("unexpected payload")
        assert "Traceback" not in text
        await served.settle()
        assert served.rasa.received == []


async def test_duplicate_delivery_is_answered_once(serve, fake_api):
    async with serve(make_channel(fake_api.url)) as served:
        payload = text_message("wat verdient een kapper?", wamid="wamid.dup1")
        for _ in range(3):
            status, _ = await post(served, payload)
            assert status == 200  # Meta must see success, or it retries again
        await served.settle()
        assert len(served.rasa.received) == 1
        assert len(fake_api.sent) == 1
        # A new message id is handled again.
        await post(served, text_message("en een lasser?", wamid="wamid.dup2"))
        await served.settle()
        assert len(served.rasa.received) == 2


@pytest.mark.parametrize(
    "reply_type,reply",
    [
        ("button_reply", {"id": "/ask_route", "title": "Hoe word ik dat?"}),
        ("list_reply", {"id": "/ask_route", "title": "Opleiding", "description": "Welke opleiding past erbij"}),
    ],
)
async def test_interactive_reply_passes_payload_to_rasa(serve, fake_api, reply_type, reply):
    async with serve(make_channel(fake_api.url)) as served:
        status, _ = await post(served, interactive_message(reply_type, reply, f"wamid.{reply_type}"))
        assert status == 200
        await served.settle()
        assert [m.text for m in served.rasa.received] == ["/ask_route"]


async def test_list_reply_with_entity_payload(serve, fake_api):
    reply = {"id": '/ask_salary{"beroep":"lasser"}', "title": "Salaris lasser"}
    async with serve(make_channel(fake_api.url)) as served:
        await post(served, interactive_message("list_reply", reply, "wamid.lr2"))
        await served.settle()
        assert served.rasa.received[0].text == '/ask_salary{"beroep":"lasser"}'


async def test_status_callback_is_ignored(serve, fake_api):
    async with serve(make_channel(fake_api.url)) as served:
        for status_name in ("sent", "delivered", "read"):
            status, _ = await post(served, status_update(status_name))
            assert status == 200
        await served.settle()
        assert served.rasa.received == []
        assert fake_api.requests == []


async def test_failed_status_is_logged_without_number(serve, fake_api, caplog):
    caplog.set_level(logging.DEBUG)
    payload = status_update("failed")
    payload["entry"][0]["changes"][0]["value"]["statuses"][0]["errors"] = [
        {"code": 131047, "title": "Re-engagement message", "message": f"to {PHONE}"}
    ]
    async with serve(make_channel(fake_api.url)) as served:
        status, _ = await post(served, payload)
        assert status == 200
    assert "131047" in caplog.text
    assert PHONE not in caplog.text


async def test_image_gets_dutch_only_text_reply_without_rasa(serve, fake_api):
    async with serve(make_channel(fake_api.url)) as served:
        status, _ = await post(served, image_message())
        assert status == 200
        await served.settle()
        assert served.rasa.received == []
        assert [s["text"]["body"] for s in fake_api.sent] == [ONLY_TEXT_REPLY]
        assert fake_api.sent[0]["to"] == PHONE
