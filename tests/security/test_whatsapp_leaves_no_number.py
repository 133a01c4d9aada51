"""After WhatsApp conversations through both channels, no tracker row, no log line and no
file in the bot's var/ folder holds the parent's phone number or Meta's message id.

The channels run on real Sanic servers; instead of a model, a stand-in for Rasa's
MessageProcessor writes what Rasa writes for each message (a UserUttered with
``input_channel``, ``message_id`` and ``metadata``, the session-start metadata slot, the
bot's answer) to Rasa's own SQLTrackerStore in var/tracker.sqlite.
"""

import base64
import logging

from channel_fakes import PHONE, FakeRasa, serve_channel
from meta_payloads import make_channel, post, text_message
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.constants import SESSION_START_METADATA_SLOT
from rasa.shared.core.events import BotUttered, SlotSet, UserUttered
from twilio_payloads import incoming
from twilio_payloads import make_channel as make_twilio_channel
from twilio_payloads import post as post_twilio

from bot.channels.dedupe import SqliteSeenStore

OTHER_PHONE = "31687654321"
WAMIDS = [
    "wamid.HBgLMzE2MTIzNDU2NzgVAgASGBQzQTdBMUI=",
    "wamid." + base64.b64encode(b"\x15\x18\x0b" + OTHER_PHONE.encode() + b"\x15\x02\x00\x11\x18\x12ABCDEF").decode(),
]
TWILIO_SID = "SM0123456789abcdef0123456789abcdef"


class TrackerWritingRasa(FakeRasa):
    """Stores each message in the tracker the way Rasa's MessageProcessor does."""

    def __init__(self, store: SQLTrackerStore) -> None:
        super().__init__()
        self.store = store

    async def handle_message(self, message) -> None:
        tracker = await self.store.get_or_create_tracker(message.sender_id)
        if message.metadata:
            tracker.update(SlotSet(SESSION_START_METADATA_SLOT, message.metadata))
        tracker.update(
            UserUttered(
                message.text,
                {"name": "greet", "confidence": 1.0},
                input_channel=message.input_channel,
                message_id=message.message_id,
                metadata=message.metadata,
            )
        )
        tracker.update(BotUttered("Goedendag! Waarmee kan ik u helpen?", metadata={"utter_action": "utter_greet"}))
        await self.store.save(tracker)
        await super().handle_message(message)


def traces_of_a_number(phone: str) -> list:
    """The number as digits, with a plus, as Twilio writes it, and inside base64."""
    encoded = base64.b64encode(phone.encode()).decode()
    return [phone, f"+{phone}", f"whatsapp:+{phone}", encoded[:12]]


async def test_no_number_or_message_id_in_tracker_logs_or_var(fake_api, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    var = tmp_path / "var"
    var.mkdir()
    store = SQLTrackerStore(dialect="sqlite", db=str(var / "tracker.sqlite"))
    rasa = TrackerWritingRasa(store)

    meta = make_channel(fake_api.url, seen_store=SqliteSeenStore(var / "seen_messages.sqlite"))
    async with serve_channel(meta, rasa) as served:
        await post(served, text_message("Hoeveel verdient een lasser?", wamid=WAMIDS[0]))
        other = text_message("En een elektricien?", wamid=WAMIDS[1])
        other["entry"][0]["changes"][0]["value"]["messages"][0]["from"] = OTHER_PHONE
        await post(served, other)
        await post(served, text_message("Hoeveel verdient een lasser?", wamid=WAMIDS[0]))  # a retry
        await served.settle()

    twilio = make_twilio_channel(fake_api.url, seen_store=SqliteSeenStore(var / "seen_messages.sqlite"))
    async with serve_channel(twilio, rasa) as served:
        await post_twilio(served, incoming("Wat doet een monteur?", sid=TWILIO_SID))
        await served.settle()

    assert len(rasa.received) == 3  # the retry was not handled twice
    trackers = [await store.retrieve(key) for key in await store.keys()]
    assert len(trackers) == 2  # the same number on both channels is one conversation
    assert sum(1 for t in trackers for e in t.events if isinstance(e, UserUttered)) == 3

    secrets = traces_of_a_number(PHONE) + traces_of_a_number(OTHER_PHONE) + WAMIDS + [TWILIO_SID]
    secrets += [wamid.removeprefix("wamid.")[:20] for wamid in WAMIDS]
    files = sorted(path for path in var.rglob("*") if path.is_file())
    assert {path.name for path in files} >= {"tracker.sqlite", "seen_messages.sqlite"}
    for path in files:
        content = path.read_bytes()
        for secret in secrets:
            assert secret.encode() not in content, f"{secret} in {path.name}"
    for secret in secrets:
        assert secret not in caplog.text
    # The check is not vacuous: the conversations themselves are in the tracker.
    assert b"Hoeveel verdient een lasser?" in (var / "tracker.sqlite").read_bytes()
