"""Command line: `python -m occupations build` builds the database; `find`, `pay` try it out."""

import argparse
import sys
from pathlib import Path

from occupations import config
from occupations.errors import SourceError


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m occupations", description="The labour-market table.")
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="build the database from occupations/sources")
    build_parser.add_argument("--database-url", help="overrides DATABASE_URL")
    build_parser.add_argument("--sources", type=Path, default=config.SOURCES_DIR, help="folder of source files")
    build_parser.add_argument(
        "--lookup-table",
        type=Path,
        default=config.LOOKUP_TABLE_PATH,
        help="where to write the NLU lookup table of occupation names",
    )
    find_parser = commands.add_parser("find", help="resolve an occupation as a pupil would type it")
    find_parser.add_argument("text")
    args = parser.parse_args(argv)

    if args.command == "build":
        from occupations.build import build

        try:
            build(args.database_url, args.sources, args.lookup_table)
        except SourceError as error:
            print(f"build failed: {error}", file=sys.stderr)
            return 1
        return 0
    from occupations.repository import Repository

    result = Repository.open().find(args.text)
    for match in result.matches:
        print(f"{match.score:5.1f}  {match.method:10}  {match.name}  (via '{match.label}')")
    if not result.matches:
        print("no match")
    return 0


if __name__ == "__main__":
    sys.exit(main())
