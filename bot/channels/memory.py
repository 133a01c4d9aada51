"""Bounded, short-lived memories the channels keep per message or per (hashed) sender."""

import time
from collections import OrderedDict
from typing import List, Optional


class SeenMessages:
    """Bounded memory of message ids already accepted (LRU with a time-to-live).

    Meta and Twilio retry webhooks they think failed; a retried delivery must not
    make the bot answer twice.
    """

    def __init__(self, max_size: int = 10_000, ttl_seconds: float = 24 * 3600) -> None:
        self.max_size = max_size
        self.ttl_seconds = ttl_seconds
        self._seen: "OrderedDict[str, float]" = OrderedDict()

    def __len__(self) -> int:
        return len(self._seen)

    def check_and_add(self, message_id: str) -> bool:
        """Record ``message_id``; return True if it had been seen before."""
        now = time.monotonic()
        self._expire(now)
        if message_id in self._seen:
            self._seen.move_to_end(message_id)
            return True
        self._seen[message_id] = now
        while len(self._seen) > self.max_size:
            self._seen.popitem(last=False)
        return False

    def _expire(self, now: float) -> None:
        while self._seen:
            oldest_id, added = next(iter(self._seen.items()))
            if now - added <= self.ttl_seconds:
                break
            del self._seen[oldest_id]


class ChoiceMemory:
    """Short-lived memory of the options last offered to a (hashed) sender.

    Used by channels that render buttons as a numbered list: a reply "2" is turned
    back into the second button's payload. Keyed by the hashed sender id, never by
    a phone number.
    """

    def __init__(self, max_size: int = 10_000, ttl_seconds: float = 3600) -> None:
        self.max_size = max_size
        self.ttl_seconds = ttl_seconds
        self._choices: "OrderedDict[str, tuple]" = OrderedDict()

    def remember(self, sender_id: str, payloads: List[str]) -> None:
        self._choices.pop(sender_id, None)
        self._choices[sender_id] = (time.monotonic(), list(payloads))
        while len(self._choices) > self.max_size:
            self._choices.popitem(last=False)

    def forget(self, sender_id: str) -> None:
        self._choices.pop(sender_id, None)

    def resolve(self, sender_id: str, text: str) -> Optional[str]:
        """The payload for a numeric reply, or None."""
        entry = self._choices.get(sender_id)
        if entry is None:
            return None
        added, payloads = entry
        if time.monotonic() - added > self.ttl_seconds:
            self._choices.pop(sender_id, None)
            return None
        candidate = text.strip().rstrip(".)")
        if not candidate.isdigit():
            return None
        index = int(candidate) - 1
        if 0 <= index < len(payloads):
            return payloads[index]
        return None
