"""DATABASE_URL selects PostgreSQL: the same build and the same answers as with SQLite.

`make test` starts a throwaway server with scripts/start_postgres.sh; set
TEST_POSTGRES_URL to use another one.
"""
import os

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from occupations import query
from occupations.build import build
from occupations.catalog import Catalog
from sqlalchemy.orm import Session

URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:55432/postgres")


@pytest.fixture(scope="module")
def postgres_url():
    engine = create_engine(URL)
    try:
        with engine.connect() as connection:
            connection.execute(text("select 1"))
    except OperationalError as error:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable at {URL}: {error}")
        pytest.skip(f"PostgreSQL is not reachable at {URL} (run scripts/start_postgres.sh)")
    finally:
        engine.dispose()
    return URL


def test_build_into_postgresql_gives_the_same_answers(postgres_url, catalog):
    counts = build(postgres_url, lookup_path=None, progress=lambda message: None)
    assert counts["occupations"] == 3039
    engine = create_engine(postgres_url)
    with Session(engine) as session:
        pg_catalog = Catalog(session)
    engine.dispose()
    lasser_pg = query.find("lasster", pg_catalog).best
    lasser_sqlite = query.find("lasster", catalog).best
    assert lasser_pg.occupation_id == lasser_sqlite.occupation_id
    assert query.pay(lasser_pg.occupation_id, pg_catalog) == query.pay(lasser_sqlite.occupation_id, catalog)
