"""Rasa's own checks on the training data, the test stories and the held-out NLU set.

These need the trained model (`make test` trains it once before pytest runs) and the occupations
database: the OccupationMatcher in the pipeline reads it (DATABASE_URL, passed to the subprocess).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from occupations.config import PROJECT_ROOT

RASA = str(Path(sys.executable).parent / "rasa")
INTENT_MACRO_F1_MIN = 0.90  # the goal of issue 5; measured 0.940 on all 839, 0.902 on the blind part 3
ENTITY_F1_MIN = 0.90  # the occupation matcher; measured 0.940 with DIET before it, see docs/nlu-pipelines.md


def rasa(*args: str, database_url: str = "", timeout: int = 900) -> subprocess.CompletedProcess:
    """Run Rasa's command line; the occupation matcher in the model reads `database_url`."""
    env = dict(os.environ, DATABASE_URL=database_url) if database_url else None
    return subprocess.run([RASA, *args], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=timeout, env=env)


def test_training_data_is_valid():
    result = rasa("data", "validate")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    problems = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if "UserWarning" in line and "is not used in any story" not in line
    ]
    assert not problems, "\n".join(problems)


def test_stories_predict_every_step(trained_model, database_url, tmp_path):
    result = rasa(
        "test",
        "core",
        "--model",
        str(trained_model),
        "--stories",
        "tests/stories",
        "--fail-on-prediction-errors",
        "--out",
        str(tmp_path),
        database_url=database_url,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


@pytest.fixture(scope="module")
def holdout_report(trained_model, database_url, tmp_path_factory):
    out = tmp_path_factory.mktemp("nlu")
    result = rasa(
        "test",
        "nlu",
        "--model",
        str(trained_model),
        "--nlu",
        "tests/nlu/holdout",
        "--out",
        str(out),
        database_url=database_url,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def test_holdout_intent_macro_f1(holdout_report):
    report = json.loads((holdout_report / "intent_report.json").read_text())
    f1 = report["macro avg"]["f1-score"]
    print(f"held-out intent macro-F1: {f1:.3f}")
    assert f1 >= INTENT_MACRO_F1_MIN


def test_holdout_entity_f1(holdout_report):
    report = json.loads((holdout_report / "OccupationMatcher_report.json").read_text())
    f1 = report["beroep"]["f1-score"]
    print(f"held-out entity F1 (beroep): {f1:.3f}")
    assert f1 >= ENTITY_F1_MIN
