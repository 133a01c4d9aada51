"""Over REST, for every featured occupation: what the work is, how to get there, and a story."""

import uuid

import pandas as pd
import pytest
from test_rest import ask, texts

from occupations.config import CURATED_DIR
from occupations.curated import split_list

pytestmark = pytest.mark.e2e
FEATURED = pd.read_csv(CURATED_DIR / "featured_occupations.csv", dtype=str, keep_default_na=False)


@pytest.mark.parametrize("slug", FEATURED["slug"].tolist())
def test_featured_occupation_work_route_and_story(running_assistant, slug):
    row = FEATURED.set_index("slug").loc[slug]
    name = row["name"].split(" / ")[0].lower()
    sender = f"e2e-{uuid.uuid4()}"
    work = texts(ask(running_assistant, sender, f"wat doet een {name}?"))
    assert row["daily_work"][:40] in work, work
    route = texts(ask(running_assistant, sender, f"hoe word je {name}?"))
    assert "vmbo-profiel" in route and ("mbo" in route or "hbo" in route), route
    first_profile = split_list(row["vmbo_profiles"])[0]
    assert first_profile in route or first_profile == "alle"
    story = texts(ask(running_assistant, sender, f"heb je een verhaal van iemand die {name} is?"))
    assert "Voorbeeldverhaal" in story or "Echt verhaal" in story, story
