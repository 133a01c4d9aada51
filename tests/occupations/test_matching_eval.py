"""Occupation matching on an independent set of mentions as pupils and parents type them.

tests/matching/mentions.csv: mention, expected (a curated slug), kind (typo, plural, ...).
CI fails when top-1 accuracy drops below 95%.
"""

from collections import Counter
from pathlib import Path

import pandas as pd

from occupations import matching

MENTIONS = Path(__file__).resolve().parents[1] / "matching" / "mentions.csv"
TOP1_MIN = 0.95


def evaluate(catalog):
    mentions = pd.read_csv(MENTIONS, dtype=str, keep_default_na=False)
    misses, per_kind, hits_per_kind = [], Counter(), Counter()
    for row in mentions.itertuples():
        best = matching.find(catalog, row.mention).best
        got = catalog.occupations[best.occupation_id].profile_slug if best else None
        per_kind[row.kind] += 1
        if got == row.expected:
            hits_per_kind[row.kind] += 1
        else:
            misses.append(f"{row.mention!r}: expected {row.expected}, got {got or (best.name if best else 'nothing')}")
    return len(mentions), misses, per_kind, hits_per_kind


def test_top1_accuracy_on_mentions(catalog):
    total, misses, per_kind, hits = evaluate(catalog)
    accuracy = 1 - len(misses) / total
    print(f"\noccupation matching: top-1 {accuracy:.1%} on {total} mentions")
    print("per kind: " + ", ".join(f"{k} {hits[k]}/{n}" for k, n in sorted(per_kind.items())))
    print("misses:\n  " + "\n  ".join(misses))
    assert total >= 200
    assert accuracy >= TOP1_MIN
