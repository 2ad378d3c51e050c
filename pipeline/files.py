"""Reading an input file without surprises: a regular file, of bounded size, the one
that was looked at.

A path can change between the moment it is checked and the moment it is read: a file
swapped for a link to a private file, or for a FIFO that would block the read for ever.
`read_regular` opens without blocking, then checks what it opened (`fstat`): a regular
file, the same one a walk saw (device and inode) when it says which, no larger than
the caller allows. Whatever else is there is refused with the reason, and nothing else
is read.
"""

from __future__ import annotations

import errno
import os
import stat


class NotReadable(OSError):
    """An input that is not (or no longer) the regular file expected."""


def read_regular(path: os.PathLike[str] | str, limit: int,
                 identity: tuple[int, int] | None = None, head: bool = False) -> bytes:
    """The bytes of the regular file at `path`. Raises NotReadable when it is not a
    regular file, is not the file `identity` (device, inode) names, or holds more
    than `limit` bytes; OSError when it cannot be opened or read. With `head`, the
    first `limit` bytes of a file of any size (enough to tell what it is)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise NotReadable(errno.EINVAL, "not a regular file (a folder, a device or a pipe)",
                              str(path))
        if identity is not None and (status.st_dev, status.st_ino) != identity:
            raise NotReadable(errno.ESTALE, "changed while it was being read", str(path))
        if head:
            with os.fdopen(fd, "rb", closefd=False) as handle:
                return handle.read(limit)
        if status.st_size > limit:
            raise NotReadable(errno.EFBIG, f"{status.st_size:,} bytes, more than {limit:,}",
                              str(path))
        chunks: list[bytes] = []
        size = 0
        with os.fdopen(fd, "rb", closefd=False) as handle:
            while chunk := handle.read(1 << 20):
                size += len(chunk)
                if size > limit:  # it grew after fstat
                    raise NotReadable(errno.EFBIG, f"more than {limit:,} bytes", str(path))
                chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
