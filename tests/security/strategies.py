"""Hypothesis strategies for hostile input, and the checks every fuzz test makes.

Kept modest on purpose: 100 examples per property, so the whole fuzz suite runs
in seconds on two cores (``FUZZ``), in CI with every ``make test``.
"""

import itertools
import json
import re

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# caplog is function-scoped and deliberately collects over all examples of a test.
FUZZ = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,  # the same examples in every run: CI stays reproducible
    database=None,  # and nothing is written to .hypothesis/
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

_canaries = itertools.count(1)

NASTY = [
    "",
    " ",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "' OR 1=1 --",
    "{{7*7}} ${7*7} %s %n",
    "\u202eRTL override\u202c",
    "مرحبا، كم يكسب اللحام؟",  # Arabic, right to left
    "שלום, כמה מרוויח רתך?",  # Hebrew
    "🙂👩🏽‍🔧🏳️‍🌈" * 50,
    "\x00\x01\x07\x1b[31m\x7f",
    "a\r\nSet-Cookie: x=1",
    "\ufeff\u200b\u200d",
    '/ask_salary{"beroep": "lasser"}',
    "0612345678",
]

# Pieces repeated to any length, so that texts cross the 1,000-character limit.
_PIECES = st.sampled_from(["a", "lasser ", "🙂", "ש", "ع", "<b>", "\x00", "\u0301", "\t\n"])

hostile_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=300),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=50),
    st.builds(lambda piece, count: piece * count, _PIECES, st.integers(min_value=0, max_value=12_000)),
)

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40))
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)

nesting = st.builds(
    lambda depth, opener: (opener * depth).encode(),
    st.integers(min_value=1, max_value=60_000),
    st.sampled_from(["[", '{"a":']),
)

invalid_utf8 = st.sampled_from([b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", b'{"message": "\xe2\x82"}', b"\x80" * 10])

raw_bodies = st.one_of(st.binary(max_size=400), invalid_utf8, nesting)


def canary() -> str:
    """A unique word to find a message again in the logs."""
    return f"kanarie{next(_canaries):06d}"


def as_json(value) -> bytes:
    return json.dumps(value).encode()


_TRACEBACK = re.compile(rb"Traceback|File \"/|line \d+, in ")


def assert_clean_answer(status: int, body: bytes, allowed=(200, 400, 413, 415)) -> None:
    """No server error and no stack trace; a refusal says why, as JSON."""
    assert status in allowed, (status, body[:200])
    assert not _TRACEBACK.search(body), body[:300]
    if 400 <= status < 500 and body:
        assert isinstance(json.loads(body).get("error"), str)
