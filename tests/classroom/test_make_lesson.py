"""`make lesson BEROEPEN=...` (scripts/make_lesson.py): a PDF for good names, exit code 2 and a Dutch
sentence, never a traceback, for names it cannot use."""

import os
import subprocess
import sys

import pytest

from occupations.config import PROJECT_ROOT


def make_lesson(database_url, tmp_path, *args):
    env = dict(os.environ, DATABASE_URL=database_url, CHART_CACHE_DIR=str(tmp_path / "charts"))
    return subprocess.run(
        [sys.executable, "-m", "scripts.make_lesson", *args, "--map", str(tmp_path / "lessen")],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_good_names_give_a_pdf_and_its_path(database_url, tmp_path):
    result = make_lesson(database_url, tmp_path, "elektricien, kapper,lasser")
    assert result.returncode == 0, result.stderr
    path = tmp_path / "lessen" / "elektricien-kapper-lasser.pdf"
    assert result.stdout.strip() == str(path)
    assert path.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    "names, says",
    [
        ("elektricien,xyzzyqq", "ken ik niet"),
        ("monteur,kapper", "kan meerdere beroepen zijn"),
        ("kapper", "noem 2 tot 4 beroepen"),
        ("kapper,lasser,elektricien,verkoper,timmerman", "noem 2 tot 4 beroepen"),
        ("", "noem 2 tot 4 beroepen"),
        ("lasser,lasster", "hetzelfde beroep"),
    ],
)
def test_names_it_cannot_use_give_exit_code_2(database_url, tmp_path, names, says):
    result = make_lesson(database_url, tmp_path, names)
    assert result.returncode == 2
    assert says in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "lessen").exists() or not any((tmp_path / "lessen").iterdir())
