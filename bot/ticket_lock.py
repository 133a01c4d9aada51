"""A message waiting for its conversation's lock keeps its own ticket alive (Rasa 3.6).

Rasa serves the messages of one conversation in turn with tickets that expire after
TICKET_LOCK_LIFETIME seconds counted from when they were issued, also while they wait.
With several Rasa servers the tickets live in Redis, and a server that dies while
answering leaves its ticket behind. The next message of that conversation waits for it
to expire, but was issued moments later, so its own ticket expires in the same second:
`_acquire_lock` then waited for ever (a ticket that is gone is never "now serving") or
raised LockError. Found by tests/runtime/test_scaled.py.

Here a waiting message renews its ticket at every look at the lock, so only tickets of
messages nobody waits on any more run out: the one a dead server left behind is gone
after one lifetime and the next message is answered.
"""

import asyncio
import time
from typing import Text

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, LockStore


def renew(store: LockStore, conversation_id: Text, ticket: int, lifetime: float) -> None:
    """Rasa's `update_lock` (drop expired tickets, save), first extending our own ticket."""
    lock = store.get_lock(conversation_id)
    if lock is None:
        return
    for waiting in lock.tickets:
        if waiting.number == ticket:
            waiting.expires = time.time() + lifetime
    lock.remove_expired_tickets()
    store.save_lock(lock)


async def acquire_lock(self: LockStore, conversation_id: Text, ticket: int, wait_time_in_seconds: float) -> TicketLock:
    """`LockStore._acquire_lock` with the waiting ticket renewed; otherwise the same."""
    while True:
        lock = self.get_lock(conversation_id)
        if not lock:
            break
        if not lock.is_locked(ticket):
            return lock
        await asyncio.sleep(wait_time_in_seconds)
        renew(self, conversation_id, ticket, LOCK_LIFETIME)
    raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")


def install() -> None:
    LockStore._acquire_lock = acquire_lock
