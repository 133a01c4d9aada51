"""Privacy helpers for the messaging channels.

Parents reach the bot over WhatsApp, so the channel learns their phone number. The
number must never reach Rasa's tracker store or the logs. Instead Rasa gets a keyed
hash of the number (HMAC-SHA256 with ``SENDER_ID_SECRET``): stable per parent, so a
conversation keeps its history, but not reversible without the secret (a plain hash
of a phone number could be brute-forced in minutes).

Both WhatsApp channels (Meta Cloud API and Twilio) normalise the number to its digits
first, so the same parent gets the same sender id on either channel.
"""

import hashlib
import hmac
import os
import re
from typing import Iterable, Mapping, Optional

SENDER_ID_SECRET_ENV = "SENDER_ID_SECRET"
# A shorter key plus a readable tracker would let anyone try all ~10^8 Dutch mobile
# numbers; 32 bytes is what `secrets.token_hex(32)` (docs/whatsapp.md) gives twice over.
MIN_SECRET_BYTES = 32

# Runs of digits (optionally with spaces, dots or dashes) long enough to be a phone
# number. Used to scrub free text such as API error messages before logging.
_PHONE_LIKE = re.compile(r"\+?\d(?:[\s.\-]?\d){7,}")


class MissingSecretError(RuntimeError):
    """Raised when no ``SENDER_ID_SECRET`` is configured."""


class WeakSecretError(ValueError):
    """Raised when ``SENDER_ID_SECRET`` is shorter than ``MIN_SECRET_BYTES``."""


def secret_is_strong(secret: Optional[str]) -> bool:
    """Whether ``secret`` is long enough to key the hashes of phone numbers."""
    return len((secret or "").strip().encode("utf-8")) >= MIN_SECRET_BYTES


def weak_secret_message(name: str = SENDER_ID_SECRET_ENV) -> str:
    """The explanation shown when a key is too short (launcher and channels)."""
    return (
        f"{name} is shorter than {MIN_SECRET_BYTES} bytes; make a new one with "
        'python3 -c "import secrets; print(secrets.token_hex(32))"'
    )


def normalize_phone(number: str) -> str:
    """Reduce a phone number to its digits.

    ``"whatsapp:+31 6 1234 5678"`` (Twilio) and ``"31612345678"`` (Meta) both become
    ``"31612345678"``.
    """
    text = str(number or "")
    if text.lower().startswith("whatsapp:"):
        text = text[len("whatsapp:") :]
    return "".join(ch for ch in text if ch.isdigit())


def sender_id_secret(env: Optional[Mapping[str, str]] = None) -> Optional[str]:
    """The configured secret, or None when it is missing or blank."""
    source = os.environ if env is None else env
    value = (source.get(SENDER_ID_SECRET_ENV) or "").strip()
    return value or None


def hash_sender_id(phone_number: str, secret: Optional[str] = None) -> str:
    """Return HMAC-SHA256(secret, normalised phone number) as 64 hex characters.

    ``secret`` defaults to the ``SENDER_ID_SECRET`` environment variable. Without a
    secret this raises ``MissingSecretError`` rather than falling back to an unkeyed
    hash, and with one shorter than ``MIN_SECRET_BYTES`` ``WeakSecretError``: the
    channels fail closed.
    """
    digits = normalize_phone(phone_number)
    if not digits:
        raise ValueError("phone number contains no digits")
    return _keyed_hash(_checked_key(secret), digits)


def hash_message_id(message_id: str, secret: Optional[str] = None) -> str:
    """HMAC-SHA256 of a provider's message id, as 64 hex characters.

    Meta's ids (``wamid.HBgL…``) carry the sender's phone number in base64, so the raw
    id must never be stored: Rasa and the duplicate check only ever see this hash.
    The "message:" prefix keeps these hashes apart from the sender ids.
    """
    if not message_id:
        raise ValueError("empty message id")
    return _keyed_hash(_checked_key(secret), f"message:{message_id}")


def _checked_key(secret: Optional[str]) -> str:
    key = secret if secret is not None else sender_id_secret()
    if not key:
        raise MissingSecretError(f"{SENDER_ID_SECRET_ENV} is not set; refusing to derive sender ids.")
    if not secret_is_strong(key):
        raise WeakSecretError(weak_secret_message())
    return key


def _keyed_hash(key: str, value: str) -> str:
    return hmac.new(key.encode("utf-8"), value.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()


def short_id(sender_id: str) -> str:
    """A short, log-friendly prefix of a hashed sender id."""
    return f"{sender_id[:10]}…" if sender_id else "?"


def redact(text: object, numbers: Iterable[str] = ()) -> str:
    """Remove the given phone numbers and anything phone-like from ``text``.

    Meant for strings we do not control (exception messages, API error bodies)
    before they are logged.
    """
    result = str(text)
    for number in numbers:
        for variant in {str(number or ""), normalize_phone(number or "")}:
            if len(variant) >= 6:
                result = result.replace(variant, "[nummer]")
    return _PHONE_LIKE.sub("[nummer]", result)
