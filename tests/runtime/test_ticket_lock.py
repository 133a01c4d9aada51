"""bot/ticket_lock.py: the message after one whose Rasa server died is served, not stuck."""

import asyncio
import time

import pytest
from rasa.core.lock_store import InMemoryLockStore, LockError, LockStore

from bot import ticket_lock

LIFETIME = 0.6  # seconds, for the ticket the "dead server" left behind


async def next_message_after_a_dead_server(store: LockStore) -> float:
    store.issue_ticket("c", LIFETIME)  # taken by a server that died: nobody finishes it
    await asyncio.sleep(0.05)  # the next message arrives a moment later
    started = time.monotonic()
    async with store.lock("c", lock_lifetime=LIFETIME, wait_time_in_seconds=0.25):
        return time.monotonic() - started


async def test_rasas_own_lock_leaves_the_next_message_stuck():
    # Documents the bug this module fixes: both tickets run out in the same look at the lock.
    with pytest.raises((asyncio.TimeoutError, LockError)):
        await asyncio.wait_for(next_message_after_a_dead_server(InMemoryLockStore()), timeout=3)


async def test_a_waiting_message_keeps_its_ticket_and_is_served(monkeypatch):
    monkeypatch.setattr(LockStore, "_acquire_lock", LockStore._acquire_lock)
    ticket_lock.install()
    waited = await asyncio.wait_for(next_message_after_a_dead_server(InMemoryLockStore()), timeout=3)
    assert LIFETIME - 0.1 < waited < LIFETIME + 0.5  # served once the dead ticket ran out


async def test_an_uncontended_lock_is_taken_at_once(monkeypatch):
    monkeypatch.setattr(LockStore, "_acquire_lock", LockStore._acquire_lock)
    ticket_lock.install()
    store = InMemoryLockStore()
    started = time.monotonic()
    async with store.lock("c"):
        pass
    assert time.monotonic() - started < 0.1
    assert store.get_lock("c") is None  # cleaned up as before
