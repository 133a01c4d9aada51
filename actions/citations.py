"""How sources and curated facts are cited in answers."""
from typing import List

from occupations.query import SourceRef


def cite(source: SourceRef) -> str:
    return source.citation


def cite_fact(fact: dict) -> str:
    """A curated fact with its publisher, title and year (or the caveat that it has none)."""
    when = fact.get("year") or ""
    parts = [fact["publisher"], fact["title"]] + ([when] if when else [])
    caveat = f"; {fact['caveat']}" if fact.get("caveat") else ""
    return f"{fact['text']} (bron: {', '.join(parts)}{caveat})"


MAX_FACTS = 3  # more makes an answer too long to read on a phone


def cite_facts(facts: List[dict]) -> str:
    return "\n".join(f"- {cite_fact(fact)}" for fact in facts[:MAX_FACTS])
