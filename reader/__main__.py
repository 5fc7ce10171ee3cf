"""`python -m reader` runs the command line (and the window when no command is given)."""

import sys

from reader.cli import main

sys.exit(main())
