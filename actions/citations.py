"""How sources and curated facts are cited in answers."""
from typing import List

from occupations.query import SourceRef


def cite(source: SourceRef) -> str:
    return source.citation


def fact_source(fact: dict) -> str:
    """Publisher, title and year of a curated fact, and its caveat (e.g. why it has no year)."""
    parts = [fact["publisher"], fact["title"]] + ([fact["year"]] if fact.get("year") else [])
    caveat = f"; {fact['caveat']}" if fact.get("caveat") else ""
    return ", ".join(parts) + caveat


def cite_fact(fact: dict) -> str:
    """A curated fact with its source."""
    return f"{fact['text']} (bron: {fact_source(fact)})"


MAX_FACTS = 3  # more makes an answer too long to read on a phone


def cite_facts(facts: List[dict]) -> str:
    return "\n".join(f"- {cite_fact(fact)}" for fact in facts[:MAX_FACTS])
