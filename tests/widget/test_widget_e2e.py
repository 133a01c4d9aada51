"""End to end: the real widget in Chromium against a real running Rasa server.

Uses the session fixture ``running_assistant`` from tests/conftest.py (it yields the
base URL of a running Rasa server with the REST channel and CORS allowed); that
fixture fails when the trained model is missing.
"""

from __future__ import annotations

import pytest


@pytest.mark.e2e
def test_real_assistant_answers_salary_question(widget_browser, running_assistant, serve_demo):
    # pytest sets fixtures up in argument order: the cheap browser check comes first,
    # so a missing browser is reported before the real assistant is started.
    from playwright.sync_api import expect

    context = widget_browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    try:
        page = context.new_page()
        with serve_demo(running_assistant.rstrip("/")) as demo_url:
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
