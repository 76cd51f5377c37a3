"""The ``tachtu`` command: one sub-command per module in this package, each thin over the API.

Each sub-command module defines ``register(subparsers)``, which adds its parser and sets
``func(args) -> int``. Heavy imports happen inside ``func`` so ``tachtu --help`` stays fast.
User errors (:class:`tachtu.errors.TachtuError`) become one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import signal
import sys

from tachtu.errors import TachtuError

COMMANDS = ("segment", "eval", "train", "serve", "build", "clean")


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
        return args.func(args) or 0
    except TachtuError as exc:
        print(f"tachtu: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as Unix tools do.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        return 0


if __name__ == "__main__":
    sys.exit(main())
