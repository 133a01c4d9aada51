"""The project's REST channel (the widget's /webhooks/rest/webhook): only a widget-shaped
request reaches Rasa, with at most 1,000 characters, and bad input gets a clear 4xx."""

import asyncio
import json
import logging
import time

import pytest
from channel_fakes import FakeRasa

from bot.channels.limits import MAX_REQUEST_BYTES, MAX_REST_BODY_BYTES, MAX_TEXT_CHARS, TOO_LONG_REPLY_PUPIL
from bot.channels.rest import FAILURE_MESSAGE, KansrijkRestInput

WEBHOOK = "/webhooks/rest/webhook"
SENDER = "0123456789abcdef0123456789abcdef"  # as the widget makes them: 32 lowercase hex
JSON = {"Content-Type": "application/json"}


async def post(served, body, headers=JSON, query=""):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    async with served.session.post(served.url + WEBHOOK + query, data=data, headers=headers) as resp:
        return resp.status, await resp.text()


async def test_a_widget_message_reaches_rasa_and_the_answer_comes_back(serve):
    async with serve(KansrijkRestInput()) as served:
        status, text = await post(served, {"sender": SENDER, "message": "hoeveel verdient een lasser?"})
        assert status == 200
        assert json.loads(text) == [{"recipient_id": SENDER, "text": "Je zei: hoeveel verdient een lasser?"}]
        message = served.rasa.received[0]
        assert (message.sender_id, message.text, message.input_channel) == (
            SENDER,
            "hoeveel verdient een lasser?",
            "rest",
        )


async def test_client_metadata_input_channel_and_stream_are_ignored(serve):
    request = {
        "sender": SENDER,
        "message": "hoi",
        "metadata": {"doelgroep": "ouder", "blob": "x" * 20_000},
        "input_channel": "whatsapp",
        "stream": True,
    }
    async with serve(KansrijkRestInput()) as served:
        status, text = await post(served, request, query="?stream=true")
        assert status == 200 and json.loads(text)[0]["text"] == "Je zei: hoi"
        message = served.rasa.received[0]
        assert message.metadata is None
        assert message.input_channel == "rest"


@pytest.mark.parametrize(
    "request_body, fragment",
    [
        ({"message": "hoi"}, "geen sender"),
        ({"sender": "", "message": "hoi"}, "geen sender"),
        ({"sender": "demo", "message": "hoi"}, "32 hexadecimale"),
        ({"sender": SENDER.upper(), "message": "hoi"}, "32 hexadecimale"),
        ({"sender": SENDER[:-1], "message": "hoi"}, "32 hexadecimale"),
        ({"sender": SENDER + "0" * 20_000, "message": "hoi"}, "32 hexadecimale"),
        ({"sender": 12345678901234567890123456789012, "message": "hoi"}, "32 hexadecimale"),
        ({"sender": [SENDER], "message": "hoi"}, "32 hexadecimale"),
        ({"sender": SENDER}, "geen message"),
        ({"sender": SENDER, "message": 42}, "moet tekst zijn"),
        ({"sender": SENDER, "message": ["hoi"]}, "moet tekst zijn"),
        ([{"sender": SENDER, "message": "hoi"}], "JSON-object"),
        ("hoi", "JSON-object"),
        (b"", "leeg"),
        (b"   ", "leeg"),
        (b'{"sender": "', "geen geldige JSON"),
        (b'{"sender": "\xff"}', "geen geldige JSON"),
        (b"[" * 50_000, "geen geldige JSON"),
    ],
)
async def test_bad_requests_get_a_clear_400_and_reach_nobody(serve, request_body, fragment):
    async with serve(KansrijkRestInput()) as served:
        status, text = await post(served, request_body)
        assert status == 400, text
        assert fragment in json.loads(text)["error"]
        assert "Traceback" not in text
        assert served.rasa.received == []


@pytest.mark.parametrize(
    "content_type", [None, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]
)
async def test_only_json_is_accepted(serve, content_type):
    """A browser sends text/plain cross-origin without asking first: refused, so only
    allowed sites (CORS preflight) can make the bot answer."""
    headers = {"Content-Type": content_type} if content_type else {}
    async with serve(KansrijkRestInput()) as served:
        status, text = await post(served, {"sender": SENDER, "message": "hoi"}, headers=headers)
        assert status == 415 and "application/json" in json.loads(text)["error"]
        assert served.rasa.received == []


async def test_a_40_kb_message_gets_a_short_refusal_at_once(serve):
    async with serve(KansrijkRestInput()) as served:
        started = time.monotonic()
        status, text = await post(served, {"sender": SENDER, "message": "lasser " * 5800})
        elapsed = time.monotonic() - started
        assert status == 200 and elapsed < 1.0
        assert json.loads(text) == [{"recipient_id": SENDER, "text": TOO_LONG_REPLY_PUPIL}]
        assert len(text) < 300
        assert served.rasa.received == []


async def test_exactly_the_limit_still_reaches_rasa(serve):
    async with serve(KansrijkRestInput()) as served:
        await post(served, {"sender": SENDER, "message": "🙂" * MAX_TEXT_CHARS})
        await post(served, {"sender": SENDER, "message": "🙂" * (MAX_TEXT_CHARS + 1)})
        assert [len(m.text) for m in served.rasa.received] == [MAX_TEXT_CHARS]


async def test_a_body_above_the_channel_cap_gets_413(serve):
    async with serve(KansrijkRestInput()) as served:
        body = json.dumps({"sender": SENDER, "message": "x" * MAX_REST_BODY_BYTES}).encode()
        status, text = await post(served, body)
        assert status == 413 and "te groot" in json.loads(text)["error"]


async def test_the_server_reads_no_body_above_the_request_cap(serve):
    """The channel lowers Sanic's 100 MB default for the whole server: a larger
    Content-Length is refused before a byte of the body is read."""
    async with serve(KansrijkRestInput()) as served:
        host, port = served.url.removeprefix("http://").split(":")
        reader, writer = await asyncio.open_connection(host, int(port))
        writer.write(
            (
                f"POST {WEBHOOK} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {MAX_REQUEST_BYTES + 1}\r\n\r\n"
            ).encode()
        )
        await writer.drain()
        status_line = await asyncio.wait_for(reader.readline(), timeout=5)
        writer.close()
        assert status_line.split()[1] == b"413"


async def test_a_failure_is_logged_without_the_text(serve, caplog):
    caplog.set_level(logging.DEBUG)

    def broken(message):
        raise RuntimeError(f"could not handle {message.text!r}")

    async with serve(KansrijkRestInput(), FakeRasa(broken)) as served:
        status, text = await post(served, {"sender": SENDER, "message": "ik ben Sanne uit 3B en ik word gepest"})
        assert status == 503 and json.loads(text) == {"error": FAILURE_MESSAGE}
        assert "Traceback" not in text
    assert "RuntimeError" in caplog.text and SENDER[:10] in caplog.text
    assert "Sanne" not in caplog.text and "gepest" not in caplog.text


async def test_what_was_said_before_a_failure_is_still_returned(serve):
    def half(message):
        yield {"text": "Even kijken..."}
        raise RuntimeError("action server down")

    class HalfRasa(FakeRasa):
        async def handle_message(self, message):
            self.received.append(message)
            for bot_message in half(message):
                await message.output_channel.send_response(message.sender_id, bot_message)

    async with serve(KansrijkRestInput(), HalfRasa()) as served:
        status, text = await post(served, {"sender": SENDER, "message": "hoi"})
        assert status == 200 and json.loads(text) == [{"recipient_id": SENDER, "text": "Even kijken..."}]


async def test_health_check(serve):
    async with serve(KansrijkRestInput()) as served:
        async with served.session.get(served.url + "/webhooks/rest/") as resp:
            assert resp.status == 200 and await resp.json() == {"status": "ok"}
