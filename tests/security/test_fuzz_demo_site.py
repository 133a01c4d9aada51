"""Fuzzing the demo school site (bot/demo_site.py) with raw requests: odd paths, methods,
headers and bodies never give a server error or a stack trace, nothing outside
bot/widget/ is served, and the server keeps answering."""

import re
import socket
import threading
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import FUZZ

from bot.demo_site import make_server

ALLOWED = {b"200", b"301", b"304", b"400", b"404", b"405", b"408", b"413", b"414", b"431", b"505"}
path_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=120)
methods = st.one_of(
    st.sampled_from(["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT"]),
    st.from_regex(r"[A-Za-z_-]{1,12}", fullmatch=True),
)


@pytest.fixture(scope="module")
def demo():
    server = make_server(0, "http://127.0.0.1:5005")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def exchange(port: int, request: bytes) -> bytes:
    """Send raw bytes, return everything the server answers until it closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        connection.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def status_of(answer: bytes) -> bytes:
    if answer.startswith(b"HTTP/"):
        return answer.split(b" ", 2)[1]
    # An HTTP/0.9 request (no version on the request line) gets only the error page.
    found = re.search(rb"Error code: (\d{3})", answer)
    assert found, answer[:200]
    return found.group(1)


def assert_no_server_error(answer: bytes, expect_answer: bool = True) -> None:
    """A status that is no server error, and no stack trace. Only to a request without
    a request line may the server close without a word (as http.server does)."""
    if expect_answer or answer:
        assert answer, "the connection was dropped without an answer (an exception in the handler)"
        assert status_of(answer) in ALLOWED, answer[:200]
    assert b"Traceback" not in answer and b'File "/' not in answer


def assert_still_serving(port: int) -> None:
    assert exchange(port, b"GET /kansrijk-widget.css HTTP/1.0\r\n\r\n").startswith(b"HTTP/1.0 200")


@FUZZ
@given(path=path_text, method=methods, encode=st.booleans())
def test_any_path_and_method(demo, path, method, encode):
    target = "/" + (quote(path, safe="/%") if encode else path.encode("utf-8", "replace").decode("latin-1"))
    target = target.replace("\r", "").replace("\n", "").replace(" ", "%20")
    answer = exchange(demo, f"{method} {target} HTTP/1.0\r\n\r\n".encode("latin-1", "replace"))
    assert_no_server_error(answer)
    if answer.startswith(b"HTTP/1.0 200"):
        assert method in ("GET", "HEAD")
        assert b"demo_site" not in answer and b"import " not in answer  # no Python source


@FUZZ
@given(raw=st.binary(max_size=600))
def test_any_bytes(demo, raw):
    # http.server says nothing to a blank request line (blank as str.split() sees it).
    request_line = raw.split(b"\n", 1)[0].decode("iso-8859-1")
    assert_no_server_error(exchange(demo, raw), expect_answer=bool(request_line.split()))


@FUZZ
@given(
    headers=st.lists(st.binary(max_size=200).map(lambda b: b.translate(None, b"\r\n")), max_size=8),
    body=st.binary(max_size=2000),
)
def test_odd_headers_and_bodies(demo, headers, body):
    head = b"POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + b"".join(h + b"\r\n" for h in headers)
    answer = exchange(demo, head + b"\r\n" + body)
    assert_no_server_error(answer)


@pytest.mark.parametrize(
    "request_line",
    [
        b"GET /%00 HTTP/1.0",
        b"GET /\x00 HTTP/1.0",
        b"GET /demo/%2e%2e/%2e%2e/demo_site.py HTTP/1.0",
        b"GET //etc/passwd HTTP/1.0",
        b"GET /" + b"a" * 70_000 + b" HTTP/1.0",
        b"GET / HTTP/9.9",
        b"BREW / HTTP/1.0",
        b"POST / HTTP/1.0\r\nContent-Length: 999999999",
    ],
)
def test_known_troublemakers(demo, request_line):
    answer = exchange(demo, request_line + b"\r\n\r\n")
    assert_no_server_error(answer)
    assert b"root:" not in answer and b"def make_server" not in answer
    assert_still_serving(demo)


def test_other_methods_get_405_with_allow(demo):
    for method in (b"POST", b"PUT", b"DELETE", b"OPTIONS", b"BREW"):
        answer = exchange(demo, method + b" / HTTP/1.0\r\nContent-Length: 5\r\n\r\nhello")
        assert answer.startswith(b"HTTP/1.0 405"), answer[:80]
        assert b"Allow: GET, HEAD" in answer
