"""The curated school topics (education_topics.csv) that other answers add beside their own."""

from actions.answer import Reply
from actions.citations import cite_facts
from occupations.content import EducationTopic
from occupations.repository import Repository

ACCESS_TOPIC = "doorstromen-van-vmbo"  # which mbo level a vmbo leerweg gives access to; the profile does not limit it
DURATION_TOPIC = "duur-opleiding"  # how long each mbo level takes
ENTREE_TOPIC = "entree"  # the Entree year at mbo level 1
HBO_AFTER_MBO = "hbo-na-mbo"  # going on to hbo after mbo 4


def education_reply(repository: Repository, topic: EducationTopic) -> Reply:
    """A school topic's answer with its facts cited."""
    return Reply("utter_education", {"antwoord": topic.answer, "feiten": cite_facts(repository.facts(topic.fact_ids))})
