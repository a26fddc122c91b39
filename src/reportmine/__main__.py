"""``python -m reportmine`` runs the command line, like the ``reportmine`` script."""

from .cli import run

run()
