"""The ``tachtu`` command: one sub-command per module in this package, each thin over the API.

Each sub-command module defines ``register(subparsers)``, which adds its parser and sets
``func(args) -> int``. Heavy and optional imports happen inside ``func``, so ``tachtu --help``
stays fast and a plain ``pip install tachtu`` has a working CLI: a sub-command whose extra is
missing says in one line which to install. User errors (:class:`tachtu.errors.TachtuError`),
output that cannot be written (full disk, ``/dev/full``) and missing extras become one line on
stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from tachtu.cli.output import discard_stdout, flush_stdout
from tachtu.errors import TachtuError

COMMANDS = ("segment", "eval", "train", "serve", "build", "clean")
# The extra (pyproject.toml) that brings each optional top-level module.
EXTRA_OF_MODULE = {
    **dict.fromkeys(("starlette", "uvicorn", "anyio"), "serve"),
    **dict.fromkeys(("trafilatura", "justext", "lxml", "lxml_html_clean", "html_text"), "clean"),
    **dict.fromkeys(("datatrove", "tokenizers", "orjson", "zstandard", "pyarrow", "warcio",
                     "xxhash"), "corpus"),
    "scipy": "train",
    "ray": "ray",
}


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every sub-command registered."""
    from tachtu import __version__

    parser = argparse.ArgumentParser(prog="tachtu", description="Vietnamese word segmentation, "
                                     "page cleaning and corpus building.")
    parser.add_argument("--version", action="version", version=f"tachtu {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"tachtu.cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        status = args.func(args) or 0
        flush_stdout()
        return status
    except TachtuError as exc:
        return _fail(exc)
    except ModuleNotFoundError as exc:
        extra = EXTRA_OF_MODULE.get((exc.name or "").partition(".")[0])
        if extra is None:
            raise
        return _fail(f"tachtu {args.command} needs the '{extra}' extra (no module {exc.name!r}): "
                     f"pip install 'tachtu[{extra}]'")
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as Unix tools do.
        discard_stdout()
        return 0


def _fail(message) -> int:
    """Print a user error as one line on stderr; the exit status for it."""
    print(f"tachtu: error: {message}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
