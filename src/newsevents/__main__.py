"""``python -m newsevents``: the command line."""

from newsevents.cli import main

main()
