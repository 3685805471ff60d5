"""`python -m coach.cli`: the `coach` command without the console script."""

from coach.cli import main

main()
