#!/usr/bin/env python3
"""Search benchmark on the ATEC corpus (77.5k short Chinese questions; internal measurement only,
never shipped): import throughput (lexical, then embeddings through the outbox) and search latency
p50/p95/p99 at 1 and 8 concurrent clients through the HTTP API, for one engine per run; with
--floor, the same queries through the search pipeline in process (no HTTP) on the same index.

  bench/es-node.sh                                   # only for --engine elasticsearch
  python3 bench/atec.py --engine lucene --floor
  python3 bench/atec.py --engine elasticsearch --es-uris http://127.0.0.1:9200

Standard library only (plus the Maven wrapper for --floor).  Results go to stdout and, as JSON, to
--out (default /tmp/kb-atec-<engine>.json).
"""

import argparse
import http.client
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

sys.stdout.reconfigure(line_buffering=True)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from relevance import ROOT, backend_command, free_port, request, wait_ready  # noqa: E402

CLK_TCK = os.sysconf("SC_CLK_TCK")


def proc_cpu(pid):
    """utime + stime of a process (all its threads), in seconds."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def machine_cpu():
    """(busy, total) jiffies of the whole machine, all cores, from /proc/stat."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + v[4]
    return sum(v) - idle, sum(v)


def rss_mb(pid):
    """(VmRSS, VmHWM) of a process in MiB."""
    out = {}
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:")):
                out[line.split(":")[0]] = int(line.split()[1]) / 1024
    return out.get("VmRSS", 0), out.get("VmHWM", 0)


def pct(sorted_values, p):
    k = max(0, min(len(sorted_values) - 1, int(-(-p * len(sorted_values) // 1)) - 1))
    return sorted_values[k]


def load(base, queries, clients, rounds, pid=None):
    """Every client its own keep-alive connection; queries split round-robin between clients.
    With pid: CPU of that process (the portal) per search, from /proc/<pid>/stat before and after."""
    u = urllib.parse.urlparse(base)
    rtt, took, errors = [], [], []
    lock = threading.Lock()

    def client(offset):
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
        mine_rtt, mine_took = [], []
        for _ in range(rounds):
            for q in queries[offset::clients]:
                s = time.perf_counter()
                conn.request("GET", "/api/search?size=10&q=" + urllib.parse.quote(q))
                resp = conn.getresponse()
                body = resp.read()
                mine_rtt.append((time.perf_counter() - s) * 1000)
                if resp.status != 200:
                    errors.append(resp.status)
                else:
                    mine_took.append(json.loads(body)["tookMs"])
        with lock:
            rtt.extend(mine_rtt)
            took.extend(mine_took)

    load1 = os.getloadavg()[0]
    cpu0 = proc_cpu(pid) if pid else 0
    own0 = os.times()
    m0 = machine_cpu()
    t0 = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    m1 = machine_cpu()
    own1 = os.times()
    cpu = (proc_cpu(pid) - cpu0) if pid else None
    client_cpu = (own1.user + own1.system) - (own0.user + own0.system)
    machine_busy = (m1[0] - m0[0]) / CLK_TCK
    rtt.sort()
    took.sort()
    n = len(rtt)
    return {"clients": clients, "n": n, "errors": len(errors), "qps": n / wall, "wall_s": wall,
            "p50": pct(rtt, .5), "p95": pct(rtt, .95), "p99": pct(rtt, .99),
            "server_p50": pct(took, .5), "server_p99": pct(took, .99),
            "cpu_ms_per_search": None if cpu is None else cpu * 1000 / n,
            "client_cpu_ms_per_search": client_cpu * 1000 / n,
            # CPU the rest of the machine (other processes) used during the run, in cores
            "other_cores": None if cpu is None else max(0.0, machine_busy - cpu - client_cpu) / wall,
            "load1_before": load1}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--engine", default="lucene", choices=["lucene", "elasticsearch"])
    ap.add_argument("--es-uris", default="http://127.0.0.1:9200")
    ap.add_argument("--jar", default=os.path.join(ROOT, "ui", "target", "kb-portal.jar"))
    ap.add_argument("--java", default="java", help="java binary for the portal (and the floor)")
    ap.add_argument("--java-opts", default="",
                    help='extra JVM options, e.g. "--add-modules jdk.incubator.vector -XX:AOTCache=..."')
    ap.add_argument("--tree", default=ROOT,
                    help="source tree whose backend/target runs --floor and --backend-only (e.g. a git worktree)")
    ap.add_argument("--warmup", type=int, default=100, help="queries sent before the measured runs")
    ap.add_argument("--jfr", help="record the measured runs with JFR (settings=profile) into this file")
    ap.add_argument("--jfr-opts", default="", help='more JFR.start options, e.g. "jdk.CPUTimeSample#enabled=true"')
    ap.add_argument("--no-http", action="store_true", help="with --reuse --floor: only the in-process floor")
    ap.add_argument("--evaldir", default=os.path.join(ROOT, "..", "shared", "eval", "atec"))
    ap.add_argument("--rounds", type=int, default=2, help="passes over the 750 dev queries per client count")
    ap.add_argument("--clients", default="1,8")
    ap.add_argument("--floor", action="store_true", help="also run the queries in process (Lucene only)")
    ap.add_argument("--backend-only", action="store_true",
                    help="run the backend from backend/target instead of the portal jar (no UI)")
    ap.add_argument("--out")
    ap.add_argument("--keep", action="store_true", help="keep the data directory (printed) for further runs")
    ap.add_argument("--reuse", help="a data directory kept by an earlier run (--keep): skip the import; the index "
                                    "of the chosen engine is rebuilt from its database with the cached vectors")
    args = ap.parse_args()
    clients = [int(c) for c in args.clients.split(",")]
    with open(os.path.join(args.evaldir, "queries-dev.jsonl"), encoding="utf-8") as f:
        queries = [json.loads(line)["query"] for line in f if line.strip()]
    with open(os.path.join(args.evaldir, "corpus.jsonl"), "rb") as f:
        corpus = f.read()
    docs = corpus.count(b"\n")
    tmp = args.reuse or tempfile.mkdtemp(prefix="kb-atec-")
    port = free_port()
    env = dict(os.environ, KB_DATA_DIR=tmp, KB_BACKEND_PORT=str(port), KB_UI_PORT=str(free_port()),
               KB_SEED_INDEX_DATA="false", KB_SEARCH_ENGINE=args.engine, KB_ES_URIS=args.es_uris,
               KB_ES_INDEX="kb-atec-%d" % port)
    env.pop("KB_BACKEND_URL", None)
    result = {"engine": args.engine, "docs": docs, "queries": len(queries), "java": args.java,
              "java_opts": args.java_opts, "jar": None if args.backend_only else args.jar}
    if args.no_http:
        floor(args, tmp, clients, result)
        return
    log = open(os.path.join(tmp, "portal.log"), "a" if args.reuse else "w")
    opts = shlex.split(args.java_opts)
    cmd = backend_command(root=args.tree, java=args.java, java_opts=opts) + [
        "org.kbportal.backend.BackendMain"] if args.backend_only else [args.java] + opts + [
        "-Xmx2g", "-jar", args.jar]
    launched = time.time()
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = "http://127.0.0.1:%d" % port
    try:
        wait_ready(base, proc, 600)
        result["ready_s"] = time.time() - launched
        token = request(base + "/api/auth/login", json.dumps(
            {"username": "admin", "password": "admin-demo-2026"}).encode(),
            {"Content-Type": "application/json"})["token"]
        auth = {"Authorization": "Bearer " + token}
        t0 = time.time()
        if args.reuse:
            while True:
                st = request(base + "/api/admin/index/status", headers=auth)
                if st["pending"] == 0 and st["rebuild"]["state"] != "RUNNING" and st["indexed"] >= docs:
                    break
                time.sleep(2)
            result["index_ready_s"] = time.time() - t0
            print("reused %s: ready %.1f s after launch, index ready %.1f s after that (rebuilt from the database"
                  " with cached vectors, or reused)" % (tmp, result["ready_s"], time.time() - t0))
        else:
            import_corpus(base, auth, corpus, result)
        result["rss_mb_index_ready"] = rss_mb(proc.pid)[0]
        load(base, (queries * 10)[:args.warmup], 2 if args.warmup > 100 else 1, 1)  # warm-up (JIT)
        result["http"] = []
        jcmd = os.path.join(os.path.dirname(os.path.realpath(shutil.which(args.java) or args.java)), "jcmd")
        if args.jfr:  # profile the measured runs only (not start-up and warm-up)
            subprocess.run([jcmd, str(proc.pid), "JFR.start", "name=atec", "settings=profile",
                            "filename=" + os.path.abspath(args.jfr)] + shlex.split(args.jfr_opts),
                           check=True, capture_output=True)
        for c in clients:
            r = load(base, queries, c, args.rounds, proc.pid)
            result["http"].append(r)
            print("HTTP %-13s clients=%d n=%d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  (%.0f q/s; server tookMs"
                  " p50 %d p99 %d; errors %d)  CPU %.2f ms/search (client %.2f; other processes %.2f cores;"
                  " load %.1f before)" % (args.engine, c, r["n"], r["p50"], r["p95"], r["p99"], r["qps"],
                                          r["server_p50"], r["server_p99"], r["errors"], r["cpu_ms_per_search"],
                                          r["client_cpu_ms_per_search"], r["other_cores"], r["load1_before"]))
        if args.jfr:
            subprocess.run([jcmd, str(proc.pid), "JFR.stop", "name=atec"], check=True, capture_output=True)
            print("JFR recording of the measured runs:", args.jfr)
        result["rss_mb_after_load"], result["rss_mb_peak"] = rss_mb(proc.pid)
        print("RSS %.0f MiB when the index was ready, %.0f MiB after the load runs (peak %.0f MiB)"
              % (result["rss_mb_index_ready"], result["rss_mb_after_load"], result["rss_mb_peak"]))
    finally:
        proc.terminate()
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
    floor(args, tmp, clients, result)


def import_corpus(base, auth, corpus, result):
    t0 = time.time()
    imported = request(base + "/api/admin/import", corpus, dict(auth, **{"Content-Type": "application/x-ndjson"}))
    t1 = time.time()
    while request(base + "/api/admin/index/status", headers=auth)["pending"] > 0:
        time.sleep(2)
    t2 = time.time()
    n = imported["imported"]
    result["import"] = {"imported": n, "lexical_s": t1 - t0, "lexical_docs_per_s": n / (t1 - t0),
                        "embedding_s": t2 - t1, "embedding_docs_per_s": n / max(t2 - t1, 1e-9)}
    print("import: %d docs lexically searchable in %.1f s (%.0f docs/s); vectors for all in %.1f s more"
          " (%.0f docs/s)" % (n, t1 - t0, n / (t1 - t0), t2 - t1, n / max(t2 - t1, 1e-9)))


def floor(args, tmp, clients, result):
    try:
        if args.floor and args.engine == "lucene":
            cp = backend_command(root=args.tree, java=args.java, java_opts=shlex.split(args.java_opts))
            qfile = os.path.join(args.evaldir, "queries-dev.jsonl")
            out = subprocess.run(cp + ["org.kbportal.backend.bench.InProcessSearchBench",
                                  tmp, qfile, str(args.rounds)] + [str(c) for c in clients],
                                 check=True, capture_output=True, text=True).stdout
            result["in_process"] = [line for line in out.splitlines() if line.startswith("in-process")]
            print("\n".join(result["in_process"]))
    finally:
        if args.keep or args.reuse:
            print("data directory kept:", tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    with open(args.out or "/tmp/kb-atec-%s.json" % args.engine, "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
