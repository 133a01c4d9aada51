"""The input limits every channel applies, and the Dutch answers to text that is too long.

The occupation matcher, the lookup-table regex and DIET cost time per character: a
40 KB message kept the Rasa process busy for half a minute and delayed everyone else
(docs/security.md). So no channel hands Rasa more than ``MAX_TEXT_CHARS`` characters:
longer text is refused with a short answer, not cut (half a question gets a wrong
answer), and request bodies are capped before they are parsed.
"""

from typing import Any

# Characters (code points) of one message that reach the NLU. The widget stops at 500;
# a parent on WhatsApp may write up to 4,096.
MAX_TEXT_CHARS = 1000

# Request bodies, in bytes. REST: a 1,000-character message as JSON, every character
# escaped ("\\ud83d\\ude00" is 12 bytes per emoji), plus the sender id, fits easily.
MAX_REST_BODY_BYTES = 64 * 1024
# Twilio posts one message as a form (at most 1,600 characters plus some 30 fields).
MAX_TWILIO_BODY_BYTES = 64 * 1024
MAX_TWILIO_FIELDS = 100
# Meta documents webhook notifications of up to 3 MB (a batch of messages and statuses).
MAX_META_BODY_BYTES = 3 * 1024 * 1024
# What the whole Rasa server reads of any request before it answers 413 (Sanic's
# default is 100 MB): the largest of the channels' limits.
MAX_REQUEST_BYTES = MAX_META_BODY_BYTES

# Dutch answers to a message above MAX_TEXT_CHARS: pupils get "je", parents "u".
TOO_LONG_REPLY_PUPIL = (
    "Je bericht is te lang voor mij. Stel je vraag in een paar zinnen (hoogstens 1.000 tekens), dan help ik je graag."
)
TOO_LONG_REPLY_PARENT = (
    "Uw bericht is te lang voor mij. Wilt u uw vraag in een paar zinnen stellen (hoogstens 1.000 tekens)?"
)


def too_long(text: Any) -> bool:
    """Whether ``text`` must not reach Rasa because it is longer than the limit."""
    return isinstance(text, str) and len(text) > MAX_TEXT_CHARS


def cap_request_size(app: Any, _loop: Any = None) -> None:
    """Sanic listener (before_server_start): lower the server's body limit to
    ``MAX_REQUEST_BYTES`` unless it is lower already. Each connection reads the limit
    when it opens, so this holds for every request the server takes."""
    current = int(getattr(app.config, "REQUEST_MAX_SIZE", MAX_REQUEST_BYTES) or MAX_REQUEST_BYTES)
    app.config.REQUEST_MAX_SIZE = min(current, MAX_REQUEST_BYTES)
