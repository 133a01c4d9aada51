"""bot/classroom draws with matplotlib's object API and reads occupations.*: no Rasa, no pyplot, so the
action server and scripts can use it and drawing keeps no global figure state."""

import subprocess
import sys

from occupations.config import PROJECT_ROOT

CHECK = """
import sys
import bot.classroom.chart, bot.classroom.lesson_sheet, bot.classroom.links
banned = sorted(m for m in sys.modules if m.split(".")[0] in ("rasa", "rasa_sdk", "sanic") or m == "matplotlib.pyplot")
print(",".join(banned))
"""


def test_bot_classroom_imports_neither_rasa_nor_pyplot():
    result = subprocess.run(
        [sys.executable, "-c", CHECK], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == ""
