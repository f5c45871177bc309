"""Which files in a folder were opened: Linux inotify through ctypes, for the file-dialog lock test."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import struct
import sys

IN_OPEN = 0x00000020
_EVENT = struct.Struct("iIII")


class FolderOpens:
    """Records the names of files opened in one folder (by any process) while it is active."""

    def __init__(self, folder):
        if not sys.platform.startswith("linux"):
            raise OSError("inotify is Linux only")
        self._libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        self._fd = self._libc.inotify_init1(os.O_NONBLOCK)
        if self._fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        if self._libc.inotify_add_watch(self._fd, os.fsencode(str(folder)), IN_OPEN) < 0:
            raise OSError(ctypes.get_errno(), "inotify_add_watch")

    def names(self) -> list[str]:
        found = []
        while True:
            try:
                data = os.read(self._fd, 65536)
            except BlockingIOError:
                return found
            offset = 0
            while offset < len(data):
                _wd, mask, _cookie, length = _EVENT.unpack_from(data, offset)
                name = data[offset + _EVENT.size : offset + _EVENT.size + length].rstrip(b"\0").decode()
                if mask & IN_OPEN and name:
                    found.append(name)
                offset += _EVENT.size + length

    def close(self) -> None:
        os.close(self._fd)
