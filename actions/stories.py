"""Role-model stories: marked as illustration unless a public source tells a real person's story."""

import re
from typing import Dict, List, Optional, Text

from actions.also_asked import sentences
from actions.answer import Answer, Reply, name_values, question
from actions.base import OccupationAction
from actions.comparison import MAX_COMPARED, comparison
from actions.formatting import median_pay
from actions.prospects import ActionAnswerProspects
from actions.turn import AMBIGUOUS, Turn, pointed_at
from actions.women import ASKS_WOMEN_SHARE, women_share_reply
from occupations.catalog import OccupationInfo
from occupations.content import Story
from occupations.repository import Repository

# Only an explicit request for a woman's or a man's story filters: who asks ("mijn dochter",
# "ik ben een jongen") does not change the story (tests/actions/test_fairness.py).
# "een verhaal van een meisje" asks for one; "ik ben een meisje" only says who asks.
WOMEN_WORDS = re.compile(
    r"\b(vrouw|vrouwen|vrouwelijke|meisjes|meiden)\b|\b(verha\w*|voorbeeld\w*|rolmodel\w*) (van|over) (een )?meisje\b",
    re.IGNORECASE,
)
MEN_WORDS = re.compile(
    r"\b(man|mannen|mannelijke|jongens)\b|\b(verha\w*|voorbeeld\w*|rolmodel\w*) (van|over) (een )?jongen\b",
    re.IGNORECASE,
)
# "rolmodellen met een migratieachtergrond", "voor mijn nieuwkomers": stories of people who came
# to the Netherlands or whose parents did.
BACKGROUND_WORDS = re.compile(
    r"\b(migratieachtergrond|migranten\w*|achtergrond|nieuwkomers?|biculture\w*|niet in nederland geboren"
    r"|uit het buitenland|isk)\b",
    re.IGNORECASE,
)
# "echt?? waar werkt ze dan", "bestaat hij echt?" right after a story: about that story.
IS_IT_REAL = re.compile(
    r"\b(echt|bestaat|bestaan|verzonnen|nep|fake|echte persoon|waar werkt (ze|zij|hij))\b", re.IGNORECASE
)
ABOUT_THE_STORY_WORDS = 12
# "wat vond diegene het leukste aan dat werk?", "vindt ze het nog steeds leuk?" after a story
OPINION_OF_THE_PERSON = re.compile(
    r"\b(vond|vindt|vinden) (hij|zij|ze|die|diegene|hem|haar)\b|\b(wat|hoe) (vond|vindt) (hij|zij|ze|die|diegene)\b"
    r"|\bleukst\w* aan\b.{0,20}\b(werk|vak|beroep)\b",
    re.IGNORECASE,
)
ABOUT_A_PERSON = re.compile(r"\b(echte? (persoon|mens)|verzonnen|bestaat (die|ze|zij|hij) echt)\b", re.IGNORECASE)
ABOUT_A_PERSON_WORDS = 30
ASKS_FOR_A_STORY = re.compile(r"\b(verha\w*|rolmodel\w*|voorbeeld\w*)\b", re.IGNORECASE)
ILLUSTRATION_NOTE = (
    "Dit is een voorbeeldverhaal: wij schreven het zelf, de persoon bestaat niet. "
    "Welke opleiding precies past en waar die gegeven wordt, weet de decaan."
)


def story_values(repository: Repository, story: Story, info: OccupationInfo) -> Dict[str, str]:
    if story.is_illustration:
        kind, source = "Voorbeeldverhaal", ILLUSTRATION_NOTE
    else:
        kind, source = "Echt verhaal", f"Bron: {story.source_title}, {story.source_year} ({story.source_url})"
    figure = repository.pay(info)
    if figure:
        source += f"\nEchte cijfers: het middelste loon is {median_pay(figure)}."
    return {
        **name_values(repository.display_name(info)),
        "soort": kind,
        "persoon": story.person_name,
        "leeftijd": story.age,
        "route": story.route,
        "verhaal": story.story,
        "citaat": story.quote,
        "bron": source,
    }


ROUTE_WORDS = re.compile(r"\b(bbl|bol|entree|hbo)\b", re.IGNORECASE)
# "iemand die op mbo niveau 2 begon": a story whose route starts at that level
START_LEVEL = re.compile(r"\b(?:mbo|niveau)[\s-]*([1-4])\b", re.IGNORECASE)
FIRST_LEVEL = re.compile(r"\bniveau ([1-4])\b")
GREW = re.compile(r"\b(ingenieur|doorgegroeid|doorgeleerd|opgeklommen|opgewerkt|nu hbo)\b", re.IGNORECASE)
WENT_ON = re.compile(r"\b(hbo|niveau 4)\b", re.IGNORECASE)


def starts_at(story: Story, level: str) -> bool:
    first = FIRST_LEVEL.search(story.route)
    return first is not None and first.group(1) == level


def asked_for(stories: List[Story], text: str) -> List[Story]:
    """The stories of women (or men), or of people with a migration background, when the message asks
    for those; otherwise all, in file order."""
    if BACKGROUND_WORDS.search(text):
        stories = [s for s in stories if s.has_migration_background] or stories
    women, men = WOMEN_WORDS.search(text), MEN_WORDS.search(text)
    if women and not men:
        stories = [s for s in stories if s.is_woman] or stories
    elif men and not women:
        stories = [s for s in stories if not s.is_woman] or stories
    route = ROUTE_WORDS.search(text)
    if route:  # "een verhaal van iemand die via de bbl begon": a story whose route went that way
        stories = [s for s in stories if route.group(1).lower() in s.route.lower()] or stories
    level = START_LEVEL.search(text)
    if level:
        stories = [s for s in stories if starts_at(s, level.group(1))] or stories
    if GREW.search(text):  # "... en nu ingenieur ofzo is": one who went on to level 4 or hbo
        stories = [s for s in stories if WENT_ON.search(s.route)] or stories
    return sorted(stories, key=lambda s: s.story_id)


def whose(text: str) -> str:
    """Whose stories a list shows: the people asked for ("vrouwen"), else "mensen"."""
    women, men = WOMEN_WORDS.search(text), MEN_WORDS.search(text)
    who = "vrouwen" if women and not men else "mannen" if men and not women else "mensen"
    return f"{who} met een migratieachtergrond" if BACKGROUND_WORDS.search(text) else who


# "ken je iemand die dat echt doet?" right after the answer about girls in technical work: a woman
POINTS_BACK = re.compile(r"\b(dat|die|dit|zo iemand|zo'n)\b", re.IGNORECASE)
OPENING = 120  # characters of the previous answer that say what it was about


def wanted(turn: Turn) -> str:
    """The words that say whose story is wanted: the message's, or, when it points back and names no
    one, those of the opening of the previous answer ("'Techniek is niks voor meisjes.' ...")."""
    if WOMEN_WORDS.search(turn.text) or MEN_WORDS.search(turn.text) or not POINTS_BACK.search(turn.text):
        return turn.text
    return f"{turn.text} {turn.previous_reply[:OPENING]}"


def pick_story(stories: List[Story], turn: Turn) -> Optional[Story]:
    """A woman's (or a man's) story when the message asks for one; otherwise the next one in turn,
    and not the one just told when there is another ("heb je nog een verhaal?")."""
    stories = asked_for(stories, wanted(turn))
    fresh = [story for story in stories if not story_line_in(story, turn.previous_reply)] or stories
    return fresh[turn.answers_given % len(fresh)] if fresh else None


def story_heading(story: Story) -> str:
    """How every answer names a story's person: "Samira (27)"."""
    return f"{story.person_name} ({story.age})"


def story_line_in(story: Story, previous_answer: str) -> bool:
    """Whether the previous answer told this story (its heading names the person and age)."""
    return story_heading(story) in previous_answer


def stories_told(repository: Repository, turn: Turn) -> List[Story]:
    """The stories the previous answer told, in the order told."""
    told = [story for story in repository.stories() if story_line_in(story, turn.previous_reply)]
    return sorted(told, key=lambda story: turn.previous_reply.index(story_heading(story)))


# "hoe is ze daar gekomen?", "wat heeft hij ervoor gedaan?" right after a story: that person's route
HOW_THEY_GOT_THERE = re.compile(
    r"\bhoe (is|heeft|kwam) (ze|zij|hij) (daar |daarin |er |dat |zo |daar ooit )?(gekomen|geworden|terecht ?gekomen"
    r"|begonnen|bij gekomen|binnengekomen|geleerd)\b"
    r"|\bwat (heeft|deed) (ze|zij|hij) (ervoor |daarvoor |eerst )?(gedaan|gestudeerd|geleerd)\b"
    r"|\bwelke opleiding (heeft|deed|had) (ze|zij|hij)\b"
    r"|\b(was|zat|deed|ging) (die|ze|zij|hij) (ook |eerst )?(op|naar) (het |de )?(vmbo|mbo|havo|school)\b",
    re.IGNORECASE,
)


def asks_how_they_got_there(repository: Repository, turn: Turn) -> bool:
    """ "hoe is ze daar gekomen?" right after a story (without building the answer)."""
    return bool(HOW_THEY_GOT_THERE.search(turn.text)) and bool(stories_told(repository, turn))


def story_route_asked(repository: Repository, turn: Turn) -> Optional[Answer]:
    """ "hoe is ze daar gekomen?" after a story: the route the story tells, marked as an illustration
    where it is one, then the occupation's route; None for other messages."""
    if not HOW_THEY_GOT_THERE.search(turn.text):
        return None
    told = stories_told(repository, turn)
    if not told:
        return None
    story = pointed_at(turn.text, told) or told[0]
    values = {"persoon": story.person_name, "route": story.route}
    told_route = (
        Reply("utter_story_route_invented", values)
        if story.is_illustration
        else Reply("utter_story_route_real", {**values, "bron": story.source_title})
    )
    answer = Answer([told_route])
    info = repository.occupation_by_slug(story.occupation_slug)
    if info is not None:
        from actions.route import ActionAnswerRoute  # route is built on the actions beside this one

        route = ActionAnswerRoute(repository).answer_about(turn, info)
        answer.replies += route.replies
        answer.about = info
    return answer


def about_the_story_told(repository: Repository, turn: Turn) -> Optional[Answer]:
    """ "echt?? waar werkt ze dan?" after a story: whether the person is real, and the source if so;
    "wat vond diegene het leukste?": what the story has the person say, marked as invented where it is."""
    if OPINION_OF_THE_PERSON.search(turn.text) and len(turn.text.split()) <= ABOUT_THE_STORY_WORDS:
        told = stories_told(repository, turn)
        if told:
            told = pointed_at(turn.text, told) or told[0]
            values = {"persoon": told.person_name, "citaat": told.quote}
            said = Reply("utter_story_quote_invented" if told.is_illustration else "utter_story_quote", values)
            return Answer([said])
    plainly = ABOUT_A_PERSON.search(turn.text)  # "is dat een echt persoon of een voorbeeld?" may come with more
    if len(turn.text.split()) > (ABOUT_A_PERSON_WORDS if plainly else ABOUT_THE_STORY_WORDS):
        return None
    if not IS_IT_REAL.search(turn.text):
        return None
    told = stories_told(repository, turn)
    if not told:
        return None
    told = pointed_at(turn.text, told) or told[0]  # "die tweede, is dat een echt persoon?" after three stories
    if told.is_illustration:
        return Answer([Reply("utter_story_invented", {"persoon": told.person_name})])
    return Answer([Reply("utter_story_real", {"persoon": told.person_name, "bron": told.source_title})])


ANOTHER_STORY_WORDS = 6  # "ook van een vrouw?", "en nog eentje?" right after stories
SOMEONE = re.compile(r"\b(iemand|een persoon)\b", re.IGNORECASE)
ANOTHER = re.compile(r"\b(nog (een|eentje|één)|andere?|ook (van|over))\b", re.IGNORECASE)


def asks_another_story(turn: Turn) -> bool:
    """ "ook van een vrouw?" right after one or more stories: another story, a woman's when asked."""
    if len(turn.text.split()) > ANOTHER_STORY_WORDS or turn.found:
        return False
    before = turn.previous_reply.lower()
    told = "voorbeeldverhaal" in before or "echt verhaal" in before
    someone = SOMEONE.search(turn.text)  # "en iemand in de bouw?"
    return told and bool(
        WOMEN_WORDS.search(turn.text) or MEN_WORDS.search(turn.text) or ANOTHER.search(turn.text) or someone
    )


# "verhalen van vrouwen voor mijn les", "3 rolmodellen": several stories, each in one line.
SEVERAL = re.compile(r"\b(verhalen|rolmodellen|voorbeelden|voorbeeldverhalen)\b", re.IGNORECASE)
MAX_STORIES = 3


def story_line(repository: Repository, story: Story) -> str:
    info = repository.occupation_by_slug(story.occupation_slug)
    name = repository.display_name(info) if info else story.occupation_slug
    kind = (
        "voorbeeldverhaal, geen echt persoon" if story.is_illustration else f"echt verhaal, bron: {story.source_title}"
    )
    return f"- {story_heading(story)}, {name} ({kind}): {story.route}"


class ActionAnswerStory(OccupationAction):
    intent = "ask_story"

    def name(self) -> Text:
        return "action_answer_story"

    def answer(self, turn: Turn) -> Answer:
        if ASKS_WOMEN_SHARE.search(turn.text) and not ASKS_FOR_A_STORY.search(turn.text) and turn.points_into_list:
            # "heb je van die eerste ook cijfers over hoeveel vrouwen er werken?": that one's figures
            return ActionAnswerProspects(self._repository).answer_about(turn, turn.occupation)
        if ASKS_WOMEN_SHARE.search(turn.text) and not ASKS_FOR_A_STORY.search(turn.text) and len(turn.on_the_table) > 1:
            # "en hoe zit het met het aandeel vrouwen in die beroepen?": their figures, side by side
            return comparison(self.repository, list(turn.on_the_table)[:MAX_COMPARED], turn.text)
        if turn.resolution == AMBIGUOUS:
            # "een verhaal van een meisje dat monteur is geworden?": a story of one of the monteurs
            stories = [story for info in turn.unclear.candidates for story in self.repository.stories(info)]
            story = pick_story(asked_for(stories, wanted(turn)), turn)
            if story is not None:
                return self.answer_about(turn, self.repository.occupation_by_slug(story.occupation_slug))
        return about_the_story_told(self.repository, turn) or super().answer(turn)

    def answer_about(self, turn: Turn, info: OccupationInfo) -> Answer:
        own = self.repository.stories(info)
        wants_women = WOMEN_WORDS.search(turn.text) and not MEN_WORDS.search(turn.text)
        if wants_women and not any(s.is_woman for s in own):
            # "zijn er meiden die loodgieter worden?": no woman's story here; say so, tell another woman's
            other = pick_story(self.repository.stories(), turn)
            if other is not None and other.is_woman:
                other_info = self.repository.occupation_by_slug(other.occupation_slug)
                note = Reply("utter_no_womens_story", name_values(self.repository.display_name(info)))
                told = Reply("utter_story", story_values(self.repository, other, other_info))
                figures = ActionAnswerProspects(self._repository).answer_about(turn, info)
                return Answer([note, told] + (figures.replies if figures.is_answer else []), about=info)
        story = pick_story(own, turn)
        if story is None:
            answer = Answer([Reply("utter_no_story", name_values(self.repository.display_name(info)))], about=info)
            if ROUTE_WORDS.search(turn.text) or START_LEVEL.search(turn.text):
                # "iemand die met mbo 2 begon en nu ingenieur is": none of that work, so one with that route
                other = pick_story(self.repository.stories(), turn)
                other_info = self.repository.occupation_by_slug(other.occupation_slug) if other else None
                if other_info is not None:
                    answer.replies.append(Reply("utter_story", story_values(self.repository, other, other_info)))
        else:
            answer = Answer([Reply("utter_story", story_values(self.repository, story, info))], about=info)
        if WOMEN_WORDS.search(turn.text):  # "zijn er vrouwen die dat doen?": the group's share of women too
            figures = ActionAnswerProspects(self._repository).answer_about(turn, info)
            answer.replies += figures.replies if figures.is_answer else []
        return answer

    def in_the_field(self, stories: List[Story], text: str) -> List[Story]:
        """The stories of people working in the sectors the message names ("in de haven of procesindustrie"), if
        there are any; else all."""
        sectors = self.repository.topics_named("sector", text)
        if not sectors:
            return stories
        slugs = {info.profile_slug for row in sectors for info in self.repository.occupations_in_sector(row.sector)}
        return [story for story in stories if story.occupation_slug in slugs] or stories

    def answer_without_occupation(self, turn: Turn) -> Answer:
        """No occupation named or remembered: tell any story (a woman's when asked for one), or
        several in a line each when the message asks for stories."""
        if SEVERAL.search(turn.text):
            stories = asked_for(self.in_the_field(self.repository.stories(), turn.text), turn.text)[:MAX_STORIES]
            if stories:
                lines = "\n".join(story_line(self.repository, story) for story in stories)
                illustrated = any(story.is_illustration for story in stories)
                values = {"verhalen": lines, "noot": ILLUSTRATION_NOTE if illustrated else "", "wie": whose(turn.text)}
                # "wat doet die persoon precies?": the occupations of the stories are on the table
                told = [self.repository.occupation_by_slug(story.occupation_slug) for story in stories]
                answer = Answer([Reply("utter_stories", values)], slots={"suggested": [i.id for i in told if i]})
                women = women_share_reply(self.repository) if ASKS_WOMEN_SHARE.search(turn.text) else None
                answer.replies += [women] if women else []  # "cijfers over hoeveel vrouwen ... en voorbeelden"
                return answer
        # "Heeft u een voorbeeld van een vrouw die dit doet?" after a list: one of the listed occupations
        listed = asked_for([s for info in turn.suggested for s in self.repository.stories(info)], turn.text)
        if WOMEN_WORDS.search(turn.text) and not any(s.is_woman for s in listed):
            listed = []  # none of the listed has a woman's story: another occupation's rather than a man's
        everyone = self.in_the_field(self.repository.stories(), turn.text)  # "liefst iemand die in de haven werkt"
        field = self.repository.best_topic("sector", turn.text)
        if field is not None:  # "... liefst iemand uit de haven" after a list: only the listed from there
            listed = [story for story in listed if story in everyone]
        story = pick_story(listed, turn) or pick_story(everyone, turn)
        if story is None:
            return question("utter_ask_occupation")
        info = self.repository.occupation_by_slug(story.occupation_slug)
        heading = []
        if field is not None and story in everyone and everyone != self.repository.stories():
            heading = [Reply("utter_story_from_field", {"richting": field.name})]
        from actions.topics import plain_myth_replies  # topics is built on this module's neighbours

        # "Een verhaal voor mijn dochter? Ze denkt dat ze het enige meisje is.": the worry's counter-facts too,
        # from the sentences beside the request ("een verhaal van een vrouw" is no worry)
        beside = " ".join(s for s in sentences(turn.text) if not ASKS_FOR_A_STORY.search(s))
        worry = plain_myth_replies(self._repository, beside) if beside else []
        told = Reply("utter_story", story_values(self.repository, story, info))
        return Answer(heading + [told] + worry, about=info)
