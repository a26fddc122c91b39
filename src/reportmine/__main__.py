"""``python -m reportmine`` runs the command line, like the ``reportmine`` script."""

import sys

from .cli import main

sys.exit(main())
