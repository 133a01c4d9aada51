"""WhatsApp Cloud API channel, outgoing side: how Rasa's responses become Graph API
messages, retries when the Graph API fails, and the channel's configuration."""

import logging
from typing import Any, Dict

import pytest
from channel_fakes import PHONE, FakeRasa, closed_port_url
from meta_payloads import make_channel, post, text_message

from bot.channels.whatsapp import WhatsAppInput, whatsapp_status
from bot.channels.whatsapp_output import (
    MAX_BUTTON_TITLE,
    MAX_LIST_ROWS,
    MAX_ROW_TITLE,
    MAX_TEXT_LENGTH,
)

# --- rendering Rasa responses ------------------------------------------------------


def responder(*messages: Dict[str, Any]):
    return FakeRasa(lambda _m: [dict(m) for m in messages])


async def test_long_text_is_split_into_chunks_of_at_most_4096(serve, fake_api):
    paragraph = ("Een lasser verbindt metalen onderdelen. " * 30).strip()
    long_text = "\n\n".join(f"{i}. {paragraph}" for i in range(1, 9))
    assert len(long_text) > 2 * MAX_TEXT_LENGTH
    async with serve(make_channel(fake_api.url), responder({"text": long_text})) as served:
        await post(served, text_message("vertel alles"))
        await served.settle()
    bodies = [s["text"]["body"] for s in fake_api.sent]
    assert len(bodies) >= 3
    assert all(len(b) <= MAX_TEXT_LENGTH for b in bodies)
    # Nothing lost, and cuts fall on paragraph boundaries.
    assert "\n\n".join(bodies) == long_text
    assert all(b.endswith(".") for b in bodies)


async def test_three_buttons_become_reply_buttons_with_payload_ids(serve, fake_api):
    buttons = [
        {"title": "Hoe word ik dat?", "payload": "/ask_route"},
        {"title": "Wat verdien je ermee als beginner?", "payload": "/ask_salary"},
        {"title": "Kans op werk", "payload": "/ask_prospects"},
    ]
    bot = responder({"text": "Wat wilt u weten over lasser?", "buttons": buttons})
    async with serve(make_channel(fake_api.url), bot) as served:
        await post(served, text_message("lasser"))
        await served.settle()
    assert len(fake_api.sent) == 1
    sent = fake_api.sent[0]
    assert sent["type"] == "interactive"
    interactive = sent["interactive"]
    assert interactive["type"] == "button"
    assert interactive["body"]["text"] == "Wat wilt u weten over lasser?"
    replies = [b["reply"] for b in interactive["action"]["buttons"]]
    assert [r["id"] for r in replies] == ["/ask_route", "/ask_salary", "/ask_prospects"]
    titles = [r["title"] for r in replies]
    assert all(len(t) <= MAX_BUTTON_TITLE for t in titles)
    assert titles[0] == "Hoe word ik dat?"
    assert titles[1].endswith("…") and titles[1].startswith("Wat verdien je")
    assert not any(t.startswith("/") for t in titles)


async def test_more_than_three_buttons_become_a_list(serve, fake_api):
    buttons = [{"title": f"Sector nummer {i} met een lange naam", "payload": f"/ask_sector{i}"} for i in range(1, 6)]
    bot = responder({"text": "Kies een sector:", "buttons": buttons})
    async with serve(make_channel(fake_api.url), bot) as served:
        await post(served, text_message("sectoren"))
        await served.settle()
    assert len(fake_api.sent) == 1
    interactive = fake_api.sent[0]["interactive"]
    assert interactive["type"] == "list"
    assert len(interactive["action"]["button"]) <= 20
    rows = [r for s in interactive["action"]["sections"] for r in s["rows"]]
    assert [r["id"] for r in rows] == [f"/ask_sector{i}" for i in range(1, 6)]
    assert all(len(r["title"]) <= MAX_ROW_TITLE for r in rows)
    assert len({r["title"] for r in rows}) == len(rows)  # WhatsApp needs unique titles
    assert all(len(r.get("description", "")) <= 72 for r in rows)


async def test_more_than_ten_buttons_are_spread_over_lists(serve, fake_api):
    buttons = [{"title": f"Optie {i}", "payload": f"/choose{i}"} for i in range(12)]
    bot = responder({"text": "Kies:", "buttons": buttons})
    async with serve(make_channel(fake_api.url), bot) as served:
        await post(served, text_message("opties"))
        await served.settle()
    lists = [s["interactive"] for s in fake_api.sent]
    assert [i["type"] for i in lists] == ["list", "list"]
    row_counts = [sum(len(s["rows"]) for s in i["action"]["sections"]) for i in lists]
    assert all(count <= MAX_LIST_ROWS for count in row_counts)
    ids = [r["id"] for i in lists for s in i["action"]["sections"] for r in s["rows"]]
    assert ids == [f"/choose{i}" for i in range(12)]


async def test_long_text_with_buttons_sends_text_first(serve, fake_api):
    text = "Uitleg. " * 200  # > 1,024 characters, too long for an interactive body
    bot = responder({"text": text, "buttons": [{"title": "Ja", "payload": "/affirm"}]})
    async with serve(make_channel(fake_api.url), bot) as served:
        await post(served, text_message("leg uit"))
        await served.settle()
    assert [s["type"] for s in fake_api.sent] == ["text", "interactive"]
    assert len(fake_api.sent[1]["interactive"]["body"]["text"]) <= 1024


async def test_image_and_link_responses(serve, fake_api):
    bot = responder({"text": "Kijk eens op https://www.kiesmbo.nl", "image": "https://example.org/lasser.jpg"})
    async with serve(make_channel(fake_api.url), bot) as served:
        await post(served, text_message("foto"))
        await served.settle()
    assert [s["type"] for s in fake_api.sent] == ["text", "image"]
    assert "https://www.kiesmbo.nl" in fake_api.sent[0]["text"]["body"]
    assert fake_api.sent[1]["image"] == {"link": "https://example.org/lasser.jpg"}


CHART = {
    "url": "https://bot.example.nl/klas/grafiek/a+b.png",
    "alt": "Grafiek van het bruto uurloon in 2022 van Elektricien en Kapper. Elektricien: € 21,00.",
    "caption": "Bruto uurloon per uur in 2022. Elektricien € 21,00 · Kapper € 14,40. Bron: CBS, 2022.",
}


async def test_a_chart_becomes_an_image_message_with_its_caption(serve, fake_api):
    bot = responder({"text": "Elektricien: € 21,00 per uur"}, {"custom": {"chart": CHART}})
    async with serve(make_channel(fake_api.url), bot) as served:
        await post(served, text_message("vergelijk elektricien en kapper"))
        await served.settle()
    assert [s["type"] for s in fake_api.sent] == ["text", "image"]
    image = fake_api.sent[1]
    assert image["image"] == {"link": CHART["url"], "caption": CHART["caption"]}
    assert (image["messaging_product"], image["to"]) == ("whatsapp", PHONE)


async def test_a_long_chart_caption_is_cut_to_whatsapps_limit(serve, fake_api):
    chart = dict(CHART, caption="Uitleg bij de grafiek. " * 100)
    async with serve(make_channel(fake_api.url), responder({"custom": {"chart": chart}})) as served:
        await post(served, text_message("vergelijk"))
        await served.settle()
    caption = fake_api.sent[0]["image"]["caption"]
    assert len(caption) <= 1024 and caption.endswith("…")


@pytest.mark.parametrize(
    "custom",
    [
        {"chart": dict(CHART, url="javascript:alert(1)")},
        {"chart": dict(CHART, url=None)},
        {"chart": "https://bot.example.nl/x.png"},
        {"quiz": {"round": 1}},
    ],
)
async def test_other_custom_payloads_send_nothing(serve, fake_api, custom):
    async with serve(make_channel(fake_api.url), responder({"custom": custom})) as served:
        await post(served, text_message("hoi"))
        await served.settle()
    assert fake_api.sent == []


async def test_a_raw_whatsapp_payload_still_goes_out_as_it_is(serve, fake_api):
    raw = {"type": "location", "location": {"latitude": 51.9, "longitude": 4.5}}
    async with serve(make_channel(fake_api.url), responder({"custom": {"whatsapp": raw}})) as served:
        await post(served, text_message("waar"))
        await served.settle()
    assert fake_api.sent[0]["type"] == "location"
    assert fake_api.sent[0]["location"] == raw["location"]


# --- failing Graph API ----------------------------------------------------------------


async def test_transient_graph_errors_are_retried(serve, fake_api):
    fake_api.fail_times = 2
    async with serve(make_channel(fake_api.url)) as served:
        await post(served, text_message("hoi"))
        await served.settle()
    assert len(fake_api.requests) == 3
    assert all(r["json"]["text"]["body"] == "Je zei: hoi" for r in fake_api.requests)


async def test_client_errors_are_not_retried(serve, fake_api, caplog):
    fake_api.always_fail = True
    fake_api.fail_status = 400
    fake_api.error_body = {"error": {"message": "Invalid parameter", "code": 100}}
    async with serve(make_channel(fake_api.url)) as served:
        await post(served, text_message("hoi"))
        await served.settle()
    assert len(fake_api.requests) == 1  # a 4xx will not get better by retrying
    assert "Invalid parameter" in caplog.text


async def test_failing_graph_api_is_logged_without_number_and_server_survives(serve, fake_api, caplog):
    caplog.set_level(logging.DEBUG)
    fake_api.always_fail = True
    # Some Graph errors echo the recipient; the log must still not contain it.
    fake_api.error_body = {"error": {"message": f"Recipient {PHONE} unavailable", "code": 131026}}
    async with serve(make_channel(fake_api.url)) as served:
        status, _ = await post(served, text_message("hoi", wamid="wamid.f1"))
        assert status == 200
        await served.settle()
        assert len(fake_api.requests) == 3  # retry_attempts
        assert "giving up" in caplog.text
        assert "131026" in caplog.text
        assert PHONE not in caplog.text
        for record in caplog.records:
            assert PHONE not in record.getMessage()

        # The server keeps working once the API recovers.
        fake_api.always_fail = False
        status, _ = await post(served, text_message("nog een vraag", wamid="wamid.f2"))
        assert status == 200
        await served.settle()
        assert fake_api.sent[-1]["text"]["body"] == "Je zei: nog een vraag"


async def test_refused_connection_is_retried_and_server_survives(serve, caplog):
    caplog.set_level(logging.DEBUG)
    channel = make_channel(closed_port_url())
    async with serve(channel) as served:
        status, _ = await post(served, text_message("hoi", wamid="wamid.r1"))
        assert status == 200
        await served.settle()
        retries = [r for r in caplog.records if "retrying" in r.getMessage()]
        assert len(retries) == 2  # 3 attempts
        assert any("giving up" in r.getMessage() for r in caplog.records)
        assert PHONE not in caplog.text

        status, _ = await post(served, text_message("hoi", wamid="wamid.r2"))
        assert status == 200
        async with served.session.get(served.url + "/webhooks/whatsapp/") as resp:
            assert resp.status == 200
        await served.settle()
        assert len(served.rasa.received) == 2


async def test_rasa_error_does_not_crash_or_leak(serve, fake_api, caplog):
    caplog.set_level(logging.DEBUG)

    def broken(message):
        # Exception messages may quote the text (Rasa's do): so they are not logged.
        raise RuntimeError(f"boom for {PHONE} on {message.text!r}")

    async with serve(make_channel(fake_api.url), FakeRasa(broken)) as served:
        await post(served, text_message("ik ben Sanne uit 3B", wamid="wamid.e1"))
        await served.settle()
        assert "RuntimeError" in caplog.text
        assert "Traceback" in caplog.text  # still useful for debugging...
        assert PHONE not in caplog.text  # ...but without the number
        assert "Sanne" not in caplog.text  # ...and without the message
        status, _ = await post(served, text_message("hoi", wamid="wamid.e2"))
        assert status == 200


# --- configuration -------------------------------------------------------------------


def test_from_credentials_reads_environment(monkeypatch):
    monkeypatch.setenv("WHATSAPP_VERIFY_TOKEN", "v")
    monkeypatch.setenv("WHATSAPP_APP_SECRET", "s")
    monkeypatch.setenv("WHATSAPP_ACCESS_TOKEN", "a")
    monkeypatch.setenv("WHATSAPP_PHONE_NUMBER_ID", "123")
    monkeypatch.setenv("WHATSAPP_API_URL", "http://127.0.0.1:1/v0")
    monkeypatch.setenv("SENDER_ID_SECRET", "k" * 32)
    for credentials in (None, {}, {"app_secret": None, "verify_token": ""}):
        channel = WhatsAppInput.from_credentials(credentials)
        assert (
            channel.verify_token,
            channel.app_secret,
            channel.access_token,
            channel.phone_number_id,
            channel.api_url,
            channel.sender_id_secret,
        ) == ("v", "s", "a", "123", "http://127.0.0.1:1/v0", "k" * 32)
        assert channel.missing_settings() == []
    assert WhatsAppInput.name() == "whatsapp"
    assert WhatsAppInput.from_credentials(None).url_prefix() == "whatsapp"


def test_default_api_url(monkeypatch):
    monkeypatch.delenv("WHATSAPP_API_URL", raising=False)
    assert WhatsAppInput.from_credentials(None).api_url == "https://graph.facebook.com/v21.0"


def test_credentials_yml_value_wins_over_environment(monkeypatch):
    monkeypatch.setenv("WHATSAPP_ACCESS_TOKEN", "from-env")
    monkeypatch.setenv("WHATSAPP_API_URL", "http://127.0.0.1:1/env")
    channel = WhatsAppInput.from_credentials({"access_token": "from-yml", "api_url": "http://127.0.0.1:1/yml"})
    assert channel.access_token == "from-yml"
    assert channel.api_url == "http://127.0.0.1:1/yml"


def test_unknown_setting_is_refused():
    with pytest.raises(TypeError, match="acces_token"):
        WhatsAppInput(acces_token="typo")


# The variables docs/whatsapp.md tells a school to set: spelled out here, not taken
# from the channel, so renaming one fails this test.
REQUIRED_ENV = (
    "WHATSAPP_VERIFY_TOKEN",
    "WHATSAPP_APP_SECRET",
    "WHATSAPP_ACCESS_TOKEN",
    "WHATSAPP_PHONE_NUMBER_ID",
    "SENDER_ID_SECRET",
)


def test_whatsapp_status_lines():
    full = {name: "x" * 32 for name in REQUIRED_ENV}
    assert whatsapp_status(full) == "WhatsApp: aan"
    assert whatsapp_status({}) == "WhatsApp: uit (niet ingesteld)"
    partial = dict(full, WHATSAPP_APP_SECRET="")
    assert whatsapp_status(partial) == "WhatsApp: uit (WHATSAPP_APP_SECRET ontbreekt)"
    two = dict(partial, SENDER_ID_SECRET="  ")
    assert whatsapp_status(two) == ("WhatsApp: uit (WHATSAPP_APP_SECRET, SENDER_ID_SECRET ontbreken)")
    # Each required variable alone closes the channel; optional WHATSAPP_API_URL does not.
    for name in REQUIRED_ENV:
        assert whatsapp_status(dict(full, **{name: ""})) == f"WhatsApp: uit ({name} ontbreekt)"
    assert whatsapp_status(dict(full, WHATSAPP_API_URL="")) == "WhatsApp: aan"
    # A key that is too short closes the channel, and the line says why.
    assert whatsapp_status(dict(full, SENDER_ID_SECRET="x" * 31)) == (
        "WhatsApp: uit (SENDER_ID_SECRET te kort (minder dan 32 bytes))"
    )
    assert whatsapp_status(dict(partial, SENDER_ID_SECRET="x")) == (
        "WhatsApp: uit (WHATSAPP_APP_SECRET ontbreekt; SENDER_ID_SECRET te kort (minder dan 32 bytes))"
    )
