"""The classroom files on the Rasa server: GET /klas/grafiek/<ids>.png and /klas/lesbrief/<ids>.pdf,
mounted with Rasa's own `register` like `rasa run` does."""

import asyncio
import threading
import time
from io import BytesIO

import pytest
from channel_fakes import serve_channel
from PIL import Image
from pypdf import PdfReader

from bot.channels.classroom_files import CACHE_CONTROL, ClassroomFilesInput
from bot.classroom.links import chart_path, lesson_path

UNKNOWN = "ffffffff-ffff-4fff-bfff-ffffffffffff"


async def get(served, path: str):
    async with served.session.get(served.url + path) as resp:
        return resp.status, resp.headers, await resp.read()


@pytest.fixture
def ids(named):
    return [named("elektricien").id, named("kapper").id, named("lasser").id]


async def test_the_chart_is_a_png(repository, ids):
    async with serve_channel(ClassroomFilesInput(repository)) as served:
        status, headers, body = await get(served, chart_path(ids))
    assert status == 200
    assert headers["Content-Type"] == "image/png"
    assert headers["Cache-Control"] == CACHE_CONTROL
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert Image.open(BytesIO(body)).format == "PNG"


async def test_the_lesson_sheet_is_a_pdf(repository, ids):
    async with serve_channel(ClassroomFilesInput(repository)) as served:
        status, headers, body = await get(served, lesson_path(ids[:2]))
    assert status == 200
    assert headers["Content-Type"] == "application/pdf"
    assert headers["Cache-Control"] == CACHE_CONTROL
    assert 'filename="lesbrief-elektricien-kapper.pdf"' in headers["Content-Disposition"]
    assert "Elektricien" in PdfReader(BytesIO(body)).pages[0].extract_text()


@pytest.mark.parametrize(
    "path",
    [
        "/klas/grafiek/{a}.png",  # one occupation
        "/klas/grafiek/{a}+{b}+{c}+{a2}+{b2}.png",  # five
        "/klas/grafiek/{a}+{unknown}.png",  # unknown
        "/klas/grafiek/{a}+{a}.png",  # twice
        "/klas/grafiek/{a}+kapper.png",  # malformed
        "/klas/grafiek/{a}+{b}.gif",
        "/klas/lesbrief/{a}+{b}.png",
        "/klas/lesbrief/{a}.pdf",
        "/klas/lesbrief/{a}+{b}+{c}+{a2}+{b2}.pdf",
        "/klas/grafiek/",
        "/klas/grafiek/{a}+{b}.png/extra",
        "/klas/",
        "/klas",
    ],
)
async def test_bad_links_get_a_dutch_404(repository, ids, path):
    a, b, c = ids
    # Five well-formed, different ids: two made-up ones beside three real ones.
    a2, b2 = UNKNOWN, UNKNOWN.replace("f", "e")
    url = path.format(a=a, b=b, c=c, a2=a2, b2=b2, unknown=UNKNOWN)
    async with serve_channel(ClassroomFilesInput(repository)) as served:
        status, headers, body = await get(served, url)
    assert status == 404, url
    assert headers["Content-Type"].startswith("text/plain")
    text = body.decode("utf-8")
    assert "Traceback" not in text and "Error" not in text
    assert "link" in text.lower()


async def test_head_answers_like_get_without_a_body(repository, ids):
    async with serve_channel(ClassroomFilesInput(repository)) as served:
        async with served.session.head(served.url + chart_path(ids)) as resp:
            status, headers, body = resp.status, resp.headers, await resp.read()
    assert (status, headers["Content-Type"], body) == (200, "image/png", b"")
    assert int(headers["Content-Length"]) > 10_000


async def test_a_render_failure_is_a_dutch_500_without_a_trace(repository, ids, monkeypatch):
    def broken(*_args):
        raise RuntimeError("matplotlib is gone")

    monkeypatch.setattr("bot.channels.classroom_files._render_chart", broken)
    async with serve_channel(ClassroomFilesInput(repository)) as served:
        status, _, body = await get(served, chart_path(ids))
    assert status == 500
    assert "mislukt" in body.decode("utf-8") and "matplotlib" not in body.decode("utf-8")


async def test_rendering_runs_off_the_event_loop(repository, ids, monkeypatch):
    """While a chart is being drawn, the server still answers (a health check of another channel)."""
    drawing, release = threading.Event(), threading.Event()

    def slow(repository, infos):
        drawing.set()
        assert release.wait(10)
        return b"png"

    monkeypatch.setattr("bot.channels.classroom_files._render_chart", slow)
    async with serve_channel(ClassroomFilesInput(repository)) as served:
        request = asyncio.ensure_future(get(served, chart_path(ids)))
        assert await asyncio.get_running_loop().run_in_executor(None, drawing.wait, 10)
        started = time.monotonic()
        status, _, _ = await get(served, "/klas/")  # answered while the drawing thread is blocked
        assert status == 404 and time.monotonic() - started < 5
        assert not request.done()
        release.set()
        status, _, body = await request
    assert (status, body) == (200, b"png")


async def test_the_repository_is_opened_once_on_first_use(database_url, ids, monkeypatch):
    from occupations.repository import Repository

    opened = []
    real_open = Repository.open

    def counting_open(url=None):
        opened.append(url)
        return real_open(url)

    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setattr(Repository, "open", staticmethod(counting_open))
    channel = ClassroomFilesInput.from_credentials(None)
    assert opened == []  # lazily: not at start-up
    async with serve_channel(channel) as served:
        assert (await get(served, chart_path(ids[:2])))[0] == 200
        assert (await get(served, chart_path(ids[1:])))[0] == 200
    assert opened == [database_url]
