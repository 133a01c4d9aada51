"""WhatsApp via Twilio: signature validation, form webhook, replies to a fake Twilio."""

import base64
import logging

import pytest
from channel_fakes import PHONE, SENDER_SECRET, FakeRasa
from twilio_payloads import ACCOUNT_SID, AUTH_TOKEN, FROM, WEBHOOK, incoming, make_channel, post, reference_signature

from bot.channels.base import ONLY_TEXT_REPLY
from bot.channels.twilio_output import CHOOSE_HINT
from bot.channels.twilio_signature import compute_twilio_signature
from bot.channels.twilio_whatsapp import TwilioWhatsAppInput, twilio_whatsapp_status
from bot.privacy import hash_message_id, hash_sender_id


def test_signature_matches_twilio_reference_implementation():
    params = {"Body": "hoi", "From": "whatsapp:+31612345678", "NumMedia": "0", "Empty": ""}
    url = "https://school.example.nl/webhooks/twilio_whatsapp/webhook?x=1"
    ours = compute_twilio_signature(AUTH_TOKEN, url, {k: [v] for k, v in params.items()})
    assert ours == reference_signature(AUTH_TOKEN, url, params)
    twilio = pytest.importorskip("twilio.request_validator")
    assert ours == twilio.RequestValidator(AUTH_TOKEN).compute_signature(url, params)


async def test_good_signature_message_handled_and_reply_posted(serve, fake_api):
    async with serve(make_channel(fake_api.url)) as served:
        status, text = await post(served, incoming("wat verdient een lasser?"))
        assert status == 200
        assert "<Response>" in text
        await served.settle()

    message = served.rasa.received[0]
    assert message.text == "wat verdient een lasser?"
    assert message.input_channel == "twilio_whatsapp"
    assert message.metadata == {"channel": "whatsapp", "doelgroep": "ouder"}
    # Same parent, same id as on the Meta channel (number normalised to digits).
    assert message.sender_id == hash_sender_id(PHONE, SENDER_SECRET)
    assert PHONE not in message.sender_id

    assert len(fake_api.requests) == 1
    request = fake_api.requests[0]
    assert request["path"] == f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"
    expected_auth = "Basic " + base64.b64encode(f"{ACCOUNT_SID}:{AUTH_TOKEN}".encode()).decode()
    assert request["headers"]["Authorization"] == expected_auth
    assert request["form"] == {
        "To": f"whatsapp:+{PHONE}",
        "From": FROM,
        "Body": "Je zei: wat verdient een lasser?",
    }


@pytest.mark.parametrize(
    "signature,expected",
    [
        (None, 401),
        ("bm90IGEgc2lnbmF0dXJl", 403),
        ("", 401),
    ],
)
async def test_bad_or_missing_signature_refused(serve, fake_api, signature, expected):
    async with serve(make_channel(fake_api.url)) as served:
        status, _ = await post(served, incoming("hoi"), signature=signature)
        assert status == expected
        await served.settle()
        assert served.rasa.received == []
        assert fake_api.requests == []


async def test_signature_with_wrong_token_or_changed_params_refused(serve, fake_api):
    async with serve(make_channel(fake_api.url)) as served:
        status, _ = await post(served, incoming("hoi"), token="another-token")
        assert status == 403
        params = incoming("hoi")
        good = reference_signature(AUTH_TOKEN, served.url + WEBHOOK, params)
        status, _ = await post(served, incoming("hoi!"), signature=good)
        assert status == 403
        await served.settle()
        assert served.rasa.received == []


async def test_fails_closed_without_auth_token(serve, fake_api):
    async with serve(make_channel(fake_api.url, auth_token=None)) as served:
        status, text = await post(served, incoming("hoi"), token="")
        assert status == 503
        assert "not configured" in text
        await served.settle()
        assert served.rasa.received == []
        assert fake_api.requests == []


async def test_webhook_url_override_for_proxies(serve, fake_api):
    public = "https://kansrijk.school.example/webhooks/twilio_whatsapp/webhook"
    async with serve(make_channel(fake_api.url, webhook_url=public)) as served:
        status, _ = await post(served, incoming("hoi", sid="SMproxy1"), signed_url=public)
        assert status == 200
        # Signed for the internal URL: not what Twilio would sign, so refused.
        status, _ = await post(served, incoming("hoi", sid="SMproxy2"))
        assert status == 403
        await served.settle()
        # Rasa gets the keyed hash of the message id, never the id itself.
        assert [m.message_id for m in served.rasa.received] == [hash_message_id("SMproxy1", SENDER_SECRET)]


async def test_duplicate_message_sid_handled_once(serve, fake_api):
    async with serve(make_channel(fake_api.url)) as served:
        for _ in range(2):
            status, _ = await post(served, incoming("hoi", sid="SMdup"))
            assert status == 200
        await served.settle()
        assert len(served.rasa.received) == 1
        assert len(fake_api.requests) == 1


async def test_buttons_become_numbered_list_and_number_maps_to_payload(serve, fake_api):
    def bot(message):
        if message.text == "lasser":
            return [
                {
                    "text": "Wat wilt u weten?",
                    "buttons": [
                        {"title": "Hoe word ik dat?", "payload": "/ask_route"},
                        {"title": "Salaris", "payload": "/ask_salary"},
                    ],
                }
            ]
        return [{"text": f"ok {message.text}"}]

    async with serve(make_channel(fake_api.url), FakeRasa(bot)) as served:
        await post(served, incoming("lasser", sid="SMb1"))
        await served.settle()
        body = fake_api.requests[0]["form"]["Body"]
        assert "1. Hoe word ik dat?" in body and "2. Salaris" in body
        assert CHOOSE_HINT in body
        assert "/ask" not in body  # parents never see raw payloads

        await post(served, incoming("2", sid="SMb2"))
        await served.settle()
        assert served.rasa.received[-1].text == "/ask_salary"
        # The options were for that one turn only.
        await post(served, incoming("2", sid="SMb3"))
        await served.settle()
        assert served.rasa.received[-1].text == "2"


async def test_media_message_gets_dutch_only_text_reply(serve, fake_api):
    params = incoming(
        "",
        sid="SMimg",
        NumMedia="1",
        MediaContentType0="image/jpeg",
        MediaUrl0="https://api.twilio.com/media/1",
        MessageType="image",
    )
    async with serve(make_channel(fake_api.url)) as served:
        status, _ = await post(served, params)
        assert status == 200
        await served.settle()
    assert served.rasa.received == []
    assert [r["form"]["Body"] for r in fake_api.requests] == [ONLY_TEXT_REPLY]


async def test_a_chart_is_sent_as_media_with_its_caption(serve, fake_api):
    chart = {
        "url": "https://bot.example.nl/klas/grafiek/a+b.png",
        "alt": "Grafiek van het bruto uurloon in 2022 van Elektricien en Kapper.",
        "caption": "Bruto uurloon per uur in 2022. Bron: CBS, 2022.",
    }
    bot = FakeRasa(lambda _m: [{"text": "Elektricien: € 21,00"}, {"custom": {"chart": chart}}, {"custom": {"x": 1}}])
    async with serve(make_channel(fake_api.url), bot) as served:
        await post(served, incoming("vergelijk elektricien en kapper"))
        await served.settle()
    forms = [r["form"] for r in fake_api.requests]
    assert len(forms) == 2  # the other custom payload sends nothing
    assert forms[0]["Body"] == "Elektricien: € 21,00"
    assert forms[1] == {"To": f"whatsapp:+{PHONE}", "From": FROM, "MediaUrl": chart["url"], "Body": chart["caption"]}


async def test_long_reply_split_for_twilio(serve, fake_api):
    text = ("Een timmerman maakt kozijnen en trappen. " * 100).strip()
    bot = FakeRasa(lambda _m: [{"text": text}])
    async with serve(make_channel(fake_api.url), bot) as served:
        await post(served, incoming("vertel"))
        await served.settle()
    bodies = [r["form"]["Body"] for r in fake_api.requests]
    assert len(bodies) >= 3
    assert all(len(b) <= 1600 for b in bodies)
    assert " ".join(bodies) == text


async def test_twilio_failures_retried_and_logged_without_number(serve, fake_api, caplog):
    caplog.set_level(logging.DEBUG)
    fake_api.always_fail = True
    fake_api.error_body = {"code": 20500, "message": f"Internal error for whatsapp:+{PHONE}"}
    async with serve(make_channel(fake_api.url)) as served:
        await post(served, incoming("hoi", sid="SMf1"))
        await served.settle()
        assert len(fake_api.requests) == 3
        assert "giving up" in caplog.text
        assert PHONE not in caplog.text
        fake_api.always_fail = False
        status, _ = await post(served, incoming("hoi", sid="SMf2"))
        assert status == 200
        await served.settle()
        assert len(fake_api.requests) == 4


def test_from_credentials_reads_environment(monkeypatch):
    monkeypatch.setenv("TWILIO_ACCOUNT_SID", ACCOUNT_SID)
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", AUTH_TOKEN)
    monkeypatch.setenv("TWILIO_WHATSAPP_FROM", FROM)
    monkeypatch.setenv("TWILIO_API_URL", "http://127.0.0.1:1")
    monkeypatch.setenv("TWILIO_WEBHOOK_URL", "https://example.org/webhooks/twilio_whatsapp/webhook")
    monkeypatch.setenv("SENDER_ID_SECRET", "k" * 32)
    for credentials in (None, {}, {"auth_token": None, "whatsapp_from": ""}):
        channel = TwilioWhatsAppInput.from_credentials(credentials)
        assert (
            channel.account_sid,
            channel.auth_token,
            channel.from_number,
            channel.api_url,
            channel.webhook_url,
            channel.sender_id_secret,
        ) == (
            ACCOUNT_SID,
            AUTH_TOKEN,
            FROM,
            "http://127.0.0.1:1",
            "https://example.org/webhooks/twilio_whatsapp/webhook",
            "k" * 32,
        )
        assert channel.missing_settings() == []
    assert channel.url_prefix() == "twilio_whatsapp"


def test_defaults_and_credentials_yml_keys(monkeypatch):
    for name in ("TWILIO_API_URL", "TWILIO_WEBHOOK_URL", "TWILIO_WHATSAPP_FROM"):
        monkeypatch.delenv(name, raising=False)
    channel = TwilioWhatsAppInput.from_credentials({"whatsapp_from": FROM})
    assert channel.from_number == FROM  # credentials.yml calls it whatsapp_from
    assert channel.api_url == "https://api.twilio.com"
    assert channel.webhook_url is None


def test_twilio_status_line():
    env = {
        "TWILIO_ACCOUNT_SID": "a",
        "TWILIO_AUTH_TOKEN": "b",
        "TWILIO_WHATSAPP_FROM": "c",
        "SENDER_ID_SECRET": "d" * 32,
    }
    assert twilio_whatsapp_status(env) == "WhatsApp via Twilio: aan"
    assert twilio_whatsapp_status(dict(env, TWILIO_AUTH_TOKEN="")) == (
        "WhatsApp via Twilio: uit (TWILIO_AUTH_TOKEN ontbreekt)"
    )
    assert twilio_whatsapp_status({}) == "WhatsApp via Twilio: uit (niet ingesteld)"
    # Each required variable alone closes the channel.
    for name in env:
        assert twilio_whatsapp_status(dict(env, **{name: " "})) == (f"WhatsApp via Twilio: uit ({name} ontbreekt)")
    assert twilio_whatsapp_status(dict(env, SENDER_ID_SECRET="d" * 31)) == (
        "WhatsApp via Twilio: uit (SENDER_ID_SECRET te kort (minder dan 32 bytes))"
    )
