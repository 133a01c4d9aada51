"""bot.demo_site: the tiny static server for the widget and its demo page (no browser)."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request

import pytest

from bot import demo_site
from bot.demo_site import make_server


@pytest.fixture
def demo():
    server = make_server(0, "http://127.0.0.1:5005/")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def get(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.headers, response.read().decode("utf-8")


def test_demo_page_points_at_the_given_rasa(demo):
    status, headers, body = get(demo + "/")
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert 'data-server="http://127.0.0.1:5005"' in body
    assert body.count("<script") == 1
    assert "Vmbo De Haven" in body
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "connect-src 'self' http://127.0.0.1:5005" in csp
    # The same page is at /demo/ too.
    assert get(demo + "/demo/")[2] == body


def test_widget_files_are_served(demo):
    status, headers, body = get(demo + "/kansrijk-widget.js")
    assert status == 200
    assert "javascript" in headers["Content-Type"]
    assert "webhooks/rest/webhook" in body
    assert headers["X-Content-Type-Options"] == "nosniff"
    status, headers, _ = get(demo + "/kansrijk-widget.css")
    assert status == 200 and headers["Content-Type"].startswith("text/css")
    status, headers, _ = get(demo + "/demo/demo.css")
    assert status == 200


@pytest.mark.parametrize("path", ["/demo/x/", "/nope.js", "/../demo_site.py", "/%2e%2e/demo_site.py"])
def test_no_listings_and_nothing_outside_the_widget_folder(demo, path):
    with pytest.raises(urllib.error.HTTPError) as caught:
        get(demo + path)
    assert caught.value.code == 404


def test_rasa_url_is_escaped_and_checked():
    page = demo_site.render_demo_page('http://example.org/"><script>alert(1)</script>')
    assert "<script>alert(1)" not in page
    assert "&quot;&gt;&lt;script&gt;" in page
    for bad in ("javascript:alert(1)", "ftp://x", "localhost:5005", ""):
        with pytest.raises(ValueError):
            make_server(0, bad)


def test_main_rejects_a_bad_url(capsys):
    with pytest.raises(SystemExit):
        demo_site.main(["--port", "0", "--rasa-url", "nope"])
    assert "not an http(s) URL" in capsys.readouterr().err


def test_widget_source_never_writes_html():
    """The safety rule, checked on the source: no HTML sinks at all."""
    source = (demo_site.WIDGET_DIR / "kansrijk-widget.js").read_text(encoding="utf-8")
    code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("*", "/*", "//")))
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in code, sink
    assert "localStorage" not in code
    assert "document.cookie" not in code


def test_listens_on_this_machine_only_and_answers_get_and_head_only(demo):
    server = make_server(0, "http://127.0.0.1:5005")
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()
    for method in ("POST", "PUT", "DELETE", "OPTIONS"):
        request = urllib.request.Request(demo + "/", data=b"x" if method != "OPTIONS" else None, method=method)
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(request, timeout=5)
        assert caught.value.code == 405 and caught.value.headers["Allow"] == "GET, HEAD"
