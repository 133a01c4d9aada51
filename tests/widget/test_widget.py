"""The school-site widget, driven in real headless Chromium against a fake Rasa.

Screenshots go to tests/artifacts/ (widget-desktop.png, widget-320.png, ...).
"""

from __future__ import annotations

import os
import re
import socket
import time
from pathlib import Path

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # pragma: no cover - depends on the machine
    if os.environ.get("KANSRIJK_WIDGET_REQUIRE_BROWSER") == "1":
        raise
    pytest.skip(
        "the playwright package is not installed (make venv)",
        allow_module_level=True,
    )

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
QUESTION = "hoeveel verdient een lasser?"
XSS = "<img src=x onerror=alert(1)>"
SHADOW = "document.querySelector('kansrijk-widget').shadowRoot"


# --------------------------------------------------------------------------- helpers


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), animations="disabled")
    return path


def launcher(page):
    return page.get_by_role("button", name="Stel je vraag")


def chat_input(page):
    return page.get_by_role("textbox", name="Typ je vraag")


def bot_messages(page):
    return page.locator(".kk-msg-bot")


def open_chat(page, base_url: str):
    page.goto(base_url + "/")
    launcher(page).click()
    expect(chat_input(page)).to_be_focused()


def ask(page, text: str) -> None:
    chat_input(page).fill(text)
    chat_input(page).press("Enter")


def active(page) -> dict:
    """The focused element inside the widget's shadow root."""
    return page.evaluate(
        f"""() => {{
            const a = {SHADOW}.activeElement;
            return a ? {{tag: a.tagName, id: a.id, cls: a.className, text: a.textContent}} : null;
        }}"""
    )


def wait_for(predicate, timeout: float = 5.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    return predicate()


def _rgb(css: str):
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)[:3]]
    return numbers


def _luminance(rgb):
    def channel(v):
        v = v / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(css_a: str, css_b: str) -> float:
    la, lb = sorted((_luminance(_rgb(css_a)), _luminance(_rgb(css_b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def colours(page, selector: str) -> dict:
    return page.evaluate(
        f"""(sel) => {{
            const el = {SHADOW}.querySelector(sel);
            const s = getComputedStyle(el);
            return {{color: s.color, background: s.backgroundColor, border: s.borderTopColor}};
        }}""",
        selector,
    )


def custom_page(school_site, demo_url: str, rasa_url: str, **data) -> str:
    """A page on another origin (the school's site) embedding the widget from the demo
    server, with the given data-* attributes. Returns its URL."""
    attrs = " ".join(f'data-{k}="{v}"' for k, v in data.items())
    html = (
        "<!doctype html><html lang='nl'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<link rel='icon' href='data:,'>"
        "<title>Testpagina</title></head><body><h1>Testpagina</h1><a href='#'>Link</a>"
        f"<script src='{demo_url}/kansrijk-widget.js' data-server='{rasa_url}' {attrs} defer></script>"
        "</body></html>"
    )
    return school_site.add("/test-page.html", html)


# --------------------------------------------------------------------------- tests


def test_question_gets_answer_with_euro_figure(widget_page, demo_url, fake_rasa):
    page = widget_page
    open_chat(page, demo_url)

    # The first open sends /greet (not shown as a user message) and shows the bot's greeting.
    expect(bot_messages(page).first).to_contain_text("Hoi! Ik ben de chatbot")
    assert fake_rasa.messages() == ["/greet"]
    expect(page.locator(".kk-msg-user")).to_have_count(0)

    ask(page, QUESTION)
    expect(page.locator(".kk-msg-user").last).to_contain_text(QUESTION)
    answer = bot_messages(page).filter(has_text="€ 23,00")
    expect(answer).to_have_count(1)
    assert fake_rasa.messages() == ["/greet", QUESTION]

    # Line break kept, URL turned into a safe link (trailing full stop not part of it).
    text = answer.locator(".kk-text").inner_text()
    assert "per uur.\nBron: CBS" in text
    link = answer.locator("a")
    expect(link).to_have_attribute("href", "https://www.kiesmbo.nl/beroepen/lasser")
    expect(link).to_have_attribute("target", "_blank")
    assert "noopener" in link.get_attribute("rel").split()

    # The image arrives as a real <img> with alt text, and loads.
    image = page.locator("img.kk-image")
    expect(image).to_have_count(1)
    assert image.get_attribute("alt")
    assert wait_for(lambda: image.evaluate("img => img.complete && img.naturalWidth > 0"))

    expect(page.get_by_role("button", name="Kans op werk")).to_be_visible()
    expect(page.get_by_role("status")).to_be_hidden()  # typing indicator gone

    # The demo page runs under a strict CSP: nothing may have been blocked or thrown.
    assert page.probe.console_errors == []
    assert page.probe.page_errors == []
    screenshot(page, "widget-desktop.png")


def test_quick_reply_sends_its_payload(widget_page, demo_url, fake_rasa):
    page = widget_page
    open_chat(page, demo_url)

    parent = page.get_by_role("button", name="Ik ben ouder")
    expect(parent).to_be_visible()
    assert parent.evaluate("b => b.tagName") == "BUTTON"
    # The school's theme styles every <button> pink; the shadow root keeps it out.
    assert colours(page, ".kk-reply")["background"] == "rgb(255, 255, 255)"

    parent.click()
    expect(page.locator(".kk-msg-user").last).to_have_text(re.compile(r"Ik ben ouder$"))
    expect(bot_messages(page).last).to_contain_text("Fijn dat u er bent")
    assert fake_rasa.messages() == ["/greet", '/inform_audience{"doelgroep":"ouder"}']
    assert page.probe.console_errors == []


def test_keyboard_only(widget_page, demo_url, fake_rasa):
    page = widget_page
    page.goto(demo_url + "/")

    # Tab until the launcher has focus (skip link, menu and page links come first).
    for _ in range(30):
        page.keyboard.press("Tab")
        focused = active(page)
        if focused and "kk-launcher" in focused["cls"]:
            break
    else:
        pytest.fail("Tab never reached the chat launcher")

    button = launcher(page)
    expect(button).to_have_attribute("aria-expanded", "false")
    outline = button.evaluate("b => { const s = getComputedStyle(b); return [s.outlineStyle, s.outlineWidth]; }")
    assert outline == ["solid", "3px"], "the launcher needs a visible focus style"

    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(chat_input(page)).to_be_focused()
    expect(bot_messages(page).first).to_contain_text("Wie ben jij?")

    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    expect(bot_messages(page).filter(has_text="€ 23,00")).to_have_count(1)
    expect(page.get_by_role("button", name="Hoe word ik lasser?")).to_be_visible()
    expect(chat_input(page)).to_be_focused()

    # The latest suggestions sit right before the input: Shift+Tab reaches them.
    for _ in range(5):
        page.keyboard.press("Shift+Tab")
        focused = active(page)
        if focused and "kk-reply" in focused["cls"]:
            break
    else:
        pytest.fail("Shift+Tab from the input never reached a quick reply")
    assert focused["text"] == "Hoe word ik lasser?"
    screenshot(page, "widget-keyboard.png")

    page.keyboard.press("Enter")
    expect(bot_messages(page).last).to_contain_text("mbo-opleiding op niveau 2 of 3")
    assert fake_rasa.messages()[-1] == "/ask_route"

    # Escape closes the panel and puts focus back on the launcher.
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()

    # Re-opening keeps the conversation and does not greet again.
    page.keyboard.press("Enter")
    expect(chat_input(page)).to_be_focused()
    assert fake_rasa.messages().count("/greet") == 1
    expect(bot_messages(page).filter(has_text="€ 23,00")).to_have_count(1)


def test_html_in_messages_is_shown_as_text(widget_page, demo_url, fake_rasa):
    page = widget_page
    open_chat(page, demo_url)
    expect(bot_messages(page).first).to_contain_text("Wie ben jij?")

    ask(page, XSS)
    # The fake bot echoes the text back, so both the user's and the bot's copy are checked.
    echo = bot_messages(page).filter(has_text="Je schreef:")
    expect(echo).to_have_count(1)
    expect(page.locator(".kk-msg-user .kk-bubble").last).to_have_text("Jij: " + XSS)
    expect(echo.locator(".kk-text")).to_have_text("Je schreef: " + XSS)
    assert fake_rasa.messages()[-1] == XSS

    page.wait_for_timeout(500)  # give a (wrongly) created <img> time to fail and fire onerror
    assert page.probe.dialogs == []
    assert page.evaluate(f"() => {SHADOW}.querySelectorAll('img').length") == 0
    assert page.evaluate("() => document.querySelectorAll('img').length") == 0
    assert page.probe.page_errors == []


def test_works_at_320px_without_horizontal_scroll(new_page, demo_url, fake_rasa):
    page = new_page(320, 640)
    open_chat(page, demo_url)
    expect(bot_messages(page).first).to_contain_text("Wie ben jij?")
    ask(page, QUESTION)
    expect(page.get_by_role("button", name="Hoe word ik lasser?")).to_be_visible()
    ask(page, "https://www.kiesmbo.nl/een/heel/erg/lange/link/zonder/spaties/die/niet/mag/uitsteken")
    expect(bot_messages(page).filter(has_text="Je schreef:")).to_have_count(1)
    image = page.locator("img.kk-image")
    assert wait_for(lambda: image.evaluate("img => img.complete && img.naturalWidth > 0"))

    sizes = page.evaluate(
        f"""() => {{
            const root = {SHADOW};
            const box = (el) => {{ const r = el.getBoundingClientRect(); return [r.left, r.right]; }};
            const log = root.querySelector('.kk-log');
            return {{
                inner: window.innerWidth,
                doc: document.documentElement.scrollWidth,
                body: document.body.scrollWidth,
                panel: box(root.querySelector('.kk-panel')),
                launcher: box(root.querySelector('.kk-launcher')),
                form: box(root.querySelector('.kk-form')),
                send: box(root.querySelector('.kk-send')),
                log: [log.scrollWidth, log.clientWidth],
            }};
        }}"""
    )
    assert sizes["inner"] == 320
    assert sizes["doc"] <= 320 and sizes["body"] <= 320, sizes
    for part in ("panel", "launcher", "form", "send"):
        left, right = sizes[part]
        assert left >= 0 and right <= 320, (part, sizes)
    assert sizes["log"][0] <= sizes["log"][1], "the message list scrolls sideways"
    screenshot(page, "widget-320.png")


def test_storage_session_id_only(new_page, demo_url, fake_rasa):
    page = new_page()
    open_chat(page, demo_url)
    ask(page, QUESTION)
    expect(bot_messages(page).filter(has_text="€ 23,00")).to_have_count(1)

    storage = page.evaluate(
        """() => ({
            session: Object.fromEntries(Object.entries(sessionStorage)),
            local: localStorage.length,
            cookie: document.cookie,
        })"""
    )
    assert list(storage["session"]) == ["kansrijk-widget-sender"]
    sender = storage["session"]["kansrijk-widget-sender"]
    assert re.fullmatch(r"[0-9a-f]{32}", sender)
    assert storage["local"] == 0
    assert storage["cookie"] == ""
    assert set(fake_rasa.senders()) == {sender}

    # A reload in the same tab keeps the conversation id...
    page.reload()
    launcher(page).click()
    expect(bot_messages(page).first).to_contain_text("Wie ben jij?")
    assert set(fake_rasa.senders()) == {sender}

    # ...a new tab/session gets a fresh one.
    other = new_page()
    open_chat(other, demo_url)
    expect(bot_messages(other).first).to_contain_text("Wie ben jij?")
    other_sender = other.evaluate("() => sessionStorage.getItem('kansrijk-widget-sender')")
    assert other_sender and other_sender != sender
    assert other.evaluate("() => localStorage.length") == 0


def test_server_error_shows_dutch_message_and_keeps_text(widget_page, demo_url, fake_rasa):
    page = widget_page
    fake_rasa.mode = "error"
    open_chat(page, demo_url)

    # The greeting fails too: a friendly message, no talk of the input field.
    first_error = page.locator(".kk-msg-error").first
    expect(first_error).to_contain_text("Sorry, er ging iets mis bij de chatbot (foutcode 500)")
    assert "invoerveld" not in first_error.inner_text()

    ask(page, QUESTION)
    error = page.locator(".kk-msg-error").nth(1)
    expect(error).to_contain_text("foutcode 500")
    expect(error).to_contain_text("Je bericht staat nog in het invoerveld")
    expect(chat_input(page)).to_have_value(QUESTION)
    expect(page.locator(".kk-msg-user").last).to_contain_text("Niet verstuurd")
    screenshot(page, "widget-error.png")

    # The server is back: Enter in the input sends the kept text.
    fake_rasa.mode = "ok"
    chat_input(page).press("Enter")
    expect(bot_messages(page).filter(has_text="€ 23,00")).to_have_count(1)
    expect(chat_input(page)).to_have_value("")


def test_server_down_shows_dutch_message_and_keeps_text(widget_page, serve_demo):
    page = widget_page
    # A port nobody listens on: bind one, note it, close it.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead_port = sock.getsockname()[1]
    with serve_demo(f"http://127.0.0.1:{dead_port}") as url:
        open_chat(page, url)
        expect(page.locator(".kk-msg-error").first).to_contain_text("kan de chatbot nu niet bereiken")
        ask(page, QUESTION)
        error = page.locator(".kk-msg-error").nth(1)
        expect(error).to_contain_text("Sorry, ik kan de chatbot nu niet bereiken")
        expect(error).to_contain_text("Je bericht staat nog in het invoerveld")
        expect(chat_input(page)).to_have_value(QUESTION)
        assert page.probe.page_errors == []


def test_typing_indicator_while_waiting(widget_page, demo_url, fake_rasa):
    page = widget_page
    open_chat(page, demo_url)
    expect(bot_messages(page).first).to_contain_text("Wie ben jij?")
    fake_rasa.delay = 1.5
    ask(page, QUESTION)
    status = page.get_by_role("status")
    expect(status).to_be_visible()
    expect(status).to_contain_text("aan het typen")
    expect(page.get_by_role("log")).to_have_attribute("aria-busy", "true")
    expect(bot_messages(page).filter(has_text="€ 23,00")).to_have_count(1)
    expect(status).to_be_hidden()
    expect(page.get_by_role("log")).to_have_attribute("aria-busy", "false")


def test_accessible_structure(widget_page, demo_url, fake_rasa):
    page = widget_page
    open_chat(page, demo_url)
    log = page.get_by_role("log")
    expect(log).to_have_attribute("aria-live", "polite")
    expect(log).to_have_accessible_name("Gesprek met de chatbot")
    expect(page.get_by_role("dialog")).to_have_accessible_name("Kansrijk Kiezen")
    expect(page.get_by_role("button", name="Verstuur")).to_be_visible()
    expect(page.get_by_role("button", name="Chat sluiten")).to_be_visible()
    expect(launcher(page)).to_have_attribute("aria-controls", "kk-panel")
    assert page.evaluate(f"() => {SHADOW}.querySelector('.kk-root').lang") == "nl"
    expect(page.get_by_role("group", name="Kies een antwoord")).to_be_visible()

    # The close button closes; the page's own "Open de chat" link (data-kansrijk-open) opens.
    page.get_by_role("button", name="Chat sluiten").click()
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(launcher(page)).to_be_focused()
    page.get_by_role("link", name="Open de chat").click()
    expect(page.get_by_role("dialog")).to_be_visible()
    expect(chat_input(page)).to_be_focused()


@pytest.mark.parametrize(
    "school_colour",
    ["#0b5cad", "#ffd200", "#7fbf3f", "#e0e0e0", "#000000", "red;}</script><b>"],
)
def test_colours_meet_wcag_aa(widget_page, demo_url, fake_rasa, school_site, school_colour):
    page = widget_page
    page.goto(custom_page(school_site, demo_url, fake_rasa.url, color=school_colour, school="Test"))
    launcher(page).click()
    expect(page.get_by_role("button", name="Ik ben ouder")).to_be_visible()
    ask(page, QUESTION)
    expect(page.locator("a.kk-link")).to_have_count(1)

    checks = {
        "header": colours(page, ".kk-header"),
        "launcher": colours(page, ".kk-launcher"),
        "send": colours(page, ".kk-send"),
        "user": colours(page, ".kk-msg-user .kk-bubble"),
        "bot": colours(page, ".kk-msg-bot .kk-bubble"),
        "reply": colours(page, ".kk-reply"),
        "notice": colours(page, ".kk-notice"),
    }
    link = colours(page, "a.kk-link")["color"]
    for name, c in checks.items():
        assert contrast(c["color"], c["background"]) >= 4.5, (name, school_colour, c)
    assert contrast(link, checks["bot"]["background"]) >= 4.5, (school_colour, link)
    assert contrast(checks["reply"]["border"], "rgb(255, 255, 255)") >= 3, school_colour
    # The shown title of the widget carries no markup from the attribute.
    assert page.evaluate(f"() => {SHADOW}.querySelectorAll('b, script').length") == 0


def test_local_welcome_when_greet_is_off(widget_page, demo_url, fake_rasa, school_site):
    page = widget_page
    page.goto(custom_page(school_site, demo_url, fake_rasa.url, greet=""))
    launcher(page).click()
    expect(bot_messages(page).first).to_contain_text("Hoi! Ik ben de chatbot van Kansrijk Kiezen")
    page.wait_for_timeout(300)
    assert fake_rasa.messages() == []
    ask(page, QUESTION)
    expect(bot_messages(page).filter(has_text="€ 23,00")).to_have_count(1)
    assert fake_rasa.messages() == [QUESTION]


def test_data_open_opens_without_stealing_focus(widget_page, demo_url, fake_rasa, school_site):
    page = widget_page
    page.goto(custom_page(school_site, demo_url, fake_rasa.url, open="true", position="left"))
    expect(page.get_by_role("dialog")).to_be_visible()
    expect(launcher(page)).to_have_attribute("aria-expanded", "true")
    expect(bot_messages(page).first).to_contain_text("Wie ben jij?")
    assert fake_rasa.messages() == ["/greet"]
    assert page.evaluate("() => document.activeElement === document.body")
    box = page.get_by_role("dialog").bounding_box()
    assert box["x"] < 100  # data-position="left"
    chat_input(page).click()
    ask(page, QUESTION)
    expect(bot_messages(page).filter(has_text="€ 23,00")).to_have_count(1)


def test_comparison_chart_is_an_image_with_alt_text_and_caption(widget_page, demo_url, fake_rasa):
    """custom: {chart: {url, alt, caption}} (the classroom chart) shows inline after the table."""
    page = widget_page
    open_chat(page, demo_url)
    ask(page, "vergelijk elektricien en kapper")
    chart = page.locator("figure.kk-chart")
    expect(chart).to_have_count(1)
    image = chart.locator("img")
    expect(image).to_have_attribute("alt", fake_rasa.chart_alt)
    expect(chart.locator("figcaption")).to_have_text(fake_rasa.chart_caption)
    assert wait_for(lambda: image.evaluate("img => img.complete && img.naturalWidth > 0"))
    assert image.evaluate("img => getComputedStyle(img).maxWidth") == "100%"
    large = bot_messages(page).last.get_by_role("link", name="Bekijk de grafiek groot")
    expect(large).to_have_attribute("href", f"{fake_rasa.url}/grafiek.png")
    expect(large).to_have_attribute("target", "_blank")
    # The table comes first, the chart right under it, both from the bot.
    texts = [text.replace("\u00a0", " ") for text in bot_messages(page).all_inner_texts()]
    assert "Elektricien: € 21,00" in texts[-2] and "Kapper" in texts[-2]
    assert fake_rasa.chart_caption in texts[-1]
    assert page.probe.console_errors == []
    assert page.probe.page_errors == []
    screenshot(page, "widget-chart.png")
