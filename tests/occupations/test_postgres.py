"""DATABASE_URL selects PostgreSQL: the same build and the same answers as with SQLite.

`make test` (and so .ci/run) starts a throwaway server with scripts/start_postgres.sh;
set TEST_POSTGRES_URL to use another one. PostgreSQL is expected: the test fails when
it is not reachable, unless KANSRIJK_SKIP_POSTGRES=1 is set (then it is skipped), e.g.
when running tests by hand on a machine without PostgreSQL.
"""

import os

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from occupations.build import build
from occupations.repository import Repository

URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:55432/postgres")
SKIP_ENV = "KANSRIJK_SKIP_POSTGRES"  # "1": an unreachable server skips instead of failing


@pytest.fixture(scope="module")
def postgres_url():
    engine = create_engine(URL)
    try:
        with engine.connect() as connection:
            connection.execute(text("select 1"))
    except OperationalError as error:
        if os.environ.get(SKIP_ENV) == "1":
            pytest.skip(f"PostgreSQL is not reachable at {URL} ({SKIP_ENV}=1)")
        pytest.fail(
            f"PostgreSQL is not reachable at {URL} (run scripts/start_postgres.sh, "
            f"or set {SKIP_ENV}=1 to skip): {error}"
        )
    finally:
        engine.dispose()
    return URL


def test_build_into_postgresql_gives_the_same_answers(postgres_url, repository):
    counts = build(postgres_url, lookup_path=None, progress=lambda message: None)
    assert counts["occupations"] == 3039
    postgres = Repository.open(postgres_url)
    lasser_pg = postgres.find("lasster").best
    lasser_sqlite = repository.find("lasster").best
    assert lasser_pg.occupation_id == lasser_sqlite.occupation_id
    lasser = repository.occupation(lasser_sqlite.occupation_id)
    assert postgres.pay(postgres.occupation(lasser_pg.occupation_id)) == repository.pay(lasser)
    assert postgres.profile(lasser) == repository.profile(lasser), "curated rows survive PostgreSQL too"
