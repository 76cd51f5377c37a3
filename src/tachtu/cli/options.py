"""Options several sub-commands share, so they read the same way everywhere."""

from __future__ import annotations

import argparse


def add_encoding_option(p: argparse.ArgumentParser) -> None:
    """``--encoding``: what the input bytes are when they are not UTF-8 (see tachtu.text.decode)."""
    p.add_argument("--encoding", metavar="NAME",
                   help="input encoding when not UTF-8: cp1258 (windows-1258), vni, tcvn3, utf-16 "
                        "or any Python codec (default: UTF-8; a byte-order mark is followed). "
                        "Bytes that look like a legacy Vietnamese encoding stop with its name.")
