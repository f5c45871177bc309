"""The workbook reader's child process: calamine reads every sheet, the result goes back pickled.

Kept apart from workbook.py and free of qdgui imports, so that the child starts with nothing but
the standard library and python-calamine (the parent's checks, messages and limits stay there):
a child is started for every workbook read, and its start-up is part of what the user waits for.
"""

from __future__ import annotations


def child_main(argv: list[str]) -> int:
    """The child: read every sheet of argv[0] with calamine, write the pickled result to stdout."""
    import pickle
    import sys

    path, memory = argv[0], int(argv[1])
    try:
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        except (ImportError, ValueError, OSError):
            pass  # Windows: the time limit still holds
        result: tuple[str, object] = ("ok", read_sheets(path))
    except MemoryError:
        result = ("memory", "")
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent as text
        result = ("error", str(exc).strip() or type(exc).__name__)  # the reader's words, not its class name
    peak = _own_peak()
    sys.stdout.buffer.write(pickle.dumps((*result, peak), protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.flush()
    return 0


def read_sheets(path: str) -> list:
    """Every worksheet of the workbook at path: (name, visible, rows, merged ranges)."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(path)
    sheets = []
    for meta in book.sheets_metadata:
        if "WorkSheet" not in str(meta.typ):
            continue
        sheet = book.get_sheet_by_name(meta.name)
        rows = sheet.to_python(skip_empty_area=False)
        merged = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])]
        sheets.append((meta.name, str(meta.visible).rsplit(".", 1)[-1] == "Visible", rows, merged))
    return sheets


def _own_peak() -> int | None:
    """This process's peak resident size since it started its program, in bytes. Not ru_maxrss: on
    Linux that keeps the high-water mark of the parent that forked it (a 550 MB window or test run
    would make every reader look that large); VmHWM belongs to this program's memory alone."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None
