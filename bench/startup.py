#!/usr/bin/env python3
"""Start-up of the whole portal (backend + UI in one JVM) from a production jar: time from launch until
the backend's readiness probe says UP and the UI answers `GET /`, when the log says both embedding
models are loaded, and the resident set size (RSS) of the JVM at that point and a few seconds later.

  python3 bench/startup.py --jar ui/target/kb-portal.jar --runs 3              # fresh data dir each run
  python3 bench/startup.py --jar ... --data-dir DIR --runs 3                   # restarts on an existing dir
  python3 bench/startup.py --jar ... --java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java \\
      --java-opts "--add-modules jdk.incubator.vector -XX:AOTCache=..."

A fresh data directory is seeded from the jar's index-data (the normal first start); with --data-dir
the first run seeds it if it is empty and later runs are restarts. Standard library only; one JSON line
per run is appended to --out.
"""

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

sys.stdout.reconfigure(line_buffering=True)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atec import proc_cpu, rss_mb  # noqa: E402
from relevance import free_port  # noqa: E402

MODELS_LOADED = "Embedding models loaded: [en, zh]"


def probe(url, want=None):
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            body = r.read()
            return r.status == 200 and (want is None or want in body)
    except (urllib.error.URLError, ConnectionError, OSError):
        return False


def one(args, data_dir):
    be, ui = free_port(), free_port()
    env = dict(os.environ, KB_DATA_DIR=data_dir, KB_BACKEND_PORT=str(be), KB_UI_PORT=str(ui))
    env.pop("KB_BACKEND_URL", None)
    os.makedirs(args.log_dir, exist_ok=True)
    log_path = os.path.join(args.log_dir, "kb-startup-%d.log" % int(time.time() * 1000))
    cmd = [args.java] + shlex.split(args.java_opts) + ["-jar", args.jar]
    load1 = os.getloadavg()[0]
    with open(log_path, "w") as log:
        t0 = time.time()
        proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    t = {}
    rss = {}
    try:
        while len(t) < 3:
            now = time.time() - t0
            if proc.poll() is not None:
                sys.exit("portal exited with %s (log: %s)" % (proc.returncode, log_path))
            if now > args.timeout:
                sys.exit("not ready after %ss (log: %s)" % (args.timeout, log_path))
            if "backend" not in t and probe("http://127.0.0.1:%d/actuator/health/readiness" % be, b'"UP"'):
                t["backend"] = time.time() - t0
                rss["backend"] = rss_mb(proc.pid)[0]
            if "ui" not in t and probe("http://127.0.0.1:%d/" % ui):
                t["ui"] = time.time() - t0
                rss["ui"] = rss_mb(proc.pid)[0]
            if "models" not in t:
                with open(log_path, errors="replace") as f:
                    if MODELS_LOADED in f.read():
                        t["models"] = time.time() - t0
                        rss["models"] = rss_mb(proc.pid)[0]
            time.sleep(0.1)
        rss_all, _ = rss_mb(proc.pid)
        cpu_at_ready = proc_cpu(proc.pid)
        time.sleep(args.settle)
        rss_settled, peak = rss_mb(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
    started = None
    with open(log_path, errors="replace") as f:
        for line in f:
            if "Started PortalLauncher in" in line:
                started = line.split("Started PortalLauncher in", 1)[1].strip()
    return {"label": args.label, "java": args.java, "java_opts": args.java_opts, "jar": args.jar,
            "ready_backend_s": t["backend"], "ready_ui_s": t["ui"], "models_loaded_s": t["models"],
            "ready_s": max(t["backend"], t["ui"]), "all_s": max(t.values()),
            "rss_mb": rss_all, "rss_mb_settled": rss_settled, "rss_mb_peak": peak, "rss_mb_at": rss,
            "cpu_s_at_ready": cpu_at_ready, "load1_before": load1, "started_line": started,
            "settle_s": args.settle, "log": log_path}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", required=True)
    ap.add_argument("--java", default="java")
    ap.add_argument("--java-opts", default="")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--data-dir", help="an existing data directory (restart); default: a fresh one per run")
    ap.add_argument("--settle", type=float, default=10, help="seconds after ready before the second RSS reading")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--label", default="")
    ap.add_argument("--out", default="/tmp/kb-startup.jsonl")
    ap.add_argument("--log-dir", default=tempfile.gettempdir(), help="where the portal logs go (one per run)")
    args = ap.parse_args()
    for i in range(args.runs):
        data_dir = args.data_dir or tempfile.mkdtemp(prefix="kb-startup-")
        try:
            r = one(args, data_dir)
        finally:
            if not args.data_dir:
                shutil.rmtree(data_dir, ignore_errors=True)
        r["run"] = i + 1
        r["fresh"] = not args.data_dir
        with open(args.out, "a") as f:
            f.write(json.dumps(r) + "\n")
        print("%s run %d (%s): backend ready %.1f s, UI %.1f s, models loaded %.1f s after launch; RSS %.0f MiB "
              "then, %.0f MiB %.0f s later (peak %.0f); CPU %.1f s until ready; load %.1f before" % (
                  args.label, i + 1, "fresh data dir" if not args.data_dir else "restart", r["ready_backend_s"],
                  r["ready_ui_s"], r["models_loaded_s"], r["rss_mb"], r["rss_mb_settled"], args.settle,
                  r["rss_mb_peak"], r["cpu_s_at_ready"], r["load1_before"]))


if __name__ == "__main__":
    main()
