"""Quiz rounds for a class: every right answer is a row of the table, shown with its source and year.

Three kinds: "raad het salaris" (the real CBS median among the medians of two other occupations
in the same year), "feit of fabel" (a sourced fact or a myth with its counter-facts) and
"hoeveel vrouwen" (the CBS share of women of the occupation's group among two other groups').
"""

import random
from dataclasses import dataclass
from typing import List, Optional, Tuple

from actions.answer import sentence_name
from actions.citations import cite_facts, fact_source
from actions.formatting import euro_hourly, period, share
from occupations.catalog import OccupationInfo
from occupations.repository import PAY_YEARS, Repository

KEYS = ("a", "b", "c")
MIN_PAY_GAP = 1.50  # euro per hour between the options: close guesses teach nothing
MIN_SHARE_GAP = 0.08  # share of women between the options
MAX_STATEMENT = 220  # characters: a fact read aloud in class should fit on the board


@dataclass(frozen=True)
class QuizQuestion:
    kind: str
    text: str
    options: Tuple[Tuple[str, str], ...]  # (key, label): key 'a'/'b'/'c', or 'feit'/'fabel'
    correct: str
    explanation: str

    @property
    def correct_label(self) -> str:
        return dict(self.options)[self.correct]


PICK_TRIES = 20


def quiz_occupations(repository: Repository) -> List[OccupationInfo]:
    """The curated occupations (technical ones and the other work open to the same pupils)."""
    slugs = [*repository.catalog.curated["featured"], *repository.catalog.curated["comparison"]]
    by_slug = repository.catalog.occupation_by_slug
    return [by_slug[slug] for slug in slugs if slug in by_slug]


def _three_apart(rows: List[Tuple], gap: float, rng: random.Random) -> List[Tuple]:
    """One row and two others whose values (first item) differ by at least `gap` from the rows
    already picked, in random order; [] when there are no such three."""
    if len(rows) < 3:
        return []
    rows = list(rows)
    rng.shuffle(rows)
    first, *others = rows
    rng.shuffle(others)
    picked = [first]
    for row in others:
        if all(abs(row[0] - p[0]) >= gap for p in picked):
            picked.append(row)
        if len(picked) == 3:
            return picked
    return []


def _options(picked: List[Tuple], label, rng: random.Random) -> Tuple[Tuple[Tuple[str, str], ...], str]:
    """Options in a shuffled order, and the key of the first picked row (the right one)."""
    order = list(picked)
    rng.shuffle(order)
    options = tuple((key, label(row)) for key, row in zip(KEYS, order, strict=True))
    return options, KEYS[order.index(picked[0])]


def salary_question(repository: Repository, rng: random.Random) -> Optional[QuizQuestion]:
    year = PAY_YEARS[0]
    rows = []
    for info in quiz_occupations(repository):
        figure = repository.pay_in_year(info, year)
        if figure is not None and not figure.is_broader:
            rows.append((figure.median, info, figure))
    # The question is about a technical occupation; the other answers may be any work's real wage.
    picked = []
    for _ in range(PICK_TRIES):
        picked = _three_apart(rows, MIN_PAY_GAP, rng)
        if any(repository.is_featured(row[1]) for row in picked):
            break
    asked = next((row for row in picked if repository.is_featured(row[1])), None)
    if asked is None:
        return None
    picked = [asked] + [row for row in picked if row is not asked]
    _, info, figure = picked[0]
    name = sentence_name(repository.display_name(info))
    options, correct = _options(picked, lambda row: euro_hourly(row[0]), rng)
    others = ", ".join(
        f"{euro_hourly(value)} is het loon van {sentence_name(repository.display_name(other))}"
        for value, other, _ in picked[1:]
    )
    explanation = (
        f"Een {name} verdiende in {year} de middelste waarde (mediaan) van {euro_hourly(figure.median)} "
        f"bruto per uur (groep '{figure.group_title}', {figure.source.citation}). "
        f"De andere antwoorden zijn echte lonen van andere beroepen in {year}: {others}."
    )
    text = f"Raad het salaris: hoeveel verdiende een {name} in {year} bruto per uur?"
    return QuizQuestion("salaris", text, options, correct, explanation)


def women_question(repository: Repository, rng: random.Random) -> Optional[QuizQuestion]:
    rows = []
    seen_groups = set()
    for info in quiz_occupations(repository):
        prospects = repository.prospects(info)
        if prospects is None or prospects.women_share is None or prospects.group_code in seen_groups:
            continue
        seen_groups.add(prospects.group_code)
        rows.append((prospects.women_share, info, prospects))
    picked = _three_apart(rows, MIN_SHARE_GAP, rng)
    if not picked:
        return None
    _, info, prospects = picked[0]
    name = sentence_name(repository.display_name(info))
    options, correct = _options(picked, lambda row: share(row[0]), rng)
    others = ", ".join(f"{share(value)} bij '{other.group_title}'" for value, _, other in picked[1:])
    explanation = (
        f"In de CBS-groep '{prospects.group_title}', waar {name} onder valt, was in {period(prospects.period)} "
        f"{share(prospects.women_share)} van de werkenden een vrouw ({prospects.source.citation}). "
        f"De andere antwoorden komen uit andere groepen: {others}. "
        "Weinig vrouwen betekent niet dat het werk niet bij meisjes past: het laat zien wie er nu werkt."
    )
    return QuizQuestion(
        "vrouwen",
        f"Hoeveel procent van de mensen die werken als {name} (de CBS-groep '{prospects.group_title}') is een vrouw?",
        options,
        correct,
        explanation,
    )


def fact_or_myth_question(repository: Repository, rng: random.Random) -> Optional[QuizQuestion]:
    """A myth (fabel) or a sourced fact (feit): about half of each, so guessing 'fabel' does not win."""
    options = (("feit", "Feit"), ("fabel", "Fabel"))
    facts = [fact for fact in repository.all_facts() if len(fact.text) <= MAX_STATEMENT]
    myths = repository.myths()
    if facts and (not myths or rng.random() < 0.5):
        fact = rng.choice(facts)
        explanation = f"Dit is een feit. Bron: {fact_source(fact)}."
        return QuizQuestion("feit_of_fabel", f'Feit of fabel? "{fact.text}"', options, "feit", explanation)
    if not myths:
        return None
    myth = rng.choice(myths)
    kernel = f" Wel zit er een kern van waarheid in: {myth.kernel_of_truth}" if myth.kernel_of_truth else ""
    sources = cite_facts(repository.facts(myth.fact_ids))
    explanation = f"Dit is een fabel. {myth.answer}{kernel}" + (f"\nBronnen:\n{sources}" if sources else "")
    return QuizQuestion("feit_of_fabel", f'Feit of fabel? "{myth.myth}"', options, "fabel", explanation)


# One game: five rounds that take turns between the three kinds.
ROUND_KINDS = (salary_question, fact_or_myth_question, women_question, salary_question, fact_or_myth_question)


def question_for_round(repository: Repository, round_index: int, seed: int) -> Optional[QuizQuestion]:
    """The question of one round; the same seed and round always give the same question."""
    rng = random.Random(f"{seed}-{round_index}")
    make = ROUND_KINDS[round_index % len(ROUND_KINDS)]
    return make(repository, rng) or fact_or_myth_question(repository, rng)
