"""Writing a result file so that a crash or Ctrl-C never leaves half of it."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

from .errors import OutputError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename it into place."""
    with atomic_file(path) as handle:
        handle.write(text)


@contextmanager
def atomic_file(path: str) -> Iterator[TextIO]:
    """A file handle whose content appears at ``path`` only once it is complete."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise OutputError("is a folder; give a file name for the output", where=str(target))
    if not folder.is_dir():
        raise OutputError("the folder for the output does not exist", where=str(folder))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write here ({exc.strerror or exc})", where=str(folder)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes the file private; a report is not
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
