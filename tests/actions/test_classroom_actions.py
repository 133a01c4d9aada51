"""What a mentor asks for a lesson: the sources of the figures, a comparison chart, a lesson sheet."""

from helpers import only, parsed, responses, run_action, tracker_for

from actions.compare import ActionCompareOccupations
from actions.data_source import ActionAnswerDataSource
from actions.lesson import ActionLessonSheet


async def test_the_sources_answer_lists_every_source_of_the_table_with_its_year(repository):
    messages, _ = await run_action(
        ActionAnswerDataSource(repository), tracker_for("waar komen je cijfers vandaan", "ask_data_source")
    )
    lines = only(messages, "utter_data_source")["bronnen"]
    for source in repository.catalog.sources.values():
        assert source.title in lines
        assert (source.period or str(source.year)) in lines


async def test_a_comparison_of_three_comes_with_a_chart_whose_alt_text_names_them(repository):
    text = "vergelijk elektricien, kapper en verkoper"
    messages, _ = await run_action(
        ActionCompareOccupations(repository), parsed(repository, text, "compare_occupations")
    )
    assert responses(messages) == ["utter_read_as", "utter_compare_several"]
    assert messages[0]["lezing"] == "'verkoper' als verkoopmedewerker"  # the name typed is not the one shown
    charts = [m["custom"]["chart"] for m in messages if m.get("custom")]
    assert len(charts) == 1
    chart = charts[0]
    assert chart["url"].endswith(".png") and "/klas/grafiek/" in chart["url"]
    for name in ("elektricien", "kapper", "verkoop"):
        assert name in chart["alt"].lower()
    # The follow-up buttons stay under the text, not under the image.
    assert messages[1]["buttons"] and not [m for m in messages if m.get("custom") and m.get("buttons")]


async def test_a_lesson_sheet_link_names_the_occupations_asked_for(repository):
    text = "maak een lesbrief over elektricien, kapper en lasser"
    messages, _ = await run_action(ActionLessonSheet(repository), parsed(repository, text, "ask_lesson_sheet"))
    reply = only(messages, "utter_lesson_sheet")
    assert reply["link"].endswith(".pdf") and reply["link"].count("+") == 2
    assert reply["namen"] == "elektricien, kapper en lasser"


async def test_a_lesson_sheet_without_occupations_asks_which(repository):
    messages, _ = await run_action(ActionLessonSheet(repository), parsed(repository, "lesbrief", "ask_lesson_sheet"))
    assert responses(messages) == ["utter_ask_lesson_occupations"]
