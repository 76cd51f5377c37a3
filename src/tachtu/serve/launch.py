"""Run ``tachtu serve`` as a child process on a free loopback port (tests, benchmarks, notebooks).

::

    with Server("--max-batch", "100") as server:
        httpx.post(server.url + "/segment", json={"text": "Hà Nội"})
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from tachtu.errors import TachtuError

LOOPBACK = "127.0.0.1"


def free_port(host: str = LOOPBACK) -> int:
    """A TCP port nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


class Server:
    """A ``tachtu serve`` process: started on entering, ready once ``/health`` answers, stopped
    on exit.

    ``args`` are extra command-line options (``--workers 2``, ``--timeout 5`` ...). The server's
    log goes to a temporary file, shown in the error when it fails to start.
    """

    def __init__(self, *args: str, port: int | None = None, start_timeout: float = 60.0):
        self.port = port or free_port()
        self.url = f"http://{LOOPBACK}:{self.port}"
        self.command = [sys.executable, "-m", "tachtu.cli", "serve", "--host", LOOPBACK,
                        "--port", str(self.port), "--log-level", "warning", *args]
        self.start_timeout = start_timeout
        self.process: subprocess.Popen | None = None
        self._log = tempfile.TemporaryFile()

    @property
    def pid(self) -> int:
        return self.process.pid

    def __enter__(self) -> Server:
        self.process = subprocess.Popen(self.command, stdin=subprocess.DEVNULL,
                                        stdout=self._log, stderr=subprocess.STDOUT)
        end = time.monotonic() + self.start_timeout
        while time.monotonic() < end:
            if self.process.poll() is not None:
                raise TachtuError(f"tachtu serve exited with status {self.process.returncode}:\n"
                                  f"{self.log()}")
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        self.stop()
        raise TachtuError(f"tachtu serve did not answer within {self.start_timeout:g} s:\n"
                          f"{self.log()}")

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> int | None:
        """Ask the server to shut down (SIGTERM), kill it if it does not; return its exit status."""
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def log(self) -> str:
        """What the server printed so far."""
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")
