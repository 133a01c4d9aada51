"""The held-out NLU set stays held out: no training example nearly repeats a held-out message."""

from overlap import NEAR, overlaps


def test_no_training_example_repeats_a_held_out_message():
    found = overlaps()
    assert not found, f"{len(found)} training examples are >= {NEAR} similar to held-out ones: {found[:5]}"
