"""The exceptions alliancelab raises for a user's mistake, rooted in one base class.

Every error a user can cause (an unknown country, a typo in a treaty file, a year outside a
dataset's coverage, an unreadable data file, an unwritable output path) is an
:class:`AllianceLabError`. Its message names the file, line or field at fault and says what
to do. The CLI maps the whole hierarchy to exit code 2 and the web app to one JSON error
shape; anything else escaping is a bug.

Example
-------
>>> try:
...     raise UnknownCountryError("Narnia", suggestions=["Namibia"])
... except AllianceLabError as err:
...     print(err)
unknown country 'Narnia'; did you mean: Namibia?
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "AllianceLabError",
    "CoverageError",
    "DataFileError",
    "InputError",
    "OutputError",
    "UnknownCountryError",
    "UnknownNameError",
    "ValidationError",
]


class AllianceLabError(Exception):
    """Base class of every error caused by the user's input; the CLI exits with code 2."""

    exit_code = 2
    http_status = 400

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(message if hint is None else f"{message}; {hint}")


class InputError(AllianceLabError):
    """A malformed argument: a year range, a list of names, a number out of range."""


class UnknownNameError(AllianceLabError):
    """A name that is not one of a known set (source, enricher, scenario, region, ...)."""

    http_status = 404

    def __init__(self, kind: str, name: str, known: Sequence[str]) -> None:
        from difflib import get_close_matches

        close = get_close_matches(name, list(known), n=3, cutoff=0.5)
        hint = f"did you mean: {', '.join(close)}?" if close else f"known: {', '.join(known)}"
        super().__init__(f"unknown {kind} {name!r}", hint=hint)
        self.kind, self.name, self.known = kind, name, list(known)


class UnknownCountryError(AllianceLabError):
    """A country name or code that resolves to no state (in that year)."""

    http_status = 404

    def __init__(self, query: str, suggestions: Sequence[str] = (), year: int | None = None):
        when = f" in {year}" if year is not None else ""
        hint = (
            f"did you mean: {', '.join(suggestions)}?"
            if suggestions
            else "try an ISO3 code (KOR), a COW code (732) or an English name"
        )
        super().__init__(f"unknown country {query!r}{when}", hint=hint)
        self.query, self.suggestions = query, list(suggestions)


class CoverageError(AllianceLabError):
    """A year (or range) outside what the data cover."""


class DataFileError(AllianceLabError):
    """A data file that cannot be read or does not have the expected shape."""


class OutputError(AllianceLabError):
    """An output path that cannot be written."""


class ValidationError(AllianceLabError):
    """One or more problems in a user's file (treaty, scenario, CSV), reported together.

    ``problems`` holds one line per problem, each naming file, line and field.
    """

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems = list(problems)
        count = len(self.problems)
        head = f"{source}: {count} problem{'s' if count != 1 else ''}"
        super().__init__(head + "\n" + "\n".join(f"  {p}" for p in self.problems))
