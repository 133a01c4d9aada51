"""How curated facts are cited in answers (figures of the table carry `source.citation`)."""

from typing import List

from occupations.content import Fact

MAX_FACTS = 3  # more makes an answer too long to read on a phone


def fact_source(fact: Fact) -> str:
    """Publisher, title and year of a curated fact, and its caveat (e.g. why it has no year)."""
    parts = [fact.publisher, fact.title] + ([fact.year] if fact.year else [])
    caveat = f"; {fact.caveat}" if fact.caveat else ""
    return ", ".join(parts) + caveat


def cite_fact(fact: Fact) -> str:
    """A curated fact with its source."""
    return f"{fact.text} (bron: {fact_source(fact)})"


def cite_facts(facts: List[Fact]) -> str:
    return "\n".join(f"- {cite_fact(fact)}" for fact in facts[:MAX_FACTS])
