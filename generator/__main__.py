"""``python -m generator``: the same as the ``explainer`` command."""

import sys

from .cli import main

sys.exit(main())
