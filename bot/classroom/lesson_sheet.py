"""The lesson sheet: 2–4 occupations on printable A4 pages, for a mentor lesson.

Title, the comparison chart, then per occupation what the work is, the route, pay, job chances
and one role model; three questions for the class; the sources with their year. Every figure
comes from the repository with its source; a route names programmes only where the curated data
does; a made-up example story says so.
"""

import hashlib
from typing import List, Optional, Sequence

from actions.formatting import count, dutch_list, euro_hourly, growth_since_last_year, period, share
from bot.classroom.cache import cached
from bot.classroom.comparison import Comparison, Row, comparison
from bot.classroom.pages import Block, Chart, Text, heading, render_pdf
from bot.classroom.style import SMALL_SIZE, TITLE_SIZE
from occupations.catalog import OccupationInfo
from occupations.content import MboQualification, Profile, Story
from occupations.figures import SourceRef
from occupations.repository import Repository

LESSON_VERSION = 1  # raise when the layout changes: cached files get new names
NUMBER_WORDS = {2: "Twee", 3: "Drie", 4: "Vier"}
ILLUSTRATION = "(voorbeeld, geen echt persoon)"
NO_DESCRIPTION = "Over dit beroep heeft Kansrijk Kiezen nog geen beschrijving van het werk."
NO_ROUTE = "Voor dit beroep heeft Kansrijk Kiezen geen opleidingsroute beschreven: vraag het de decaan."
NO_STORY = "Voor dit beroep is er nog geen verhaal van iemand die het werk doet."
EDITORIAL = (
    "Kansrijk Kiezen, eigen redactie: de beschrijvingen van het werk, de routes en de voorbeeldverhalen. "
    f"Een verhaal met '{ILLUSTRATION}' is verzonnen om te laten zien hoe het kan gaan."
)


def _with_url(text: str, url: str) -> str:
    # The address on a line of its own: it is never broken in the middle.
    return f"{text}\n{url}" if url else text


# --- per occupation -------------------------------------------------------------------------


def work_text(profile: Optional[Profile]) -> str:
    return profile.daily_work if profile and profile.daily_work else NO_DESCRIPTION


def _qualification(q: MboQualification) -> str:
    level = f"niveau {q.level}, " if q.level else ""
    return f"{q.name} ({level}crebo {q.crebo})"


def _levels(levels: Sequence[str]) -> str:
    return "niveau " + (", ".join(levels[:-1]) + " of " + levels[-1] if len(levels) > 1 else levels[0])


def route_lines(repository: Repository, profile: Optional[Profile]) -> List[str]:
    """The route as the curated data names it: vmbo profile, mbo (register names by crebo, else only
    the level), BOL/BBL, hbo. Never a programme name the data does not give."""
    if profile is None or not (profile.vmbo_profiles or profile.mbo_levels or profile.mbo_crebos or profile.hbo_route):
        return [NO_ROUTE]
    lines = []
    if profile.vmbo_profiles:
        profiles = ["elk profiel" if p == "alle" else p for p in profile.vmbo_profiles]
        lines.append(f"Vmbo: {dutch_list(profiles, 'of')}.")
    qualifications = repository.qualifications(profile.mbo_crebos)
    if qualifications:
        lines.append("Mbo: " + "; ".join(_qualification(q) for q in qualifications) + ".")
    elif profile.mbo_levels:
        lines.append(
            f"Mbo: een opleiding op {_levels(profile.mbo_levels)}; welke opleiding precies past, weet de decaan."
        )
    if profile.bol and profile.bbl:
        lines.append("BOL (vooral school, met stage) en BBL (werken en leren, met loon) kunnen allebei.")
    elif profile.bbl:
        lines.append("Alleen BBL: werken en leren tegelijk, met loon.")
    elif profile.bol:
        lines.append("BOL: vooral school, met stage.")
    else:
        lines.append("Geen mbo-route: dit gaat via het hbo.")
    if profile.hbo_route:
        lines.append(f"Verder leren: {profile.hbo_route}.")
    return lines


def pay_text(row: Row, year: int) -> str:
    figure = row.figure
    if figure is None:
        return f"Het CBS publiceert geen loon voor dit beroep in {year}."
    group = (
        f"Geen eigen CBS-cijfer: dit is het cijfer van de bredere groep '{figure.group_title}'."
        if figure.is_broader
        else f"Beroepsgroep '{figure.group_title}'."
    )
    return (
        f"{euro_hourly(figure.median)} bruto per uur in {year} (mediaan); de middelste helft verdient tussen "
        f"{euro_hourly(figure.p25)} en {euro_hourly(figure.p75)}. {group} Bron: {figure.source.citation}."
    )


def prospects_text(repository: Repository, info: OccupationInfo) -> str:
    figures = repository.prospects(info)
    if figures is None or figures.jobs is None:
        return "Het aantal mensen met dit werk is onbekend."
    women = f" Van hen is {share(figures.women_share)} vrouw." if figures.women_share is not None else ""
    return (
        f"{count(figures.jobs)} mensen werkten in {period(figures.period)} in de beroepsgroep "
        f"'{figures.group_title}', {growth_since_last_year(figures.growth_pct)}.{women} "
        f"Bron: {figures.source.citation}."
    )


def role_model(repository: Repository, info: OccupationInfo) -> Optional[Story]:
    """One story: a real person's before an example; then someone who breaks the picture of the work
    (a woman where few women work, a man where few men do)."""
    stories = repository.stories(info)
    if not stories:
        return None
    figures = repository.prospects(info)
    few_women = figures is None or figures.women_share is None or figures.women_share < 0.5
    return min(stories, key=lambda s: (s.is_illustration, s.is_woman != few_women))


def story_blocks(story: Optional[Story]) -> List[Block]:
    if story is None:
        return [Text(NO_STORY)]
    who = story.person_name + (f", {story.age} jaar" if story.age else "")
    who += f" {ILLUSTRATION}" if story.is_illustration else ""
    blocks: List[Block] = [Text(who, bold=True), Text(story.route), Text(story.story, space_before=0.05)]
    if story.quote:
        blocks.append(Text(f"“{story.quote}”", italic=True, space_before=0.05))
    if not story.is_illustration:
        source = ", ".join(part for part in (story.source_title, story.source_year) if part)
        blocks.append(Text(_with_url(f"Bron: {source}.", story.source_url), size=SMALL_SIZE))
    return blocks


def occupation_blocks(repository: Repository, info: OccupationInfo, row: Row, year: int) -> List[Block]:
    profile = repository.profile(info)
    blocks: List[Block] = [
        heading(row.name, space_before=0.35),
        heading("Wat doe je?", size=TITLE_SIZE - 5, space_before=0.08),
        Text(work_text(profile)),
        heading("Hoe word je het?", size=TITLE_SIZE - 5, space_before=0.12),
    ]
    blocks += [Text(line) for line in route_lines(repository, profile)]
    blocks += [
        heading("Wat verdien je?", size=TITLE_SIZE - 5, space_before=0.12),
        Text(pay_text(row, year)),
        heading("Kans op werk", size=TITLE_SIZE - 5, space_before=0.12),
        Text(prospects_text(repository, info)),
        heading("Een rolmodel", size=TITLE_SIZE - 5, space_before=0.12),
    ]
    return blocks + story_blocks(role_model(repository, info))


# --- the whole sheet ------------------------------------------------------------------------

QUESTIONS = (
    "Kijk naar de grafiek: welk beroep verdient het meest per uur, en welk het minst? Had je dat verwacht?",
    "Bij welk beroep kwamen er in een jaar werkenden bij, en bij welk minder? Wat zegt dat over je kans op werk?",
    "Bij welk van deze beroepen werken weinig vrouwen, of weinig mannen? Hoe komt dat, denk je, "
    "en zou het jou tegenhouden?",
)


def _checked(date: str) -> str:
    """'2026-11-30' as '30-11-2026'."""
    parts = date.split("-")
    return "-".join(reversed(parts)) if len(parts) == 3 else date


def sources(repository: Repository, infos: Sequence[OccupationInfo], data: Comparison) -> List[str]:
    """Every source of the sheet, once, with its year."""
    refs: List[SourceRef] = list(data.sources)
    refs += [figures.source for figures in (repository.prospects(info) for info in infos) if figures]
    lines = [_with_url(f"{ref.citation}.", ref.url or "") for ref in {ref.id: ref for ref in refs}.values()]
    register: dict = {}  # (title, url, checked) -> crebos: one line per source of the mbo register
    for info in infos:
        profile = repository.profile(info)
        for q in repository.qualifications(profile.mbo_crebos) if profile else []:
            register.setdefault((q.source_title, q.source_url, q.checked), []).append(q.crebo)
    for (title, url, checked), crebos in register.items():
        lines.append(
            _with_url(f"Crebo {', '.join(dict.fromkeys(crebos))}: {title}, geraadpleegd {_checked(checked)}.", url)
        )
    for info in infos:
        story = role_model(repository, info)
        if story and not story.is_illustration:
            title = ", ".join(part for part in (story.source_title, story.source_year) if part)
            lines.append(_with_url(f"Verhaal van {story.person_name}: {title}.", story.source_url))
    lines.append(EDITORIAL)
    return list(dict.fromkeys(lines))


def lesson_blocks(repository: Repository, infos: Sequence[OccupationInfo]) -> List[Block]:
    data = comparison(repository, infos)
    names = [row.name for row in data.rows]
    blocks: List[Block] = [
        Text(f"Lesbrief: {dutch_list(names)}", size=TITLE_SIZE + 4, bold=True),
        Text(
            f"{NUMBER_WORDS[len(names)]} beroepen naast elkaar: wat doe je, hoe word je het, wat verdien je "
            "en hoe groot is je kans op werk? Met cijfers van het CBS.",
            space_before=0.1,
        ),
        Chart(data, space_before=0.25),
    ]
    for info, row in zip(infos, data.rows, strict=True):
        blocks += occupation_blocks(repository, info, row, data.year)
    blocks.append(heading("Bespreek in de klas", space_before=0.35))
    blocks += [Text(f"{number}. {question}", indent=0.1) for number, question in enumerate(QUESTIONS, start=1)]
    blocks.append(heading("Bronnen", space_before=0.35))
    blocks += [Text(f"- {line}", size=SMALL_SIZE) for line in sources(repository, infos, data)]
    return blocks


def lesson_file_name(infos: Sequence[OccupationInfo], blocks: List[Block]) -> str:
    # Keyed on the content itself: new figures, a new story or a new year give a new file.
    digest = hashlib.sha256(repr(blocks).encode("utf-8")).hexdigest()[:12]
    return f"lesbrief-{'+'.join(info.id for info in infos)}-v{LESSON_VERSION}-{digest}.pdf"


def render_lesson_sheet(repository: Repository, infos: Sequence[OccupationInfo]) -> bytes:
    """The lesson sheet of 2–4 occupations as an A4 PDF, from the cache when it was made before
    (ValueError unless 2–4)."""
    infos = list(infos)
    blocks = lesson_blocks(repository, infos)
    title = "Lesbrief: " + dutch_list([repository.display_name(info) for info in infos])
    return cached(
        lesson_file_name(infos, blocks), lambda: render_pdf(blocks, title=title, footer="Kansrijk Kiezen · lesbrief")
    )
