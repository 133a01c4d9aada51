"""Errors of the data build that point at the file, row and column to fix."""

from typing import Optional


class SourceError(Exception):
    def __init__(self, file: str, message: str, row: Optional[int] = None, column: Optional[str] = None):
        self.file, self.row, self.column, self.message = file, row, column, message
        where = file
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column '{column}'"
        super().__init__(f"{where}: {message}")
