"""A small, synchronous LSP client for tests: JSON-RPC over a real subprocess's pipes."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WAIT = 30  # seconds before a missing answer fails the test (a safety net, not a timing)


class LspClient:
    def __init__(self, *args: str, cwd: Path = ROOT, env: dict | None = None) -> None:
        # As an editor starts it: without the tests' switch that hides pygame's banner,
        # so anything printed to stdout besides the protocol would break the tests.
        env = {k: v for k, v in {**os.environ, **(env or {})}.items() if "PYGAME" not in k}
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "lsp", *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            cwd=cwd, env=env,
        )  # fmt: skip
        self._next_id = 0
        self._responses: dict[int, queue.Queue] = {}
        self.notifications: queue.Queue = queue.Queue()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    # -- wire ---------------------------------------------------------------
    def _send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def _read(self) -> None:
        stream = self.proc.stdout
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    return
                header = header.strip()
                if not header:
                    break
                name, _, value = header.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            message = json.loads(stream.read(length))
            if "id" in message and "method" not in message:
                self._queue(message["id"]).put(message)
            elif "id" in message:  # a request from the server (e.g. registerCapability)
                self._send({"id": message["id"], "result": None})
            else:
                self.notifications.put(message)

    def _queue(self, msg_id: int) -> queue.Queue:
        with self._lock:
            return self._responses.setdefault(msg_id, queue.Queue())

    # -- API ------------------------------------------------------------------
    def request(self, method: str, params: dict | None = None):
        self._next_id += 1
        msg_id = self._next_id
        q = self._queue(msg_id)
        self._send({"id": msg_id, "method": method, "params": params or {}})
        answer = q.get(timeout=WAIT)
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return answer["result"]

    def notify(self, method: str, params: dict) -> None:
        self._send({"method": method, "params": params})

    def wait_for(self, method: str, predicate=lambda params: True) -> dict:
        while True:
            message = self.notifications.get(timeout=WAIT)
            if message.get("method") == method and predicate(message["params"]):
                return message["params"]

    def initialize(self, root: Path) -> dict:
        result = self.request(
            "initialize",
            {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": {}},
        )
        self.notify("initialized", {})
        return result

    def diagnostics_for(self, uri: str, version: int | None = None) -> list[dict]:
        return self.wait_for(
            "textDocument/publishDiagnostics",
            lambda p: p["uri"] == uri and (version is None or p.get("version", version) == version),
        )["diagnostics"]

    def close(self) -> int:
        try:
            self.request("shutdown")
            self.notify("exit", {})
            return self.proc.wait(timeout=WAIT)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
            for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                stream.close()
