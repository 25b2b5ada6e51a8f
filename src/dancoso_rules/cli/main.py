"""``dancoso``: parse arguments, call the library, print, and set the exit code.

Exit codes (``dancoso --help`` lists them too): 0 success; 1 the inputs were read but fail (an
invalid record for ``validate`` and ``import``, a result with a status in ``--fail-on`` for
``check``, a rule problem for ``rules lint``, text not covered for ``rules coverage``); 2 usage errors, unreadable input, an invalid record
or option for ``check``, ``calendar`` and ``template``, or output that cannot be written; 3 an
internal error (a bug), told in one line with where to report it (``DANCOSO_DEBUG=1`` shows the
traceback); 141 the reader of standard output left early. A user error is printed as
located one-line messages, never a traceback. Standard output is UTF-8 whatever the locale. Each
sub-command lives in its own module, imported only when it runs, so that start-up stays fast.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import io
import os
import sys
from collections.abc import Sequence
from typing import Any

from dancoso_rules.cli.lang import add_lang, chosen_lang, speaking
from dancoso_rules.i18n import os_reason, tr

#: The words after ``--lang``: not the name of a sub-command.
LANG_VALUES = frozenset({"vi", "en"})
#: The exit code of an internal error: not 1 (duties failing) nor 2 (bad input), so a gate can tell a bug.
EXIT_INTERNAL = 3

#: sub-command → module. The module has ``add_arguments(parser)`` and ``run(args)``; its one-line help is
#: the catalogue's ``cli.command.NAME``.
COMMANDS: dict[str, str] = {
    "rules": "dancoso_rules.cli.rules",
    "validate": "dancoso_rules.cli.validate",
    "check": "dancoso_rules.cli.check",
    "calendar": "dancoso_rules.cli.calendar",
    "template": "dancoso_rules.cli.template",
    "import": "dancoso_rules.cli.import_record",
}


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's, but text laid out in lines (the exit codes) keeps them; a paragraph is wrapped."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


class _VersionAction(argparse.Action):
    """``--version``: looks the version up only when asked (importlib.metadata is slow to import)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help=tr("cli.version"))

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("dancoso-rules")
        except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
            found = "0+unknown"
        print(f"{parser.prog} {found}")
        parser.exit()


def build_parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The argument parser, in the current language; only the sub-command named in ``argv`` is imported
    and configured."""
    parser = argparse.ArgumentParser(
        prog="dancoso",
        description=tr("cli.description"),
        epilog=tr("cli.exit_codes"),
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction)
    add_lang(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = next((a for a in argv if not a.startswith("-") and a not in LANG_VALUES), None)
    for name, module_name in COMMANDS.items():
        help_text = tr(f"cli.command.{name}")
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        add_lang(sub)
        if name == chosen:
            module = importlib.import_module(module_name)
            module.add_arguments(sub)
            sub.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code. Messages are in ``--lang``, else the locale's language."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    with speaking(chosen_lang(args_list)):
        return _main(args_list)


def _main(args_list: list[str]) -> int:
    from dancoso_rules.errors import DancosoError

    _standard_output()
    _utf8(sys.stderr)
    parser = build_parser(args_list)
    try:
        args = parser.parse_args(args_list)
    except SystemExit as done:  # --help, --version, or a usage error: argparse has printed
        try:
            sys.stdout.flush()
        except BrokenPipeError:  # `dancoso --help | head -1`: as for any output
            return _broken_pipe()
        except OSError as exc:
            return _cannot_write_stdout(exc)
        raise done
    run = getattr(args, "run", None)
    if run is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        code: int = run(args)
        sys.stdout.flush()  # a full disk shows here, not when Python flushes at exit
    except DancosoError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # e.g. `dancoso ... | head`: the reader left before the end
        return _broken_pipe()
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    except OSError as exc:
        if exc.filename == STDOUT_NAME:  # a full disk, a closed descriptor: bad output, not a bug
            return _cannot_write_stdout(exc)
        if exc.filename is None:
            return _internal(exc)
        line = tr("cli.cannot_read_write", file=exc.filename, reason=os_reason(exc))
        from dancoso_rules.text import visible

        print(visible(line), file=sys.stderr)  # a file name may hold control characters
        return 2
    except Exception as exc:
        return _internal(exc)
    return code


#: The exit code when the reader of standard output leaves early (``| head``): 128 + SIGPIPE, as a shell
#: reports a command killed by it. Never 0: under ``set -o pipefail`` a gate must not pass on a report
#: nobody read to its end.
EXIT_BROKEN_PIPE = 141


def _broken_pipe() -> int:
    _stdout_to_devnull()
    return EXIT_BROKEN_PIPE


def _cannot_write_stdout(exc: OSError) -> int:
    print(tr("cli.cannot_write_stdout", reason=os_reason(exc)), file=sys.stderr)
    _stdout_to_devnull()
    return 2


def _stdout_to_devnull() -> None:
    # Python would report the same failure again when it flushes stdout at exit: point it at devnull.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        raw = getattr(getattr(sys.stdout, "buffer", None), "raw", None)
        if isinstance(raw, _Stdout) and raw.fd is None:
            raw.fd = devnull  # it was closed: what is left is dropped
        else:
            os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - a replaced sys.stdout without a descriptor
        pass


#: How standard output is named when it cannot be written.
STDOUT_NAME = "<stdout>"


class _Stdout(io.RawIOBase):
    """Descriptor 1, whose failures name it (:data:`STDOUT_NAME`): ``dancoso check > /dev/full`` is output
    that cannot be written (exit 2), as a file's would be, not an internal error."""

    def __init__(self, fd: int | None) -> None:
        super().__init__()
        self.fd = fd

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        try:
            if self.fd is None:
                raise OSError(errno.EBADF, os.strerror(errno.EBADF))
            return os.write(self.fd, data)
        except OSError as exc:
            if isinstance(exc, BrokenPipeError):
                raise
            raise OSError(exc.errno, exc.strerror, STDOUT_NAME) from None

    def isatty(self) -> bool:
        return self.fd is not None and os.isatty(self.fd)

    def fileno(self) -> int:
        if self.fd is None:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF), STDOUT_NAME)
        return self.fd


def _standard_output() -> None:
    """Standard output in UTF-8 whatever the locale (:func:`_utf8`), and, when it is this process's own
    (closed at start, or descriptor 1), written through :class:`_Stdout`."""
    stream = sys.stdout
    if stream is not None and stream is not sys.__stdout__:  # replaced (a test's capture, an embedding)
        _utf8(stream)
        return
    fd: int | None = None
    line_buffering = False
    if stream is not None:
        stream.flush()
        fd, line_buffering = stream.fileno(), stream.line_buffering
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(_Stdout(fd)),
        encoding="utf-8",
        errors="backslashreplace",
        line_buffering=line_buffering,
    )


def _internal(exc: Exception) -> int:
    """An internal error (a bug): one line, where to report it, and its own exit code."""
    if os.environ.get("DANCOSO_DEBUG") == "1":
        raise exc
    # The exception's words may quote a record's text: its control characters are written out, as in
    # every message.
    from dancoso_rules.text import visible

    what = visible(" ".join(f"{type(exc).__name__}: {exc}".split()))
    print(tr("cli.internal", what=what, where=tr("cli.report_bugs")), file=sys.stderr)
    return EXIT_INTERNAL


def _utf8(stream: object) -> None:
    """Write UTF-8 whatever the locale: reports declare UTF-8 (HTML, XML, JSON), and a pipe or a file
    must get the same bytes on every machine."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8", errors="backslashreplace")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
