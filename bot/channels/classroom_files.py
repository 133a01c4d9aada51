"""The classroom files on the Rasa server: the comparison chart and the lesson sheet.

Register it in credentials.yml with::

    bot.channels.classroom_files.ClassroomFilesInput:

It is a Rasa input channel only to get a blueprint on the Rasa server; it takes no messages.
Its prefix is the absolute ``/klas``, so the files are at the addresses ``bot.classroom.links``
makes (not under ``/webhooks/``):

* ``GET /klas/grafiek/<id>+<id>.png`` — the chart (image/png);
* ``GET /klas/lesbrief/<id>+<id>.pdf`` — the lesson sheet (application/pdf).

2–4 different ESCO UUIDs of known occupations; anything else is a 404 with a Dutch sentence.
Rendering (matplotlib, a few hundred milliseconds) runs in a worker thread, never on the event
loop; the files are cached on disk (``bot.classroom.cache``).
"""

import asyncio
import logging
import threading
from typing import Any, Awaitable, Callable, Dict, Optional, Sequence, Tuple

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.classroom.links import (
    CHART_DIR,
    CHART_SUFFIX,
    LESSON_DIR,
    LESSON_SUFFIX,
    PREFIX,
    BadLink,
    file_slug,
    occupations_in,
)
from occupations.catalog import DatabaseNotBuilt, OccupationInfo
from occupations.config import database_url
from occupations.repository import Repository

logger = logging.getLogger(__name__)

# A day: the same address shows the same occupations; new CBS figures may wait that long.
CACHE_CONTROL = "public, max-age=86400"
NOT_AVAILABLE = "De grafieken en lesbrieven zijn nu niet beschikbaar. Probeer het later nog eens."
NOT_FOUND = "Hier staat geen grafiek of lesbrief. Vraag de chatbot om een nieuwe link."
FAILED = "Het maken van dit bestand is mislukt. Probeer het later nog eens."

Render = Callable[[Repository, Sequence[OccupationInfo]], bytes]


def _render_chart(repository: Repository, infos: Sequence[OccupationInfo]) -> bytes:
    from bot.classroom.chart import render_comparison_chart  # matplotlib: loaded on the first request

    return render_comparison_chart(repository, infos)


def _render_lesson(repository: Repository, infos: Sequence[OccupationInfo]) -> bytes:
    from bot.classroom.lesson_sheet import render_lesson_sheet

    return render_lesson_sheet(repository, infos)


class ClassroomFilesInput(InputChannel):
    """Serves the chart PNG and the lesson sheet PDF at /klas/…; takes no messages."""

    @classmethod
    def name(cls) -> str:
        return "klas"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> "ClassroomFilesInput":
        return cls()

    def __init__(self, repository: Optional[Repository] = None) -> None:
        """``repository``: for tests; the server opens DATABASE_URL on the first request."""
        self._repository = repository
        self._opening = threading.Lock()

    def url_prefix(self) -> str:
        # Absolute: Rasa joins it onto "/webhooks/", and an absolute path replaces that.
        return PREFIX

    def repository(self) -> Repository:
        """The table, read once (in a worker thread: reading it blocks)."""
        with self._opening:
            if self._repository is None:
                self._repository = Repository.open(database_url())
            return self._repository

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        files = Blueprint("kansrijk_classroom_files", __name__)

        # HEAD too: a messaging service may check an image before it fetches it.
        @files.route(f"/{CHART_DIR}/<name>", methods=["GET", "HEAD"])
        async def chart(_: Request, name: str) -> HTTPResponse:
            return await self._serve(name, CHART_SUFFIX, _render_chart, "image/png")

        @files.route(f"/{LESSON_DIR}/<name>", methods=["GET", "HEAD"])
        async def lesson(_: Request, name: str) -> HTTPResponse:
            return await self._serve(name, LESSON_SUFFIX, _render_lesson, "application/pdf")

        @files.route("/", methods=["GET", "HEAD"])
        @files.route("/<rest:path>", methods=["GET", "HEAD"])
        async def other(_: Request, rest: str = "") -> HTTPResponse:
            return response.text(NOT_FOUND, status=404)

        return files

    async def _serve(self, name: str, suffix: str, render: Render, content_type: str) -> HTTPResponse:
        loop = asyncio.get_running_loop()
        try:
            body, download = await loop.run_in_executor(None, self._file, name, suffix, render)
        except BadLink as error:
            return response.text(error.message, status=error.status)
        except DatabaseNotBuilt:
            logger.error("classroom: the occupations database is not built")
            return response.text(NOT_AVAILABLE, status=503)
        except Exception:
            logger.exception("classroom: rendering %s failed", name)
            return response.text(FAILED, status=500)
        headers = {
            "Cache-Control": CACHE_CONTROL,
            "Content-Disposition": f'inline; filename="{download}{suffix}"',
            "X-Content-Type-Options": "nosniff",
        }
        return response.raw(body, content_type=content_type, headers=headers)

    def _file(self, name: str, suffix: str, render: Render) -> Tuple[bytes, str]:
        """The file's bytes and a readable name to save it under ('lesbrief-elektricien-kapper')."""
        repository = self.repository()
        infos = occupations_in(repository, name, suffix)
        kind = LESSON_DIR if suffix == LESSON_SUFFIX else CHART_DIR
        download = f"{kind}-{file_slug([repository.display_name(info) for info in infos])}"
        return render(repository, infos), download
