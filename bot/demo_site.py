"""A tiny static server for the school-site widget and its demo page.

    python -m bot.demo_site --port 8080 --rasa-url http://localhost:5005

serves ``bot/widget/``: the widget script and stylesheet, and the demo page of a
fictional school at ``/`` (also at ``/demo/``), with the page's ``data-server``
rewritten to ``--rasa-url``. Standard library only.

The demo page is sent with a strict Content-Security-Policy (no inline script or
style), the kind a careful school site has, so the demo also proves the widget works
under one. Rasa itself must allow the page's origin: `make run` does (its default
CORS_ORIGINS is this page's origin); by hand, ``rasa run --cors http://localhost:8080``.
Methods other than GET and HEAD get 405; a path that cannot be a file gets 404.

The launcher and the tests start it in a thread::

    server = make_server(0, "http://127.0.0.1:5005")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base_url = f"http://127.0.0.1:{server.server_address[1]}"
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

WIDGET_DIR = Path(__file__).resolve().parent / "widget"
DEMO_PAGE = WIDGET_DIR / "demo" / "index.html"
DEMO_PATHS = {"/", "/index.html", "/demo", "/demo/", "/demo/index.html"}

_DATA_SERVER = re.compile(r'data-server="[^"]*"')


def normalize_rasa_url(rasa_url: str) -> str:
    """Check that ``rasa_url`` is an http(s) base URL and drop a trailing slash."""
    url = (rasa_url or "").strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an http(s) URL: {rasa_url!r}")
    return url


def render_demo_page(rasa_url: str) -> str:
    """The demo page with its widget script tag pointing at ``rasa_url``."""
    page = DEMO_PAGE.read_text(encoding="utf-8")
    attribute = f'data-server="{html.escape(normalize_rasa_url(rasa_url), quote=True)}"'
    return _DATA_SERVER.sub(lambda _match: attribute, page, count=1)


def content_security_policy(rasa_url: str) -> str:
    """A strict policy for the demo page that still lets the widget reach Rasa."""
    parts = urlsplit(normalize_rasa_url(rasa_url))
    rasa_origin = f"{parts.scheme}://{parts.netloc}"
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            f"connect-src 'self' {rasa_origin}",
            # Bot answers may carry images from anywhere on the web.
            "img-src 'self' data: https: http:",
            "object-src 'none'",
            "base-uri 'self'",
            "frame-ancestors 'self'",
        ]
    )


class DemoHandler(SimpleHTTPRequestHandler):
    """Serves ``bot/widget/`` read-only, with the demo page at ``/``."""

    rasa_url = "http://localhost:5005"
    quiet = True

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".html": "text/html; charset=utf-8",
        ".svg": "image/svg+xml",
        ".png": "image/png",
    }

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        path = urlsplit(self.path).path
        if path in DEMO_PATHS:
            self._send_demo_page(head_only=False)
            return
        super().do_GET()

    def do_HEAD(self) -> None:  # noqa: N802
        path = urlsplit(self.path).path
        if path in DEMO_PATHS:
            self._send_demo_page(head_only=True)
            return
        super().do_HEAD()

    def __getattr__(self, name: str):
        # http.server looks up do_<METHOD>: every method but GET and HEAD gets 405.
        if name.startswith("do_"):
            return self._method_not_allowed
        raise AttributeError(name)

    def _method_not_allowed(self) -> None:
        self.send_response(HTTPStatus.METHOD_NOT_ALLOWED)
        self.send_header("Allow", "GET, HEAD")
        self.send_header("Content-Length", "0")
        self.send_header("Connection", "close")
        self.close_connection = True  # the body of the refused request is not read
        self.end_headers()

    def send_head(self):
        try:
            return super().send_head()
        except (ValueError, UnicodeError):  # e.g. a NUL byte in the path: no such file
            self.send_error(HTTPStatus.NOT_FOUND, "Not found")
            return None

    def _send_demo_page(self, head_only: bool) -> None:
        body = render_demo_page(self.rasa_url).encode("utf-8")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", content_security_policy(self.rasa_url))
        self.send_header("Referrer-Policy", "no-referrer")
        self.end_headers()
        if not head_only:
            self.wfile.write(body)

    def list_directory(self, path):  # noqa: D401 - no directory listings
        self.send_error(HTTPStatus.NOT_FOUND, "Not found")
        return None

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        if not self.quiet:
            super().log_message(format, *args)


def make_server(
    port: int,
    rasa_url: str,
    host: str = "127.0.0.1",
    quiet: bool = True,
) -> ThreadingHTTPServer:
    """Build (but do not start) the demo server; ``port=0`` picks a free port.

    Call ``serve_forever()`` on the result (in a thread, if need be) and
    ``shutdown()`` + ``server_close()`` to stop it.
    """
    handler_class = type(
        "BoundDemoHandler",
        (DemoHandler,),
        {"rasa_url": normalize_rasa_url(rasa_url), "quiet": quiet},
    )
    handler = partial(handler_class, directory=str(WIDGET_DIR))
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def main(argv: Optional[list] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot.demo_site",
        description="Serve the Kansrijk Kiezen chat widget and its demo school page.",
    )
    parser.add_argument("--port", type=int, default=8080, help="port to listen on (default 8080)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument(
        "--rasa-url",
        default="http://localhost:5005",
        help="base URL of the Rasa server with the REST channel (default http://localhost:5005)",
    )
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)

    try:
        server = make_server(args.port, args.rasa_url, host=args.host, quiet=not args.verbose)
    except ValueError as error:
        parser.error(str(error))
    except OSError as error:
        print(f"demo_site: cannot listen on {args.host}:{args.port}: {error}", file=sys.stderr)
        return 1

    host, port = server.server_address[:2]
    print(f"Demo school page: http://{host}:{port}/  (widget talks to {normalize_rasa_url(args.rasa_url)})")
    print(
        "Rasa needs the project's REST channel (credentials.yml) and this page's origin in CORS:"
        f" rasa run --cors http://{host}:{port}  (Ctrl+C stops)"
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
