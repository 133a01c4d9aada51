"""Unit tests for bot.privacy and the channels' helpers (memory, text, signature)."""

import hashlib
import hmac

import pytest

from bot.channels.memory import ChoiceMemory, SeenMessages
from bot.channels.meta_webhook import signature_is_valid
from bot.channels.text import split_text, truncate, unique_titles
from bot.privacy import (
    MissingSecretError,
    WeakSecretError,
    hash_message_id,
    hash_sender_id,
    normalize_phone,
    redact,
)

KEY = "geheim-" + "k" * 26  # 32 bytes: the shortest key that is accepted


def test_hash_sender_id_is_hmac_of_digits():
    expected = hmac.new(KEY.encode(), b"31612345678", hashlib.sha256).hexdigest()
    assert hash_sender_id("31612345678", KEY) == expected
    assert hash_sender_id("whatsapp:+31 6 1234 5678", KEY) == expected
    assert hash_sender_id("31612345678", "ander-" + KEY) != expected


def test_hash_sender_id_uses_env_and_fails_closed(monkeypatch):
    monkeypatch.setenv("SENDER_ID_SECRET", "uit-env-" + KEY)
    assert hash_sender_id("316") == hmac.new(("uit-env-" + KEY).encode(), b"316", hashlib.sha256).hexdigest()
    monkeypatch.delenv("SENDER_ID_SECRET")
    with pytest.raises(MissingSecretError):
        hash_sender_id("31612345678")
    with pytest.raises(MissingSecretError):
        hash_sender_id("31612345678", "")


@pytest.mark.parametrize("short", ["geheim", "k" * 31, "é" * 15])  # "é" is 2 bytes: 30 bytes
def test_keys_shorter_than_32_bytes_are_refused(short):
    with pytest.raises(WeakSecretError, match="shorter than 32 bytes"):
        hash_sender_id("31612345678", short)
    with pytest.raises(WeakSecretError):
        hash_message_id("wamid.x", short)
    assert hash_sender_id("31612345678", "é" * 16)  # 32 bytes in UTF-8


def test_message_ids_are_hashed_apart_from_sender_ids():
    wamid = "wamid.HBgLMzE2MTIzNDU2NzgVAgASGBQzQTdBMUI="
    hashed = hash_message_id(wamid, KEY)
    assert len(hashed) == 64 and int(hashed, 16) >= 0
    assert hashed == hash_message_id(wamid, KEY) != hash_message_id(wamid, "ander-" + KEY)
    assert "31612345678" not in hashed and "HBgL" not in hashed
    # Domain-separated: a message id that happens to be digits does not give a sender id.
    assert hash_message_id("31612345678", KEY) != hash_sender_id("31612345678", KEY)


def test_normalize_and_redact():
    assert normalize_phone("whatsapp:+31612345678") == "31612345678"
    text = redact("failed for whatsapp:+31612345678 and +31 6 1234 5678 (HTTP 500)", ["31612345678"])
    assert "31612345678" not in text
    assert "1234 5678" not in text
    assert "HTTP 500" in text


def test_signature_is_valid():
    body = b'{"a": 1}'
    good = "sha256=" + hmac.new(b"s", body, hashlib.sha256).hexdigest()
    assert signature_is_valid("s", body, good)
    assert not signature_is_valid("s", body + b" ", good)
    assert not signature_is_valid("t", body, good)
    assert not signature_is_valid("", body, good)
    assert not signature_is_valid("s", body, None)
    assert not signature_is_valid("s", body, good[len("sha256=") :])
    assert signature_is_valid("s", body, good.upper().replace("SHA256=", "sha256="))


@pytest.mark.parametrize(
    "header",
    ["sha256=" + "é" * 64, "sha256=" + "g" * 64, "sha256=" + "a" * 63, "sha256=" + "a" * 65, "sha256=", "sha1=ab"],
)
def test_signature_header_that_is_not_64_hex_is_invalid_without_error(header):
    assert signature_is_valid("s", b"{}", header) is False


def test_seen_messages_is_bounded_and_expires(monkeypatch):
    seen = SeenMessages(max_size=3, ttl_seconds=60)
    assert not seen.check_and_add("a")
    assert seen.check_and_add("a")
    for key in "bcd":
        seen.check_and_add(key)
    assert len(seen) == 3
    assert not seen.check_and_add("a")  # evicted as least recently used

    clock = [1000.0]
    monkeypatch.setattr("bot.channels.memory.time.monotonic", lambda: clock[0])
    seen = SeenMessages(max_size=10, ttl_seconds=60)
    seen.check_and_add("x")
    clock[0] += 61
    assert not seen.check_and_add("x")  # expired, treated as new


def test_split_text_prefers_boundaries_and_respects_limit():
    assert split_text("kort", 10) == ["kort"]
    sentences = "Eerste zin hier. Tweede zin daar. Derde zin ook."
    chunks = split_text(sentences, 20)
    assert all(len(c) <= 20 for c in chunks)
    assert chunks[0] == "Eerste zin hier."
    no_spaces = "x" * 25
    assert split_text(no_spaces, 10) == ["x" * 10, "x" * 10, "x" * 5]
    text = "a" * 50 + "\n\n" + "b" * 50
    assert split_text(text, 80) == ["a" * 50, "b" * 50]


def test_truncate_and_unique_titles():
    assert truncate("Kort", 20) == "Kort"
    long = truncate("Wat verdien je ermee als beginner?", 20)
    assert len(long) <= 20 and long.endswith("…")
    assert long == "Wat verdien je…"
    titles = unique_titles(["Werken in de bouw: timmerman", "Werken in de bouw: metselaar"], 20)
    assert len(set(titles)) == 2
    assert all(len(t) <= 20 for t in titles)


def test_choice_memory():
    memory = ChoiceMemory()
    memory.remember("abc", ["/ask_route", "/ask_salary"])
    assert memory.resolve("abc", "2") == "/ask_salary"
    assert memory.resolve("abc", " 1. ") == "/ask_route"
    assert memory.resolve("abc", "3") is None
    assert memory.resolve("abc", "twee") is None
    assert memory.resolve("other", "1") is None


def test_credentials_yml_registers_the_project_channels_only():
    """``rasa run --credentials credentials.yml`` must find our classes, and not Rasa's
    own REST channel, which has no limits."""
    from pathlib import Path

    from rasa.core.run import create_http_input_channels

    from bot.channels import TwilioWhatsAppInput, WhatsAppInput
    from bot.channels.classroom_files import ClassroomFilesInput
    from bot.channels.rest import KansrijkRestInput

    credentials = Path(__file__).resolve().parents[2] / "credentials.yml"
    channels = create_http_input_channels(None, str(credentials))
    by_name = {type(c).__name__: c for c in channels}
    assert sorted(by_name) == ["ClassroomFilesInput", "KansrijkRestInput", "TwilioWhatsAppInput", "WhatsAppInput"]
    assert isinstance(by_name["ClassroomFilesInput"], ClassroomFilesInput)
    assert by_name["ClassroomFilesInput"].url_prefix() == "/klas"  # absolute: not under /webhooks/
    assert isinstance(by_name["WhatsAppInput"], WhatsAppInput)
    assert isinstance(by_name["TwilioWhatsAppInput"], TwilioWhatsAppInput)
    assert isinstance(by_name["KansrijkRestInput"], KansrijkRestInput)
    assert by_name["KansrijkRestInput"].url_prefix() == "rest"  # the widget's URL stays
    assert by_name["WhatsAppInput"].url_prefix() == "whatsapp"
    assert by_name["TwilioWhatsAppInput"].url_prefix() == "twilio_whatsapp"
