"""``python -m dancoso_rules`` runs the ``dancoso`` command."""

import sys

from dancoso_rules.cli.main import main

sys.exit(main())
