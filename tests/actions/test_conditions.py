"""Working conditions a user names: asked about ("moet hij op het dak?") or ruled out ("hoogtevrees")."""

from helpers import only, parsed, responses, run_action, slot_value

from actions.conditions import CONDITIONS, asked_conditions, condition_text, ruled_out
from actions.description import ActionAnswerJobDescription
from actions.topics import ActionAnswerInterest, ActionAnswerSector


def keys(conditions):
    return [c.key for c in conditions]


def test_a_condition_after_a_negation_or_a_fear_is_ruled_out():
    assert keys(ruled_out("hij heeft hoogtevrees")) == ["height"]
    assert keys(ruled_out("wil niet de hele dag stilzitten achter een scherm")) == ["screen"]
    assert keys(ruled_out("liever binnen, niet in de kou")) == ["outdoors"]
    assert keys(ruled_out("ze wil geen nachtdiensten")) == ["hours"]


def test_a_condition_named_as_a_liking_or_a_question_is_not_ruled_out():
    assert ruled_out("hij werkt graag buiten") == []
    assert ruled_out("moet je op het dak werken?") == []
    assert keys(asked_conditions("moet je op het dak werken?")) == ["height"]


def test_pay_words_are_no_condition():
    assert asked_conditions("is het salaris hoog? en wat verdien je?") == []


def test_a_sentence_that_denies_the_condition_does_not_describe_it():
    physical = next(c for c in CONDITIONS if c.key == "physical")
    assert condition_text([physical], "Het werk is binnen. Lichamelijk is het niet zwaar.") is None
    assert condition_text([physical], "Het is zwaar werk met veel tillen.") == "Het is zwaar werk met veel tillen."


async def test_a_condition_question_about_an_occupation_quotes_what_its_text_says(repository):
    tracker = parsed(repository, "moet een zonnepanelenmonteur de hele dag op het dak staan?", "ask_job_description")
    messages, _ = await run_action(ActionAnswerJobDescription(repository), tracker)
    assert responses(messages)[0] == "utter_work_condition", responses(messages)
    assert "daken" in messages[0]["zinnen"] and messages[0]["onderwerp"] == "werken op hoogte"


async def test_a_condition_the_text_does_not_mention_is_said_to_be_unknown(repository):
    tracker = parsed(repository, "moet een cnc-verspaner in het weekend werken?", "ask_job_description")
    messages, _ = await run_action(ActionAnswerJobDescription(repository), tracker)
    assert responses(messages)[0] == "utter_work_condition_unknown", responses(messages)


async def test_a_plain_question_about_the_work_still_gets_the_whole_description(repository):
    tracker = parsed(repository, "wat doet een dakdekker en werk je veel op hoogte?", "ask_job_description")
    messages, _ = await run_action(ActionAnswerJobDescription(repository), tracker)
    assert responses(messages)[0] == "utter_job_description", responses(messages)


async def test_suggestions_leave_out_work_with_a_ruled_out_condition_and_say_so(repository):
    text = "welke beroepen zijn er in de bouw en infra? hij heeft wel hoogtevrees"
    messages, events = await run_action(ActionAnswerSector(repository), parsed(repository, text, "ask_sector"))
    suggested = [repository.display_name(repository.occupation(i)) for i in slot_value(events, "suggested")]
    left_out = next(m for m in messages if m.get("response") == "utter_left_out_for_condition")
    assert "Dakdekker" in left_out["beroepen"]
    assert suggested and not {"Dakdekker", "Steigerbouwer"} & set(suggested), suggested


async def test_a_fear_rules_out_the_interest_it_names(repository):
    text = "ze houdt van bouwen en resultaat zien maar heeft hoogtevrees"
    messages, _ = await run_action(ActionAnswerInterest(repository), parsed(repository, text, "ask_interest"))
    assert "hoogte" not in messages[0]["interesse"], messages[0]["interesse"]


def test_context_beside_a_question_is_no_condition_question():
    text = "Wat verdient een netwerkbeheerder? Mijn zoon zit de hele dag achter de computer dus misschien is dat wat"
    assert asked_conditions(text) == []
    assert keys(asked_conditions("moet je dan maanden weg van huis")) == ["away"]


def test_a_negation_far_before_the_condition_rules_nothing_out():
    assert ruled_out("ik weet echt niet wat ik wil ik vind buiten zijn chill") == []


def test_a_second_question_without_its_question_mark_still_asks():
    assert keys(asked_conditions("wat verdient een matroos ongeveer? en hoelang ben je dan weg van huis")) == ["away"]
    assert keys(ruled_out("hij wil echt niet de hele dag achter een bureau zitten")) == ["screen"]


def test_not_months_at_sea_and_no_programming_are_ruled_out():
    assert keys(ruled_out("wel iets met schepen willen maar niet maanden op zee")) == ["away"]
    assert keys(ruled_out("hij is handig met netwerken maar wil niet programmeren")) == ["programming"]


async def test_which_of_those_with_a_profile_keeps_those_reached_from_it(repository):
    from actions.pay import ActionAnswerSalary

    names = ("procesoperator", "scheepsbouwer", "matroos binnenvaart", "maritiem officier")
    suggested = [repository.find(n).best.occupation_id for n in names]
    text = "welke daarvan kan ik doen met vmbo kader PIE"
    tracker = parsed(repository, text, "ask_salary", slots={"suggested": suggested})
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    lines = only(messages, "utter_compare_several")["regels"]
    assert "Scheepsbouwer" in lines and "Matroos binnenvaart" not in lines  # MaT, not PIE


async def test_building_jobs_without_lifting_all_day_leave_out_the_heavy_ones(repository):
    text = "Zijn er in de bouw ook banen waar je niet de hele dag staat te sjouwen?"
    messages, events = await run_action(ActionAnswerSector(repository), parsed(repository, text, "ask_sector"))
    left_out = only(messages, "utter_left_out_for_condition")
    assert "Metselaar" in left_out["beroepen"] and left_out["onderwerp"] == "lichamelijk zwaar werk"
