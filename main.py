"""Entry point: hand over to qdgui.app (or, for the packaged program's own workbook reader, to the
reader child at once, without the application's imports: it is started for every workbook read)."""

import sys

from qdgui.work import CHILD_READER_FLAG

if __name__ == "__main__":
    if sys.argv[1:2] == [CHILD_READER_FLAG]:
        from qdgui.excel.reader_child import child_main

        sys.exit(child_main(sys.argv[2:]))
    from qdgui.app import main

    sys.exit(main())
