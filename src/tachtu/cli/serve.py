"""``tachtu serve``: run the HTTP service and web page with uvicorn (see docs/serve.md)."""

from __future__ import annotations

import argparse
import ipaddress
import os
import signal
import socket
import sys

from tachtu.errors import TachtuError

LOOPBACK = "127.0.0.1"


def _positive(kind):
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
        return value
    return parse


def _port(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"not a TCP port (1-65535): {text!r}")
    return int(text)


def register(subparsers) -> None:
    from tachtu.serve.limits import Limits

    d = Limits()
    p = subparsers.add_parser(
        "serve", help="run the HTTP service and web page",
        description="Serve POST /segment, POST /clean, GET /health, GET /openapi.json and a web "
                    "page at / . Listens on the loopback address unless --host says otherwise.")
    p.add_argument("--host", default=LOOPBACK,
                   help=f"address to listen on (default {LOOPBACK}; 0.0.0.0 for every interface)")
    p.add_argument("--port", type=_port, default=8000, help="TCP port (default 8000)")
    p.add_argument("--workers", type=_positive(int), default=1,
                   help="worker processes, each with its own models (default 1)")
    p.add_argument("--max-body-bytes", type=_positive(int), default=d.max_body_bytes,
                   help=f"largest request body (default {d.max_body_bytes:,})")
    p.add_argument("--max-batch", type=_positive(int), default=d.max_batch,
                   help=f"most texts in one /segment request (default {d.max_batch:,})")
    p.add_argument("--max-text-chars", type=_positive(int), default=d.max_text_chars,
                   help=f"longest text or page, in characters (default {d.max_text_chars:,})")
    p.add_argument("--timeout", type=_positive(float), default=d.timeout,
                   help=f"seconds a request may take (default {d.timeout:g})")
    p.add_argument("--user-dict", metavar="FILE",
                   help="words to keep whole in the default mode, one per line (UTF-8)")
    p.add_argument("--log-level", default="info",
                   choices=("critical", "error", "warning", "info", "debug"),
                   help="server log detail (default info)")
    p.set_defaults(func=run)


def run(args) -> int:
    import uvicorn

    from tachtu import Segmenter
    from tachtu.serve.app import LIMITS_ENV, USER_DICT_ENV
    from tachtu.serve.limits import Limits

    limits = Limits(max_body_bytes=args.max_body_bytes, max_batch=args.max_batch,
                    max_text_chars=args.max_text_chars, timeout=args.timeout)
    os.environ[LIMITS_ENV] = limits.to_json()
    if args.user_dict:
        os.environ[USER_DICT_ENV] = os.path.abspath(args.user_dict)
    _check_can_listen(args.host, args.port)
    # A model or dictionary that cannot load is one line here, not a traceback in the server log.
    Segmenter(user_dict=args.user_dict)
    if not _is_loopback(args.host):
        print(f"tachtu: note: listening on {args.host}: reachable from other machines",
              file=sys.stderr)
    # uvicorn stops gracefully on SIGTERM (in-flight requests finish, within the time limit),
    # then raises the signal again with the handler it found: ours, so the exit status is 0.
    signal.signal(signal.SIGTERM, lambda sig, frame: None)
    uvicorn.run("tachtu.serve.app:create_app_from_env", factory=True, host=args.host,
                port=args.port, workers=args.workers, log_level=args.log_level,
                timeout_graceful_shutdown=limits.timeout + 5)
    return 0


def _check_can_listen(host: str, port: int) -> None:
    """Fail early, in one line, when the address is taken or not ours."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.create_server((host, port), family=family):
            pass
    except OSError as exc:
        raise TachtuError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def _is_loopback(host: str) -> bool:
    """Whether ``host`` is only reachable from this machine.

    >>> _is_loopback("127.0.0.1"), _is_loopback("localhost"), _is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
