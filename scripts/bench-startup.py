#!/usr/bin/env python3
"""Start-up time and memory of Nestling against a blank Tauri window, measured side by side.

Usage (builds both release binaries first, then needs a display):
    scripts/bench-startup.sh [runs]

Both apps are built with `--release --features custom-protocol` in this workspace, so they use
the same Tauri and the same profile. Runs alternate (blank, Nestling, blank, …) so that a busy
moment of the machine falls on both. For each run:

- start-up: from the WebDriver request that launches the app to the moment its first screen can
  be used (Nestling's Today grid of kinds; the blank window's one line of text), found by polling
  the page every 10 ms. The driver's own overhead is the same for both, so the ratio is fair;
  the absolute figures include it.
- memory: 3 s after ready, the proportional set size (PSS, from /proc/PID/smaps_rollup) summed
  over the app's process and every process below it (WebKit's web and network processes), and
  reported per process name as well.

Nestling draws its page without WebKit's compositor (it sets WEBKIT_DISABLE_COMPOSITING_MODE
itself, on Linux). So the blank window runs more than once in each round: as Tauri makes it
("blank"), the floor the targets are set against, and drawn the same way as Nestling
("blank-nc"), which shows what Nestling adds on top of the same drawing. A third blank run
("blank-ipc") opens the blank window's scripted page, as Tauri draws it: one module that asks
one command for its line of text and draws it. It is the least any page with an app behind it
does before its first screen, so Nestling's ratio to it shows what Nestling's own start adds
beyond that.

The page's own timeline splits each start-up: when its document began, and the marks Nestling's
page sets when every module has been read and run (`nestling:scripts`) and when the journal has
been read (`nestling:journal`); the first screen follows. With `NESTLING_BENCH_BEFORE` naming
another build of Nestling (an earlier binary kept aside), that build runs in each round too, as
"before", for a side-by-side comparison of a change.

Nestling opens an empty journal in a fresh temporary data folder on every run. Prints medians,
minimum and maximum, and the ratios of Nestling to each blank window. Nothing is written
anywhere else.
"""

import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMPOSITING_ENV = "WEBKIT_DISABLE_COMPOSITING_MODE"
BLANK = ROOT / "target/release/nestling-blank-window"
# label: (binary, the selector of its first usable screen, variables set for it: the compositing
# variable is left unset unless named here)
APPS = {
    "blank": (BLANK, "#ready", {}),
    "blank-nc": (BLANK, "#ready", {COMPOSITING_ENV: "1"}),
    "blank-ipc": (BLANK, "#ready", {"NESTLING_BLANK_PAGE": "scripted.html"}),
    "nestling": (ROOT / "target/release/nestling", ".quick-grid", {}),
}
# Every run of the blank window is a floor Nestling's figures are divided by.
FLOORS = [label for label, (binary, _, _) in APPS.items() if binary == BLANK]
if os.environ.get("NESTLING_BENCH_BEFORE"):
    APPS["before"] = (Path(os.environ["NESTLING_BENCH_BEFORE"]), ".quick-grid", {})
SETTLE_SECONDS = 3.0
PATIENCE_SECONDS = 60.0


def free_ports():
    """Two distinct local ports free now, both held until both are known (a port let go at once
    can be handed out again, and a driver given the same port twice forwards to itself)."""
    with socket.socket() as one, socket.socket() as two:
        one.bind(("127.0.0.1", 0))
        two.bind(("127.0.0.1", 0))
        return one.getsockname()[1], two.getsockname()[1]


def request(port, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=data,
        method=method,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=PATIENCE_SECONDS) as resp:
        return json.loads(resp.read() or b"{}")


def wait_listening(port):
    deadline = time.monotonic() + PATIENCE_SECONDS
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    sys.exit(f"the WebDriver servers never listened on {port}")


def children(pid):
    """Direct children of `pid`, from /proc."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def tree(pid):
    """`pid` and every process below it."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children(p)
    return out


def pss_kib(pid):
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def name(pid):
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return "?"


def app_pid(driver_pid, binary):
    """The app's process: somewhere below tauri-driver, running `binary`."""
    for pid in tree(driver_pid):
        try:
            if Path(f"/proc/{pid}/exe").resolve() == binary.resolve():
                return pid
        except OSError:
            pass
    return None


def measure(label):
    binary, ready, variables = APPS[label]
    data = tempfile.mkdtemp(prefix="nestling-bench-")
    log_path = Path(data + ".log")
    port, native = free_ports()
    env = dict(os.environ, NESTLING_DATA_DIR=data)
    env.pop(COMPOSITING_ENV, None)
    env.update(variables)
    with open(log_path, "wb") as log:
        driver = subprocess.Popen(
            ["tauri-driver", "--port", str(port), "--native-port", str(native)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        # tauri-driver listens at once, the engine's driver it starts a moment later; a session
        # asked for before both listen is dropped unanswered.
        wait_listening(port)
        wait_listening(native)
        caps = {"capabilities": {"alwaysMatch": {"tauri:options": {"application": str(binary), "args": []}}}}
        start, wall = time.monotonic(), time.time()
        try:
            session = request(port, "POST", "/session", caps)["value"]["sessionId"]
            find = {"using": "css selector", "value": ready}
            while True:
                try:
                    request(port, "POST", f"/session/{session}/element", find)
                    break
                except urllib.error.HTTPError:
                    if time.monotonic() - start > PATIENCE_SECONDS:
                        sys.exit(f"{label}: {ready} never appeared")
                    time.sleep(0.01)
        except (urllib.error.URLError, ConnectionError) as err:
            # A run whose driver drops the connection is reported with the end of its log and
            # left out of the figures.
            tail = log_path.read_text(errors="replace").splitlines()[-8:]
            print(f"{label}: the driver dropped the session ({err}); this run is skipped. Its log ends:",
                  *("    " + line for line in tail), sep="\n", flush=True)
            return None
        startup_ms = (time.monotonic() - start) * 1000
        split = page_split(port, session, wall)
        time.sleep(SETTLE_SECONDS)
        pid = app_pid(driver.pid, binary)
        if pid is None:
            sys.exit(f"{label}: could not find the app's process")
        parts = {}
        for p in tree(pid):
            parts[name(p)] = parts.get(name(p), 0) + pss_kib(p)
        request(port, "DELETE", f"/session/{session}")
        return startup_ms, parts, split
    finally:
        stop_group(driver)
        shutil.rmtree(data, ignore_errors=True)
        log_path.unlink(missing_ok=True)


# The page's own timeline: when its document began (on the wall clock) and the marks it set.
TIMELINE = (
    "return {origin: performance.timeOrigin,"
    " marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])};"
)


def page_split(port, session, wall):
    """Where a start-up's time went, in ms from the launch request: when the page's document
    began (`page`), and each mark the page set on its timeline (Nestling's `nestling:scripts`,
    every module read and run, and `nestling:journal`, the journal read)."""
    # The driver now and then drops the first script after the element was found; one more try.
    for attempt in range(2):
        try:
            found = request(port, "POST", f"/session/{session}/execute/sync", {"script": TIMELINE, "args": []})["value"]
            break
        except (urllib.error.URLError, ConnectionError) as err:
            if attempt == 1:
                print(f"the page's timeline could not be read ({err}); this run has no split", flush=True)
                return {}
            time.sleep(0.1)
    page = found["origin"] - wall * 1000
    split = {"page": page}
    for mark, at in found["marks"]:
        split[mark.removeprefix("nestling:")] = page + at
    return split


def stop_group(driver):
    """Stops the driver and everything it started, and waits until all of it has gone, so that
    no closing app overlaps the next run."""
    os.killpg(driver.pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    try:
        driver.wait(timeout=10)
        while time.monotonic() < deadline:
            os.killpg(driver.pid, 0)
            time.sleep(0.05)
    except (subprocess.TimeoutExpired, ProcessLookupError):
        pass
    try:
        os.killpg(driver.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    driver.wait()


def summary(values):
    return statistics.median(values), min(values), max(values)


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    for label, (binary, _, _) in APPS.items():
        if not binary.exists():
            sys.exit(f"{binary} is missing: build it first (scripts/bench-startup.sh does)")
    # Start-up by round number: a skipped run leaves a gap, so rounds still pair up across apps.
    results = {label: {"startup": {}, "pss": [], "parts": [], "split": []} for label in APPS}
    for run in range(runs):
        for label in APPS:
            measured = measure(label)
            if measured is None:
                continue
            startup, parts, split = measured
            results[label]["split"].append(split)
            results[label]["startup"][run] = startup
            results[label]["pss"].append(sum(parts.values()) / 1024)
            results[label]["parts"].append(parts)
            print(f"run {run + 1} {label:9} start-up {startup:7.0f} ms  PSS {sum(parts.values()) / 1024:6.1f} MiB  "
                  + ", ".join(f"{k} {v / 1024:.1f}" for k, v in sorted(parts.items())), flush=True)
    print(f"\nmedians of {runs} rounds (min–max):")
    for label in APPS:
        s, p = summary(list(results[label]["startup"].values())), summary(results[label]["pss"])
        print(f"  {label:9} start-up {s[0]:6.0f} ms ({s[1]:.0f}–{s[2]:.0f})   PSS {p[0]:6.1f} MiB ({p[1]:.1f}–{p[2]:.1f})")
        # Medians over the runs whose timeline could be read.
        splits = [x for x in results[label]["split"] if x]
        steps = [step for step in ("page", "scripts", "journal") if splits and all(step in x for x in splits)]
        if steps:
            print(f"            reached, median ms from the launch request ({len(splits)} runs): "
                  + ", ".join(f"{step} {statistics.median(x[step] for x in splits):.0f}" for step in steps)
                  + f", first screen {s[0]:.0f}")
        names = sorted({n for parts in results[label]["parts"] for n in parts})
        for n in names:
            per = [parts.get(n, 0) / 1024 for parts in results[label]["parts"]]
            print(f"            {n:22} {statistics.median(per):6.1f} MiB")
    print()
    for app in ("nestling", "before"):
        for floor in FLOORS:
            if app not in results or not results[app]["startup"]:
                continue
            startup = (statistics.median(results[app]["startup"].values())
                       / statistics.median(results[floor]["startup"].values()))
            pss = statistics.median(results[app]["pss"]) / statistics.median(results[floor]["pss"])
            # The same ratio taken within each round, where the two ran a few seconds apart, then
            # the median of those: less moved by the machine drifting over the whole run.
            paired = [results[app]["startup"][r] / results[floor]["startup"][r]
                      for r in results[app]["startup"] if r in results[floor]["startup"]]
            print(f"{app} / {floor}: start-up {startup:.2f}x (within rounds {statistics.median(paired):.2f}x), "
                  f"memory {pss:.2f}x")


if __name__ == "__main__":
    main()
