"""Load benchmark: the launched app driven through gradio_client from several processes on
127.0.0.1 — 20 concurrent interpret sessions (fast path) and 3 concurrent practice sessions on
the embedded model, for a bounded time. Prints requests, errors and latency per kind, the
CPU the app and the clients used, and then the interpret sessions again through plain HTTP.

Run: .venv/bin/python bench/load.py [--seconds 60]
"""

from __future__ import annotations

import multiprocessing as mp
import os
import platform
import resource
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPLIES = [
    "Thanks for coming in! We'll let you know by the end of next week.",
    "Unfortunately we've decided to move forward with another candidate.",
    "The role is on hold while we restructure. I'll reach out if that changes.",
    "We'd like to invite you to a final round — what's your availability next week?",
    "We're still interviewing and will be in touch.",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def collect(procs: list[mp.Process], out: mp.Queue) -> list[tuple[str, float, str | None]]:
    results: list[tuple[str, float, str | None]] = []
    for p in procs:
        p.start()
    while any(p.is_alive() for p in procs) or not out.empty():
        try:
            results.append(out.get(timeout=1))
        except Exception:
            pass
    for p in procs:
        p.join()
    return results


def timed(out: mp.Queue, kind: str, call: Callable[[], object]) -> None:
    """Run one request and report its latency, and its error if it failed."""
    started = time.perf_counter()
    try:
        call()
        out.put((kind, time.perf_counter() - started, None))
    except Exception as exc:  # counted, not raised: the point is to see failures
        out.put((kind, time.perf_counter() - started, repr(exc)[:120]))


def sessions(threads: int, session: Callable[[int], None]) -> None:
    """`threads` concurrent sessions in this process, until each one's time is up."""
    pool = [threading.Thread(target=session, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()


def interpret_worker(url: str, seconds: float, threads: int, out: mp.Queue) -> None:
    from gradio_client import Client

    def run(n: int) -> None:
        client = Client(url, verbose=False)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            text, n = REPLIES[n % len(REPLIES)], n + 1
            timed(out, "interpret", lambda t=text: client.predict(
                t, "2026-11-26", "", False, api_name="/interpret"))

    sessions(threads, run)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    out.put(("client cpu", usage.ru_utime + usage.ru_stime, None))


def http_worker(url: str, seconds: float, threads: int, out: mp.Queue) -> None:
    """The same requests without gradio_client: one kept-alive HTTP connection per session,
    posting to the endpoint's direct route (interpret is served without the queue)."""
    import httpx

    def run(n: int) -> None:
        with httpx.Client(base_url=url, timeout=60) as client:
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                text, n = REPLIES[n % len(REPLIES)], n + 1
                timed(out, "interpret (plain HTTP)", lambda t=text: client.post(
                    "gradio_api/run/interpret",
                    json={"data": [t, "2026-11-26", "", False]}).raise_for_status())

    sessions(threads, run)


def practice_worker(url: str, seconds: float, out: mp.Queue) -> None:
    from gradio_client import Client

    client = Client(url, verbose=False)
    deadline = time.monotonic() + seconds
    lines = ["I'd learn the team's problems first and ship one small win.",
             "Thank you for your time. Could you tell me what the next steps are?"]
    while time.monotonic() < deadline:
        client.predict("Northwind", "Data Engineer", "Dana Reyes", "warm", "final_round",
                       "clear_timeline", api_name="/practice_start")
        for line in lines:
            if time.monotonic() >= deadline:
                break
            timed(out, "practice turn",
                  lambda t=line: client.predict(t, api_name="/practice_turn"))


def main() -> None:
    seconds = float(sys.argv[sys.argv.index("--seconds") + 1]) if "--seconds" in sys.argv \
        else 60.0
    port = free_port()
    env = {**os.environ, "COACH_PORT": str(port), "COACH_CLASSIFY_WITH_MODEL": "false"}
    server = subprocess.Popen([sys.executable, str(ROOT / "app.py")], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(240):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.5)
        from gradio_client import Client

        warm = Client(url, verbose=False)
        warm.predict("Northwind", "Data Engineer", "Dana Reyes", "warm", "final_round",
                     "clear_timeline", api_name="/practice_start")
        warm.predict("Warm-up answer.", api_name="/practice_turn")  # starts the model
        out: mp.Queue = mp.Queue()
        procs = [mp.Process(target=interpret_worker, args=(url, seconds, 5, out))
                 for _ in range(4)]
        procs += [mp.Process(target=practice_worker, args=(url, seconds, out))
                  for _ in range(3)]
        server_cpu = cpu_seconds(server.pid)
        results = collect(procs, out)
        server_cpu = cpu_seconds(server.pid) - server_cpu
        # Phase 2, interpret alone: the same 20 sessions with a plain HTTP client, to separate
        # the server's latency from gradio_client's own cost on these shared cores.
        plain_cpu = cpu_seconds(server.pid)
        results += collect([mp.Process(target=http_worker, args=(url, seconds / 2, 5, out))
                            for _ in range(4)], out)
        plain_cpu = cpu_seconds(server.pid) - plain_cpu
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"Load on the launched app — {time.strftime('%Y-%m-%d')}, {platform.machine()}, "
          f"2 cores, {seconds:.0f} s: 20 interpret clients (4 processes x 5 threads, fast "
          "path) + 3 practice clients (embedded model)")
    print("| kind | requests | errors | p50 | p95 | max | target |\n|---|---|---|---|---|---|---|")
    for kind, target in (("interpret", "0 errors, p95 <= 500 ms"),
                         ("practice turn", "0 errors; queue, don't fail"),
                         ("interpret (plain HTTP)", "")):
        rows = [r for r in results if r[0] == kind]
        errors = [r for r in rows if r[2]]
        times = sorted(r[1] * 1000 for r in rows) or [0.0]
        p95 = times[max(0, int(0.95 * len(times)) - 1)]
        print(f"| {kind} | {len(rows)} | {len(errors)} | {statistics.median(times):.0f} ms | "
              f"{p95:.0f} ms | {times[-1]:.0f} ms | {target} |")
    clients = sum(r[1] for r in results if r[0] == "client cpu")
    plain = len([r for r in results if r[0] == "interpret (plain HTTP)"])
    print(f"\nCPU used in the gradio_client phase ({seconds:.0f} s): the app {server_cpu:.1f} s "
          f"(the built-in model included), the 20 interpret clients {clients:.1f} s — "
          "gradio_client's own work, on the same 2 cores.")
    print(f"The plain-HTTP row ran {seconds / 2:.0f} s afterwards, interpret only: the app "
          f"used {1000 * plain_cpu / max(1, plain):.0f} ms of CPU per request.")
    for _, _, error in [r for r in results if r[2]][:5]:
        print(f"error: {error}")


if __name__ == "__main__":
    main()
