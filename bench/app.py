"""App benchmark: `make run` (second run, assets ready) to the page answering, one interpret
round trip through the API, and the app's peak RSS. Run: .venv/bin/python bench/app.py"""

from __future__ import annotations

import os
import platform
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def app_pid(port: int) -> int | None:
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                env = (proc / "environ").read_bytes()
            except OSError:
                continue
            if "app.py" in cmd and f"COACH_PORT={port}".encode() in env:
                return int(proc.name)
    return None


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    port = free_port()
    env = {**os.environ, "COACH_PORT": str(port)}
    started = time.perf_counter()
    make = subprocess.Popen(["make", "run"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        while True:
            try:
                with urllib.request.urlopen(url, timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if time.perf_counter() - started > 300:
                    raise SystemExit("the app did not answer within 300 s") from None
                time.sleep(0.2)
        ready = time.perf_counter() - started
        from gradio_client import Client

        client = Client(url, verbose=False)
        client.predict("We'll decide by Friday.", "2026-11-26", "", False, api_name="/interpret")
        rounds = []
        for _ in range(5):
            t0 = time.perf_counter()
            client.predict("Thanks! We'll let you know by the end of next week.", "2026-11-26",
                           "", False, api_name="/interpret")
            rounds.append(time.perf_counter() - t0)
        pid = app_pid(port)
        rss = peak_rss_mb(pid) if pid else 0.0
    finally:
        os.killpg(make.pid, signal.SIGTERM)
        make.wait(timeout=30)
    print(f"App benchmark — {time.strftime('%Y-%m-%d')}, {platform.machine()}, 2 cores")
    print("| metric | value |\n|---|---|")
    print(f"| `make run` (second run, assets ready) to the page answering | {ready:.1f} s |")
    print(f"| interpret round trip through the API (median of 5, after one warm-up) | "
          f"{sorted(rounds)[2] * 1000:.0f} ms |")
    print(f"| app peak RSS (model not started) | {rss:.0f} MB |")


if __name__ == "__main__":
    sys.exit(main())
