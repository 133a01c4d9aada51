"""Fixtures for the widget's browser tests.

The tests drive the real widget in Debian's headless Chromium (/usr/bin/chromium,
installed by scripts/install_debian_package.sh from `make test`) through the Python ``playwright`` package.
No browser is ever downloaded (never run ``playwright install``).

Without playwright or Chromium the browser tests are skipped with a hint; set
``KANSRIJK_WIDGET_REQUIRE_BROWSER=1`` (e.g. in CI) to make that a failure instead.

A fake Rasa REST server (standard library, 127.0.0.1, random port, CORS headers)
returns canned answers so the tests need no trained model.
"""

from __future__ import annotations

import json
import os
import struct
import threading
import time
import zlib
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator, List, Tuple

import pytest

from bot.demo_site import make_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REQUIRE_BROWSER_ENV = "KANSRIJK_WIDGET_REQUIRE_BROWSER"

LASSER_ANSWER = (
    "Een lasser verdient gemiddeld € 23,00 bruto per uur.\n"
    "Bron: CBS, 2024. Meer info: https://www.kiesmbo.nl/beroepen/lasser."
)
GREETING = "Hoi! Ik ben de chatbot van Kansrijk Kiezen.\nWie ben jij?"
AUDIENCE_PARENT = '/inform_audience{"doelgroep":"ouder"}'
AUDIENCE_PUPIL = '/inform_audience{"doelgroep":"leerling"}'


# --------------------------------------------------------------------------- fake Rasa


def _png(width: int, height: int, rgb: Tuple[int, int, int]) -> bytes:
    """A solid-colour PNG, made with the standard library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


class FakeRasa:
    """A stand-in for ``rasa run --cors "*"`` with the REST channel."""

    # "vergelijk ...": the comparison table, then the chart as the actions send it.
    comparison_answer = "Bruto uurloon in 2022:\n- Elektricien: € 21,00\n- Kapper: € 14,40 (bredere groep)"
    chart_alt = "Grafiek van het bruto uurloon in 2022 van Elektricien en Kapper. Elektricien: mediaan € 21,00."
    chart_caption = "Bruto uurloon per uur in 2022. Bron: CBS, 2022."

    def __init__(self) -> None:
        self.received: List[Tuple[str, str]] = []
        self.mode = "ok"  # "ok" or "error" (HTTP 500)
        self.delay = 0.0
        self.image = _png(240, 120, (224, 164, 0))
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> "FakeRasa":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def messages(self) -> List[str]:
        with self._lock:
            return [message for _sender, message in self.received]

    def senders(self) -> List[str]:
        with self._lock:
            return [sender for sender, _message in self.received]

    def answer(self, message: str) -> list:
        if message == "/greet":
            return [
                {
                    "text": GREETING,
                    "buttons": [
                        {"title": "Ik ben leerling", "payload": AUDIENCE_PUPIL},
                        {"title": "Ik ben ouder", "payload": AUDIENCE_PARENT},
                    ],
                }
            ]
        if message.startswith("/inform_audience"):
            return [{"text": "Fijn dat u er bent! Stel gerust een vraag."}]
        if message == "/ask_prospects":
            return [{"text": "Lassers zijn hard nodig: je kans op werk is groot."}]
        if message == "/ask_route":
            return [{"text": "Je wordt lasser via een mbo-opleiding op niveau 2 of 3."}]
        if message.lower().startswith("vergelijk"):
            return [
                {"text": self.comparison_answer},
                {
                    "custom": {
                        "chart": {
                            "url": f"{self.url}/grafiek.png",
                            "alt": self.chart_alt,
                            "caption": self.chart_caption,
                        }
                    }
                },
            ]
        if "lasser" in message.lower():
            return [
                {"text": LASSER_ANSWER},
                {"image": f"{self.url}/lasser.png"},
                {
                    "text": "Wil je nog meer weten?",
                    "buttons": [
                        {"title": "Kans op werk", "payload": "/ask_prospects"},
                        {"title": "Hoe word ik lasser?", "payload": "/ask_route"},
                    ],
                },
            ]
        return [{"text": f"Je schreef: {message}"}]

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format, *args):  # noqa: A002 - quiet
                pass

            def _cors(self) -> None:
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")
                self.send_header("Access-Control-Allow-Headers", "Content-Type")

            def _json(self, status: int, payload) -> None:
                body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self._cors()
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_OPTIONS(self):  # noqa: N802
                self.send_response(204)
                self._cors()
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_GET(self):  # noqa: N802
                if self.path in ("/lasser.png", "/grafiek.png"):
                    self.send_response(200)
                    self.send_header("Content-Type", "image/png")
                    self.send_header("Content-Length", str(len(fake.image)))
                    self.end_headers()
                    self.wfile.write(fake.image)
                else:
                    self._json(404, {"error": "not found"})

            def do_POST(self):  # noqa: N802
                if self.path != "/webhooks/rest/webhook":
                    self._json(404, {"error": "not found"})
                    return
                length = int(self.headers.get("Content-Length") or 0)
                data = json.loads(self.rfile.read(length) or b"{}")
                with fake._lock:
                    fake.received.append((data.get("sender"), data.get("message")))
                if fake.delay:
                    time.sleep(fake.delay)
                if fake.mode == "error":
                    self._json(500, {"status": "failure", "message": "boom"})
                    return
                self._json(200, fake.answer(str(data.get("message"))))

        return Handler


@pytest.fixture
def fake_rasa() -> Iterator[FakeRasa]:
    fake = FakeRasa().start()
    yield fake
    fake.stop()


class SchoolSite:
    """A third origin standing in for a school's own web server: serves given pages.

    (Pages faked with Playwright's route.fulfill have no address space, so Chromium's
    Local Network Access rules would block their requests to the loopback fake Rasa.)
    """

    def __init__(self) -> None:
        self.pages = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format, *args):  # noqa: A002 - quiet
                pass

            def do_GET(self):  # noqa: N802
                body = site.pages.get(self.path.split("?")[0])
                if body is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                data = body.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def add(self, path: str, html: str) -> str:
        self.pages[path] = html
        return self.url + path

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def school_site() -> Iterator[SchoolSite]:
    site = SchoolSite()
    yield site
    site.stop()


@contextmanager
def _serve_demo(rasa_url: str) -> Iterator[str]:
    """Run bot.demo_site in a thread; yields its base URL."""
    server = make_server(0, rasa_url)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def serve_demo():
    """``with serve_demo(rasa_url) as base_url:`` runs bot.demo_site in a thread."""
    return _serve_demo


@pytest.fixture
def demo_url(fake_rasa: FakeRasa) -> Iterator[str]:
    with _serve_demo(fake_rasa.url) as url:
        yield url


# --------------------------------------------------------------------------- browser


def _no_browser(reason: str):
    hint = (
        f"{reason} (run scripts/install_debian_package.sh /usr/bin/chromium chromium fonts-dejavu-core and make venv)"
    )
    if os.environ.get(REQUIRE_BROWSER_ENV) == "1":
        pytest.fail(hint)
    pytest.skip(hint)


@pytest.fixture(scope="session")
def widget_browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _no_browser("the playwright package is not installed")
    if not os.path.exists(CHROMIUM):
        _no_browser(f"{CHROMIUM} is missing")
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except Exception as error:  # pragma: no cover - depends on the machine
        playwright.stop()
        _no_browser(f"Chromium did not start: {error}")
    yield browser
    browser.close()
    playwright.stop()


class PageProbe:
    """Collects what a page reports: console errors, uncaught errors and dialogs."""

    def __init__(self, page) -> None:
        self.page = page
        self.console_errors: List[str] = []
        self.page_errors: List[str] = []
        self.dialogs: List[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("dialog", self._on_dialog)

    def _on_console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def _on_dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()


@pytest.fixture
def new_page(widget_browser):
    """Factory: a page in a fresh browser context (fresh sessionStorage)."""
    contexts = []

    def make(width: int = 1280, height: int = 800):
        context = widget_browser.new_context(
            viewport={"width": width, "height": height},
            locale="nl-NL",
            reduced_motion="reduce",
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.probe = PageProbe(page)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def widget_page(new_page):
    return new_page()
