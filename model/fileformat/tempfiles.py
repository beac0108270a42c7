"""Finding and removing the temporary files that an interrupted save left next to a document.

``model.fileformat.save_journey`` writes ``.<name>.<8 hex digits>.tmp`` in the folder of the file
it replaces, then renames it over the file. A crash or a SIGKILL between the two leaves the temp file
behind; the document itself is intact (old or new). The editor calls ``remove_stale_temp_files`` on
open and save so that these do not pile up. Only the temp files of that one document are touched.
Pure standard library; imports nothing of the project (``temp_prefix`` names the files for
the saver too, so the two cannot drift apart).
"""
from __future__ import annotations

import os
import re
import time
from pathlib import Path

_NAME_LIMIT_BYTES = 200  # of the document's name, in UTF-8: file names are limited in bytes
_SUFFIX = re.compile(r"[0-9a-f]{8}\.tmp")


def temp_prefix(target: Path) -> str:
    """``.<name>.`` with the name cut to 200 UTF-8 bytes, so that with the random part and the
    suffix the temp file's name stays within the usual 255-byte limit (Japanese names too)."""
    name = target.name.encode("utf-8")[:_NAME_LIMIT_BYTES].decode("utf-8", errors="ignore")
    return f".{name}."


def _target(path: str | os.PathLike[str]) -> Path:
    """The file a save really replaces: a symlink's target, as the saver resolves it."""
    return Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)


def stale_temp_files(path: str | os.PathLike[str]) -> list[Path]:
    """The temp files a save of ``path`` may have left behind, sorted; [] if the folder is gone."""
    target = _target(path)
    prefix = temp_prefix(target)
    found = []
    try:
        with os.scandir(target.parent) as entries:
            for entry in entries:
                if (entry.name.startswith(prefix) and _SUFFIX.fullmatch(entry.name[len(prefix):])
                        and entry.is_file(follow_symlinks=False)):
                    found.append(target.parent / entry.name)
    except OSError:
        return []
    return sorted(found)


def remove_stale_temp_files(path: str | os.PathLike[str], older_than_s: float = 60) -> int:
    """Delete the temp files of ``path`` last written more than ``older_than_s`` seconds ago;
    the number deleted. Younger ones may belong to a save still running (another window or app
    instance on the same file), so they stay. Files that cannot be deleted are skipped quietly:
    cleaning up must never stop the person from opening or saving."""
    cutoff = time.time() - older_than_s
    removed = 0
    for temp in stale_temp_files(path):
        try:
            if temp.lstat().st_mtime <= cutoff:
                temp.unlink()
                removed += 1
        except OSError:
            continue
    return removed
