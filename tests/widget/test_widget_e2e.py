"""End to end: the real widget in Chromium against a real running Rasa server.

Needs the session fixture ``running_assistant`` from tests/conftest.py (it yields the
base URL of a running Rasa server with the REST channel and CORS allowed). Skipped
while that fixture is not defined.
"""

from __future__ import annotations

import pytest


@pytest.mark.e2e
def test_real_assistant_answers_salary_question(request, serve_demo):
    # Cheap checks first: the browser, then the (expensive) real assistant.
    browser = request.getfixturevalue("widget_browser")
    try:
        rasa_url = request.getfixturevalue("running_assistant")
    except pytest.FixtureLookupError:
        pytest.skip("fixture 'running_assistant' is not defined (tests/conftest.py)")

    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    try:
        page = context.new_page()
        with serve_demo(str(rasa_url).rstrip("/")) as demo_url:
            page.goto(demo_url + "/")
            page.get_by_role("button", name="Stel je vraag").click()
            box = page.get_by_role("textbox", name="Typ je vraag")
            expect(box).to_be_focused()
            box.fill("hoeveel verdient een lasser?")
            box.press("Enter")
            answer = page.locator(".kk-msg-bot").filter(has_text="€")
            expect(answer.first).to_be_visible(timeout=30_000)
            page.screenshot(path=str(_artifact("widget-e2e.png")), animations="disabled")
    finally:
        context.close()


def _artifact(name: str):
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "artifacts"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name
