"""``python -m generator``: the same as the ``explainer`` command."""

from .cli import run

run()
