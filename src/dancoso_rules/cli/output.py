"""Writing command output: to stdout in UTF-8, or to a file that is never one of the run's inputs.

:func:`write_output` writes a whole document, :func:`write_chunks` a stream of text as it comes (the
overview of many records); both go through :func:`atomic_file`, the one place that decides how a
target is written:

- a regular file (or a new one) is written to a temporary file beside it, renamed over it once
  complete: readers never see half a report. A new file gets the mode ``0666 & ~umask``, a
  replaced one keeps its mode; the temporary file is removed on error, Ctrl-C and SIGTERM;
- anything else that exists (a FIFO, ``/dev/stdout``, a device node, ``>(…)``) is written in place,
  never replaced by a regular file;
- an input of the run, or a folder, is refused with a located message (exit 2); so is any
  failure to write (a read-only file system, a parent that is a file), never a traceback.

Missing parent folders are created.
"""

from __future__ import annotations

import argparse
import errno
import os
import stat
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import BinaryIO

from dancoso_rules.errors import Location, Problem, UsageError
from dancoso_rules.i18n import os_reason, tr
from dancoso_rules.paths import display_path


def output_error(output: Path | str, message: str) -> UsageError:
    """The located error for an output that cannot be written: exit 2, one line."""
    return UsageError(Problem(Location(str(output)), message, code="io"))


def _cannot(output: Path, exc: OSError) -> UsageError:
    if exc.errno == errno.ENOTDIR:
        reason = tr("output.parent_is_file")
    elif exc.errno == errno.EISDIR:
        return output_error(output, tr("output.is_folder"))
    else:
        reason = os_reason(exc)
    return output_error(output, tr("output.cannot_write", reason=reason))


class InputSet:
    """The files a run reads, looked up in constant time: by resolved path, and by device and inode
    (the same file by any path or link); a folder among them (the rule folder) stands for everything in
    it. Built once per run, however many reports it writes."""

    def __init__(self, inputs: Iterable[Path]) -> None:
        self._paths: set[Path] = set()
        self._files: set[tuple[int, int]] = set()
        self._folders: list[Path] = []
        for path in inputs:
            try:
                resolved = path.resolve()
                info = path.stat()
            except OSError:
                continue
            if stat.S_ISDIR(info.st_mode):
                self._folders.append(resolved)
                continue
            self._paths.add(resolved)
            self._files.add((info.st_dev, info.st_ino))

    def __contains__(self, output: object) -> bool:
        if not isinstance(output, Path):
            return False
        try:
            resolved = output.resolve()
            if resolved in self._paths or self._folder_of(resolved) is not None:
                return True
            info = output.stat()
        except OSError:
            return False
        return (info.st_dev, info.st_ino) in self._files

    def folder_holding(self, output: Path) -> Path | None:
        """The input folder (the rule folder) that ``output`` lies in, if any."""
        return self._folder_of(output.resolve())

    def _folder_of(self, resolved: Path) -> Path | None:
        return next((f for f in self._folders if resolved.is_relative_to(f)), None)


def output_argument(text: str) -> str:
    """The ``--output`` of every command, as argparse reads it: an empty one (``--output ""``, a variable
    left unset) is a usage error (exit 2), never the current folder that ``Path("")`` names."""
    if not text:
        raise argparse.ArgumentTypeError(tr("arg.output_empty"))
    return text


def output_target(text: str | None, name: str) -> Path | None:
    """The file a command that writes one file writes (``--output``): ``text``, or ``text/name`` when ``text``
    names a folder (it ends with a slash, or is one), as ``check --output`` reads it; ``None`` (and ``-``)
    stay standard output. The folder is made when the file is written."""
    if text is None or text == "-":
        return None if text is None else Path(text)
    return Path(text) / name if names_folder(text) else Path(text)


def names_folder(text: str) -> bool:
    """Whether an ``--output`` names a folder: it ends with a slash, or is one."""
    return text.endswith(("/", os.sep)) or Path(text).is_dir()


def refuse_existing(output: Path | None, force: bool) -> None:
    """Refuse, unless ``force`` (``--force``), to replace an existing file with what a command makes from
    another (``template``'s workbook, ``import``'s record): it may hold hours of work done by hand. Standard
    output, a FIFO or a device (written in place, never replaced: see :func:`atomic_file`) are not refused."""
    if force or output is None or str(output) == "-" or _special(output):
        return
    if output.is_file():
        raise UsageError(Problem(Location(str(output)), tr("output.exists"), code="usage"))


def refuse_among_records(folder: Path, arguments: list[str], paths: list[Path]) -> None:
    """Refuse a folder of reports inside a folder of records, or holding records of the run directly (named
    one by one, ``recs/*.json``): the next run over that folder would read the reports as records."""
    target = folder.resolve()
    for argument in arguments:
        source = Path(argument)
        if source.is_dir() and target.is_relative_to(source.resolve()):
            raise UsageError(
                Problem(Location(str(folder)), tr("batch.inside_input", folder=argument), code="usage")
            )
    # A record directly in the folder: by its folder's absolute name (the folder's as given, and resolved),
    # without a system call for each of thousands of records.
    folders = {str(target), os.path.normpath(folder.absolute())}
    for path in paths:
        if str(Path(os.path.normpath(path.absolute())).parent) in folders:
            raise UsageError(
                Problem(
                    Location(str(folder)), tr("batch.holds_input", record=display_path(path)), code="usage"
                )
            )


def rule_folder(rules: Path | None) -> Path:
    """The rule folder a run reads (``--rules DIR``, else the bundled rules): an input, so that no output
    is ever written into it."""
    if rules is not None:
        return rules
    from dancoso_rules.paths import bundled_rules_dir

    return bundled_rules_dir()


def is_input(output: Path, inputs: Iterable[Path] | InputSet) -> bool:
    """Whether ``output`` names one of ``inputs`` (the same file, by any path or link)."""
    return output in (inputs if isinstance(inputs, InputSet) else InputSet(inputs))


@contextmanager
def atomic_file(output: Path, *, inputs: Iterable[Path] | InputSet = ()) -> Iterator[BinaryIO]:
    """A binary file to write ``output`` through (see the module docstring for what each target gets).

    Raises :class:`UsageError` (exit 2) for an input, a folder, or a target that cannot be written.
    """
    found = inputs if isinstance(inputs, InputSet) else InputSet(inputs)
    if output in found:
        folder = found.folder_holding(output)
        raise output_error(
            output, tr("output.over_input") if folder is None else tr("output.into_rules", folder=folder)
        )
    try:
        info: os.stat_result | None = output.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _cannot(output, exc) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise output_error(output, tr("output.is_folder"))
    if (info is not None and not stat.S_ISREG(info.st_mode)) or _special(output):
        with _in_place(output) as handle:
            yield handle
        return
    # A link is followed: the file it points to is replaced, the link stays.
    target = Path(os.path.realpath(output)) if output.is_symlink() else output
    with _replacing(target, None if info is None else stat.S_IMODE(info.st_mode)) as handle:
        yield handle


def _special(output: Path) -> bool:
    """Whether ``output`` is a path of the system's special folders (``/dev/stdout``, ``/proc/self/fd/1``):
    even when it leads to a regular file (``> file``), that file is the shell's, written in place."""
    for path in (Path.cwd() / output, Path(os.path.realpath(output))):
        if path.parts[:2] in (("/", "dev"), ("/", "proc")):
            return True
    return False


def _is_standard_output(output: Path) -> bool:
    """Whether ``output`` is the file this process's standard output (descriptor 1) writes to."""
    try:
        return os.path.samestat(output.stat(), os.fstat(1))
    except OSError:
        return False


@contextmanager
def _in_place(output: Path) -> Iterator[BinaryIO]:
    """A FIFO, a device, a terminal: opened and written as it is (no temporary file, no rename). This
    process's own standard output (``/dev/stdout`` when the shell appends to a file, ``>> log``) is written
    through its descriptor, where the shell left it: opening it again would empty the file."""
    try:
        if _is_standard_output(output):
            sys.stdout.flush()
            handle: BinaryIO = os.fdopen(os.dup(1), "wb")
        else:
            handle = output.open("wb")
    except OSError as exc:
        raise _cannot(output, exc) from None
    try:
        with handle:
            yield handle
            handle.flush()
    except OSError as exc:
        raise _cannot(output, exc) from None


@contextmanager
def _replacing(output: Path, mode: int | None) -> Iterator[BinaryIO]:
    """A temporary file beside ``output``, renamed over it when the block ends without error."""
    import tempfile  # only when a file is written: a report to standard output does not import it

    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
    except OSError as exc:
        raise _cannot(output, exc) from None
    temporary = Path(name)
    with _removed_on_signal(temporary):
        try:
            with os.fdopen(fd, "wb") as handle:
                yield handle
                handle.flush()
                os.fchmod(handle.fileno(), _umasked() if mode is None else mode)
                os.fsync(handle.fileno())
            temporary.replace(output)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            raise _cannot(output, exc) from None
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise


def _umasked() -> int:
    """The mode of a new file, ``0666 & ~umask``, as ``open()`` would give it (mkstemp gives 0600)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def _removed_on_signal(temporary: Path) -> Iterator[None]:
    """While the block runs, SIGTERM (and SIGHUP) remove ``temporary`` and end the process as the signal
    would; Ctrl-C already raises :class:`KeyboardInterrupt`, which the caller's cleanup handles."""
    import signal  # only when a file is written, as tempfile

    if threading.current_thread() is not threading.main_thread():  # pragma: no cover - signals need it
        yield
        return
    wanted = [signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])
    previous = {number: signal.getsignal(number) for number in wanted}

    def handler(number: int, frame: FrameType | None) -> None:
        temporary.unlink(missing_ok=True)
        raise SystemExit(128 + number)

    for number in wanted:
        signal.signal(number, handler)
    try:
        yield
    finally:
        for number, before in previous.items():
            signal.signal(number, before)


def write_stdout(content: str | bytes) -> None:
    """Write ``content`` to standard output in UTF-8, whatever the locale says."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # pragma: no cover - a replaced sys.stdout without bytes
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
        return
    sys.stdout.flush()
    buffer.write(data)
    buffer.flush()


def write_output(
    content: str | bytes, output: Path | None, *, inputs: Iterable[Path] | InputSet = ()
) -> None:
    """Print ``content`` (in UTF-8), or write it to ``output`` (see :func:`atomic_file`).

    Refuses to write over any of ``inputs``.
    """
    if output is None or str(output) == "-":
        write_stdout(content)
        return
    with atomic_file(output, inputs=inputs) as handle:
        handle.write(content.encode("utf-8") if isinstance(content, str) else content)


def write_chunks(
    chunks: Iterable[str] | Iterable[bytes], output: Path | None, *, inputs: Iterable[Path] | InputSet = ()
) -> None:
    """Print ``chunks`` as they come, or write them to ``output``, in UTF-8 (text) or as they are (bytes:
    a workbook, a document), never held whole.

    Refuses to write over any of ``inputs``.
    """
    if output is None or str(output) == "-":
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        for chunk in chunks:
            if buffer is None:  # pragma: no cover - a replaced sys.stdout without bytes
                sys.stdout.write(chunk if isinstance(chunk, str) else chunk.decode("utf-8", "replace"))
            else:
                buffer.write(chunk if isinstance(chunk, bytes) else chunk.encode("utf-8"))
        (sys.stdout if buffer is None else buffer).flush()
        return
    with atomic_file(output, inputs=inputs) as handle:
        for chunk in chunks:
            handle.write(chunk if isinstance(chunk, bytes) else chunk.encode("utf-8"))
