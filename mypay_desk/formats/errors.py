"""The errors readers raise for a file they cannot read at all: they say where and what to fix."""

from __future__ import annotations

from datetime import date

from mypay_desk.domain.excerpt import excerpt


class FileReadError(ValueError):
    """Names the file and, when known, the row and the column."""

    def __init__(self, message: str, *, file: str = "", row: int | None = None, column: str = ""):
        super().__init__(message)
        self.message = message
        self.file = file
        self.row = row
        self.column = column

    def __str__(self) -> str:
        where = [w for w in (self.file and f"file {self.file}", self.row is not None and f"riga {self.row}",
                             self.column and f"colonna {self.column}") if w]
        return f"{', '.join(where)}: {self.message}" if where else self.message


class XmlDocumentError(ValueError):
    """Names the source (``file`` or ``zip!member``) and the element where reading failed."""

    def __init__(self, source: str, message: str, element: str = ""):
        where = f"{source}, elemento {element}" if element else source
        super().__init__(f"{where}: {message}")
        self.source = source
        self.element = element
        self.message = message


def xml_date(value: str, source: str, element: str, error: type[XmlDocumentError] = XmlDocumentError) -> date:
    """An ``xs:date`` (a dateTime is cut to its date), or ``error`` naming the source and element."""
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise error(source, f"data «{excerpt(value)}» non valida (atteso AAAA-MM-GG)", element) from exc
