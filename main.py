"""Entry point: hand over to qdgui.app."""

import sys

from qdgui.app import main

if __name__ == "__main__":
    sys.exit(main())
