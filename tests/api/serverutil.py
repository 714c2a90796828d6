"""Real servers for the API and dashboard tests (datasette-style find_free_port/wait_for_server).

Input: a database path (and, for the thread server, an app).
Output: ``cli_server()`` runs ``dyads serve`` in a subprocess; ``ThreadServer`` runs uvicorn in a
thread (used where the test injects the extraction function); both yield the base URL.
Guarantees: servers listen on 127.0.0.1 only, on a port that was free; they are stopped on exit.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import uvicorn

from dyads.store import Store

TOKEN = "test-token-5f1c"  # the ingest servers' bearer token


def find_free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_server(url: str, *, timeout: float = 30.0, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with code {proc.returncode}")
        with contextlib.suppress(httpx.TransportError):
            if httpx.get(f"{url}/api/stats", timeout=2).status_code < 500:
                return
        time.sleep(0.1)
    raise TimeoutError(f"server at {url} did not answer within {timeout}s")


def build_store(path: Path, documents: list) -> Path:
    with Store(path) as store:
        store.add(documents)
    return path


@contextlib.contextmanager
def cli_server(db: Path, *, log: Path, token: str | None = None) -> Iterator[str]:
    """Run ``dyads serve --db db`` (the console command's code path) until the block ends."""
    port = find_free_port()
    args = [sys.executable, "-c", "from dyads.cli import main; main()", "serve",
            "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    env = {k: v for k, v in os.environ.items() if k != "DYADS_TOKEN"}
    if token:
        env["DYADS_TOKEN"] = token
    with open(log, "wb") as out:
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_server(url, proc=proc)
        yield url
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class ThreadServer:
    """uvicorn in a daemon thread: ``with ThreadServer(app) as url: ...``."""

    def __init__(self, app):
        self.port = find_free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        url = f"http://127.0.0.1:{self.port}"
        wait_for_server(url)
        return url

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
