#!/usr/bin/env python3
"""Relevance harness: a fresh portal, the corpus imported through the API, every query through
GET /api/search, scored exactly as ../shared/tools/score.py defines it.

  python3 bench/relevance.py ../shared/eval/stackfaq [--split dev] [--jar ui/target/kb-portal.jar]
                             [--keep-run runs/stackfaq.jsonl] [--url http://127.0.0.1:8081]
                             [--engine elasticsearch --es-uris http://127.0.0.1:9200]

Without --url it starts `java -jar <jar>` on free ports with a temporary data directory and the
shipped knowledge switched off, and stops it at the end.  Standard library only.
"""

import argparse
import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(url, data=None, headers=None, method=None, timeout=600):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return json.loads(r.read().decode("utf-8") or "null")


def backend_command(heap="2g", root=None, java="java", java_opts=()):
    """Runs the backend alone from <root>/backend/target (./mvnw -pl backend -am test-compile first): no UI, no jar.
    root: the source tree (default this one; e.g. a git worktree built for benchmarking)."""
    root = root or ROOT
    cp_file = os.path.join(root, "backend", "target", "bench-classpath.txt")
    env = dict(os.environ)
    if java != "java":  # the Maven wrapper runs on the JDK of that java binary
        env["JAVA_HOME"] = os.path.dirname(os.path.dirname(os.path.realpath(shutil.which(java) or java)))
    subprocess.run([os.path.join(root, "mvnw"), "-B", "-q", "-ntp", "-pl", "backend", "-am", "compile", "dependency:build-classpath",
                    "-Dmdep.outputFile=" + cp_file, "-Dmdep.includeScope=test"], cwd=root, check=True, env=env)
    with open(cp_file) as f:
        cp = ":".join([os.path.join(root, "backend", "target", "test-classes"),
                       os.path.join(root, "backend", "target", "classes"), f.read().strip()])
    return [java] + list(java_opts) + ["-Xmx" + heap, "-cp", cp]


def wait_ready(base, proc, seconds=180):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            sys.exit("portal exited with %s" % proc.returncode)
        try:
            if request(base + "/actuator/health/readiness", timeout=5).get("status") == "UP":
                return
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(1)
    sys.exit("portal not ready after %ss" % seconds)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("evaldir")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--jar", default=os.path.join(ROOT, "ui", "target", "kb-portal.jar"))
    ap.add_argument("--backend-only", action="store_true",
                    help="run the backend from backend/target instead of the portal jar (no UI)")
    ap.add_argument("--java", default="java", help="java binary that runs the jar (or the backend)")
    ap.add_argument("--java-opts", default="", help='extra JVM options, e.g. "--add-modules jdk.incubator.vector"')
    ap.add_argument("--tree", default=ROOT, help="source tree whose backend/target --backend-only runs")
    ap.add_argument("--url", help="use a running backend instead of starting one")
    ap.add_argument("--keep-run", help="write the run file here")
    ap.add_argument("--engine", default="lucene", choices=["lucene", "elasticsearch"],
                    help="search engine of the portal this script starts (bench/es-node.sh starts a node)")
    ap.add_argument("--es-uris", default="http://127.0.0.1:9200")
    ap.add_argument("--embeddings", default="true", help="false: lexical only")
    ap.add_argument("--size", type=int, default=20, help="hits fetched per query (>10: room for excluded ids)")
    args = ap.parse_args()

    evaldir = os.path.abspath(args.evaldir)
    name = os.path.basename(evaldir.rstrip("/"))
    queries_file = os.path.join(evaldir, "queries-%s.jsonl" % args.split)
    scorer = os.path.join(ROOT, "..", "shared", "tools", "score.py")
    if not os.path.exists(scorer):
        scorer = os.path.join(os.path.dirname(evaldir), "..", "tools", "score.py")

    proc, tmp = None, None
    base = args.url
    try:
        if base is None:
            tmp = tempfile.mkdtemp(prefix="kb-relevance-")
            port = free_port()
            env = dict(os.environ, KB_DATA_DIR=tmp, KB_BACKEND_PORT=str(port), KB_UI_PORT=str(free_port()),
                       KB_SEED_INDEX_DATA="false", KB_SEARCH_ENGINE=args.engine, KB_ES_URIS=args.es_uris,
                       KB_ES_INDEX="kb-relevance-%s-%d" % (name, port), KB_EMBEDDINGS=args.embeddings)
            env.pop("KB_BACKEND_URL", None)
            log = open(os.path.join(tmp, "portal.log"), "w")
            opts = shlex.split(args.java_opts)
            cmd = backend_command(root=args.tree, java=args.java, java_opts=opts) + [
                "org.kbportal.backend.BackendMain"] if args.backend_only else [args.java] + opts + ["-jar", args.jar]
            proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
            base = "http://127.0.0.1:%d" % port
        t0 = time.time()
        wait_ready(base, proc)
        token = request(base + "/api/auth/login", json.dumps(
            {"username": os.environ.get("KB_ADMIN_USER", "admin"),
             "password": os.environ.get("KB_ADMIN_PASSWORD", "admin-demo-2026")}).encode(),
            {"Content-Type": "application/json"})["token"]
        auth = {"Authorization": "Bearer " + token}
        with open(os.path.join(evaldir, "corpus.jsonl"), "rb") as f:
            corpus = f.read()
        t1 = time.time()
        result = request(base + "/api/admin/import", corpus, dict(auth, **{"Content-Type": "application/x-ndjson"}))
        t_imported = time.time()
        if result.get("failedTotal"):
            print("import failures:", result["failed"][:5], file=sys.stderr)
        # vectors follow through the outbox when the engine has them: wait until nothing is pending
        while True:
            try:
                status = request(base + "/api/admin/index/status", headers=auth)
            except urllib.error.HTTPError as e:
                if e.code == 404:
                    break
                raise
            if status.get("pending", 0) == 0:
                break
            time.sleep(1)
        t2 = time.time()
        run, latencies = [], []
        with open(queries_file, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                q = json.loads(line)
                url = base + "/api/search?" + urllib.parse.urlencode({"q": q["query"], "size": args.size})
                s = time.perf_counter()
                try:
                    r = request(url, headers=auth)
                    hits = [h["id"] for h in r["hits"]]
                except urllib.error.HTTPError as e:
                    print("query %s: HTTP %s" % (q["qid"], e.code), file=sys.stderr)
                    hits = []
                latencies.append((time.perf_counter() - s) * 1000)
                run.append({"qid": q["qid"], "hits": hits})
        t3 = time.time()
        run_file = args.keep_run or os.path.join(tempfile.gettempdir(), "kb-run-%s-%s.jsonl" % (name, args.split))
        os.makedirs(os.path.dirname(os.path.abspath(run_file)), exist_ok=True)
        with open(run_file, "w", encoding="utf-8") as f:
            for r in run:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        latencies.sort()
        print("%s [%s]: imported %d docs in %.1fs (lexically searchable), +%.1fs until vectors indexed; "
              "%d queries in %.1fs, HTTP latency median %.1f ms p95 %.1f ms" % (
                  name, args.engine if args.url is None else args.url, result.get("imported", 0),
                  t_imported - t1, t2 - t_imported, len(run), t3 - t2,
                  latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.95)]))
        sys.stdout.flush()
        subprocess.run([sys.executable, scorer, queries_file, run_file, "--dataset", name, "--split", args.split],
                       check=True)
        _ = t0
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
