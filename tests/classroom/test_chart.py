"""The comparison chart: a PNG for 2–4 occupations, cached, and the same figures in words."""

from io import BytesIO

import pytest
from PIL import Image

from actions.formatting import euro_hourly
from bot.classroom.chart import MAX_CAPTION, NO_FIGURE, chart_message, chart_text, render_comparison_chart

GROUPS = {
    2: ["elektricien", "kapper"],
    3: ["elektricien", "kapper", "lasser"],
    4: ["elektricien", "kapper", "lasser", "verkoper"],
}


@pytest.mark.parametrize("size", sorted(GROUPS))
def test_chart_renders_for_two_to_four_occupations(repository, named, size, chart_cache):
    infos = [named(name) for name in GROUPS[size]]
    png = render_comparison_chart(repository, infos)
    image = Image.open(BytesIO(png))
    image.load()
    assert image.format == "PNG"
    assert image.width == 960  # 8 inches at 120 dpi
    assert 400 < image.height < 1400
    assert 20_000 < len(png) < 1_000_000
    # More occupations, a taller chart.
    if size > 2:
        smaller = Image.open(BytesIO(render_comparison_chart(repository, infos[:-1])))
        assert smaller.height < image.height


def test_a_second_request_is_served_from_the_cache(repository, named, chart_cache):
    infos = [named("elektricien"), named("kapper")]
    first = render_comparison_chart(repository, infos)
    files = list(chart_cache.iterdir())
    assert len(files) == 1 and files[0].read_bytes() == first
    assert not [f for f in files if f.name.startswith(".tmp")]  # written whole, then renamed
    files[0].write_bytes(first + b"cached")  # a cache hit returns what is on disk, without drawing
    assert render_comparison_chart(repository, infos) == first + b"cached"
    # Another order is another chart.
    render_comparison_chart(repository, list(reversed(infos)))
    assert len(list(chart_cache.iterdir())) == 2


def test_the_cache_name_carries_ids_year_and_version(repository, named, chart_cache):
    infos = [named("elektricien"), named("lasser")]
    render_comparison_chart(repository, infos)
    (name,) = [f.name for f in chart_cache.iterdir()]
    year = repository.common_pay_year(infos)
    assert name.startswith(f"grafiek-{infos[0].id}+{infos[1].id}-{year}-v")


@pytest.mark.parametrize("names", [["elektricien"], ["elektricien", "kapper", "lasser", "verkoper", "timmerman"]])
def test_one_or_five_occupations_are_refused(repository, named, names):
    with pytest.raises(ValueError):
        render_comparison_chart(repository, [named(name) for name in names])


def test_alt_text_states_every_figure_of_the_year_with_its_source(repository, named):
    infos = [named(name) for name in GROUPS[4]]
    year = repository.common_pay_year(infos)
    text = chart_text(repository, infos)
    assert f"in {year}" in text.alt
    for info in infos:
        figure = repository.pay_in_year(info, year)
        assert repository.display_name(info) in text.alt
        if figure:
            for amount in (figure.p25, figure.median, figure.p75):
                assert euro_hourly(amount) in text.alt
            assert figure.source.citation in text.alt
            assert euro_hourly(figure.median) in text.caption
    national = repository.national_pay(year)
    if national:
        assert euro_hourly(national.median) in text.alt
    assert len(text.caption) <= MAX_CAPTION


def test_a_borrowed_figure_is_called_broader(repository, named):
    lasser = named("lasser")
    infos = [named("elektricien"), lasser]
    figure = repository.pay_in_year(lasser, repository.common_pay_year(infos))
    assert figure is not None and figure.is_broader  # the example of docs/architecture.md
    text = chart_text(repository, infos)
    assert f"bredere groep '{figure.group_title}'" in text.alt
    assert "Lasser € " in text.caption and "(bredere groep)" in text.caption


def test_an_occupation_without_a_figure_gets_no_number(repository, named, without_pay):
    infos = [without_pay, named("elektricien")]
    text = chart_text(repository, infos)
    name = repository.display_name(without_pay)
    sentence = next(part for part in text.alt.split(". ") if part.startswith(name))
    assert "geen CBS-cijfer" in sentence
    assert "€" not in sentence
    assert f"{name}: {NO_FIGURE}" in text.caption
    png = render_comparison_chart(repository, infos)
    assert Image.open(BytesIO(png)).format == "PNG"


def test_no_figure_at_all_draws_no_numbers(repository, without_pay):
    others = [i for i in repository.catalog.occupations.values() if i.id != without_pay.id and not repository.pay(i)]
    text = chart_text(repository, [without_pay, others[0]])
    assert "€" not in text.alt and "€" not in text.caption
    assert "balk" not in text.caption


def test_chart_message_is_what_the_channels_show(repository, named, monkeypatch):
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://bot.school.nl")
    infos = [named("elektricien"), named("kapper")]
    message = chart_message(repository, infos)
    text = chart_text(repository, infos)
    assert message == {
        "chart": {
            "url": f"https://bot.school.nl/klas/grafiek/{infos[0].id}+{infos[1].id}.png",
            "alt": text.alt,
            "caption": text.caption,
        }
    }
