"""Errors the command line turns into one-line messages and exit codes."""

from __future__ import annotations

from .models import Problem


class ExplainerError(Exception):
    """A failure the user can act on; its message is shown without a traceback."""

    exit_code = 1


class InputError(ExplainerError):
    """Seeds or settings that cannot be used; carries every problem found."""

    exit_code = 2

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ModelError(ExplainerError):
    """The named spaCy pipeline is not installed or cannot be loaded."""

    exit_code = 3


class SiteError(ExplainerError):
    """MkDocs failed to build the site (strict mode turns warnings into this)."""

    exit_code = 4
