"""Unit tests for bot.privacy and the channels' helpers (memory, text, signature)."""

import hashlib
import hmac

import pytest

from bot.channels.memory import ChoiceMemory, SeenMessages
from bot.channels.meta_webhook import signature_is_valid
from bot.channels.text import split_text, truncate, unique_titles
from bot.privacy import MissingSecretError, hash_sender_id, normalize_phone, redact


def test_hash_sender_id_is_hmac_of_digits():
    expected = hmac.new(b"geheim", b"31612345678", hashlib.sha256).hexdigest()
    assert hash_sender_id("31612345678", "geheim") == expected
    assert hash_sender_id("whatsapp:+31 6 1234 5678", "geheim") == expected
    assert hash_sender_id("31612345678", "ander-geheim") != expected


def test_hash_sender_id_uses_env_and_fails_closed(monkeypatch):
    monkeypatch.setenv("SENDER_ID_SECRET", "uit-env")
    assert hash_sender_id("316") == hmac.new(b"uit-env", b"316", hashlib.sha256).hexdigest()
    monkeypatch.delenv("SENDER_ID_SECRET")
    with pytest.raises(MissingSecretError):
        hash_sender_id("31612345678")
    with pytest.raises(MissingSecretError):
        hash_sender_id("31612345678", "")


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


def test_credentials_yml_registers_both_channels():
    """``rasa run --credentials credentials.yml`` must find our classes."""
    from pathlib import Path

    from rasa.core.run import create_http_input_channels

    from bot.channels import TwilioWhatsAppInput, WhatsAppInput

    credentials = Path(__file__).resolve().parents[2] / "credentials.yml"
    channels = create_http_input_channels(None, str(credentials))
    by_name = {type(c).__name__: c for c in channels}
    assert isinstance(by_name.get("WhatsAppInput"), WhatsAppInput)
    assert isinstance(by_name.get("TwilioWhatsAppInput"), TwilioWhatsAppInput)
    assert by_name["WhatsAppInput"].url_prefix() == "whatsapp"
    assert by_name["TwilioWhatsAppInput"].url_prefix() == "twilio_whatsapp"
