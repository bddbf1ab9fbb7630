"""Allow ``python -m spillover``."""

from spillover.cli.main import main

main()
