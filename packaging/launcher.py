"""Entry point of the bundled app (PyInstaller): the same program as `source-reader`."""

import multiprocessing
import sys

from reader.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
