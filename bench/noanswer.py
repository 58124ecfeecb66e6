#!/usr/bin/env python3
"""No-answer benchmark: does search admit when the knowledge base has no answer, and keep its answers when it has?

  python3 bench/noanswer.py [--url http://127.0.0.1:8081] [--out-of-scope ../shared/eval/lcqmc/queries-dev.jsonl]
                            [--calibrate] [--jar ui/target/kb-portal.jar | --backend-only] [--engine elasticsearch]

In-scope: bench/noanswer/in-scope.tsv, paraphrases of the shipped index-data/ articles (written for this
benchmark, not their titles) with the article that answers each; right = a hit of that article in the top 3.
Out-of-scope: everyday questions from LCQMC (general domain, Baidu Knows; all 750 dev queries) and the first
200 StackFAQ dev queries (web applications: Gmail, Trello, ...); right = total 0 and no hits.
Both sets are split by line into a dev half (even lines) and a held-out half (odd lines).

Without --url it starts a backend with the shipped knowledge on a temporary data directory (as bench/relevance.py).
--calibrate: the backend this script starts runs with the gate off (KB_SEARCH_ANSWER_ENABLED=false), every
answer's evidence (answer.coverage, answer.similarity) is collected, thresholds are chosen on the dev half
(in-scope top-3 >= 95 %, then the most out-of-scope no-answers) and both halves are reported with them.
Standard library only.
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
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from relevance import ROOT, backend_command, free_port, request, wait_ready  # noqa: E402


def load_sets(out_of_scope):
    inscope = []
    with open(os.path.join(ROOT, "bench", "noanswer", "in-scope.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            q, article = line.rstrip("\n").split("\t")
            inscope.append((q, article))
    outscope = []
    with open(out_of_scope, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                outscope.append(json.loads(line)["query"])
    return inscope, outscope


def search(base, q):
    r = request(base + "/api/search?" + urllib.parse.urlencode({"q": q, "size": 10}))
    a = r.get("answer") or {}
    sim = a.get("similarity")
    return {"total": r["total"], "articles": [h["articleId"] for h in r["hits"]],
            "coverage": a.get("coverage", 0.0), "similarity": -1.0 if sim is None else sim,
            "answered": a.get("answered", True), "lang": "en" if not any("\u4e00" <= c <= "\u9fff" for c in q) else "zh"}


def passes(r, cov, sim_zh, sim_en):
    floor = sim_en if r["lang"] == "en" else sim_zh
    return r["coverage"] >= cov - 1e-9 or r["similarity"] >= floor


def rates(ins, outs, gate=None):
    """in-scope top-3 rate, out-of-scope no-answer rate; gate(r) decides answered (None: as the backend did)."""
    def answered(r):
        return r["total"] > 0 if gate is None else (gate(r) and r["total"] > 0)
    top3 = sum(1 for r, art in ins if answered(r) and art in r["articles"][:3]) / max(1, len(ins))
    none = sum(1 for r in outs if not answered(r)) / max(1, len(outs))
    return top3, none


def calibrate(ins, outs):
    """Thresholds with in-scope top-3 >= 95 % and the most out-of-scope no-answers, then the most in-scope
    keeps; of the combinations tied on both, the lowest coverage (keyword queries such as "数据库 备份 网络" rely
    on it) and the median of each similarity floor (the middle of the gap between the two sets rather than an
    edge of it, so the held-out half is not decided by one question)."""
    best, tied = None, []
    covs = [x / 20 for x in range(4, 21)]
    sims = [x / 100 for x in range(55, 96)]
    for cov in covs:
        for sz in sims:
            for se in sims:
                top3, none = rates(ins, outs, lambda r: passes(r, cov, sz, se))
                if top3 < 0.95:
                    continue
                key = (none, top3)
                if best is None or key > best:
                    best, tied = key, []
                if key == best:
                    tied.append((cov, sz, se))
    if not tied:
        return None
    cov = min(t[0] for t in tied)
    tied = [t for t in tied if t[0] == cov]
    return (cov,) + tuple(sorted(t[i] for t in tied)[len(tied) // 2] for i in (1, 2))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", help="a running backend with the shipped knowledge (index-data/)")
    ap.add_argument("--out-of-scope", default=os.path.join(ROOT, "..", "shared", "eval", "lcqmc", "queries-dev.jsonl"))
    ap.add_argument("--out-of-scope-en", default=os.path.join(ROOT, "..", "shared", "eval", "stackfaq", "queries-dev.jsonl"),
                    help="English out-of-scope questions (StackExchange web-apps: Gmail, Trello, ...)")
    ap.add_argument("--calibrate", action="store_true")
    ap.add_argument("--jar", default=os.path.join(ROOT, "ui", "target", "kb-portal.jar"))
    ap.add_argument("--backend-only", action="store_true")
    ap.add_argument("--engine", default="lucene", choices=["lucene", "elasticsearch"])
    ap.add_argument("--es-uris", default="http://127.0.0.1:9200")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--dump", help="write every answer's evidence here (JSON) for a later look")
    args = ap.parse_args()
    inscope, outscope = load_sets(os.path.abspath(args.out_of_scope))
    with open(args.out_of_scope_en, encoding="utf-8") as f:
        outscope += [json.loads(line)["query"] for line in f if line.strip()][:200]

    proc, tmp, base = None, None, args.url
    try:
        if base is None:
            tmp = tempfile.mkdtemp(prefix="kb-noanswer-")
            port = free_port()
            env = dict(os.environ, KB_DATA_DIR=tmp, KB_BACKEND_PORT=str(port), KB_UI_PORT=str(free_port()),
                       KB_SEED_INDEX_DATA="true", KB_SEARCH_ENGINE=args.engine, KB_ES_URIS=args.es_uris,
                       KB_ES_INDEX="kb-noanswer-%d" % port)
            if args.calibrate:
                env["KB_SEARCH_ANSWER_ENABLED"] = "false"
            env.pop("KB_BACKEND_URL", None)
            log = open(os.path.join(tmp, "portal.log"), "w")
            cmd = backend_command() + ["org.kbportal.backend.BackendMain"] if args.backend_only \
                else ["java", "-jar", args.jar]
            proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
            base = "http://127.0.0.1:%d" % port
        wait_ready(base, proc)
        token = request(base + "/api/auth/login", json.dumps(
            {"username": "admin", "password": os.environ.get("KB_ADMIN_PASSWORD", "admin-demo-2026")}).encode(),
            {"Content-Type": "application/json"})["token"]
        while request(base + "/api/admin/index/status",
                      headers={"Authorization": "Bearer " + token}).get("pending", 0) > 0:
            time.sleep(1)  # vectors follow through the outbox: measure with them

        ins = [(search(base, q), art) for q, art in inscope]
        outs = [search(base, q) for q in outscope]
        if args.dump:
            with open(args.dump, "w", encoding="utf-8") as f:
                json.dump({"in": [[r, a, q] for (r, a), (q, _) in zip(ins, inscope)],
                           "out": [[r, q] for r, q in zip(outs, outscope)]}, f, ensure_ascii=False)
        halves = {"dev": (ins[0::2], outs[0::2]), "held-out": (ins[1::2], outs[1::2])}
        print("in-scope %d (dev %d), out-of-scope %d (dev %d), %s" % (
            len(ins), len(halves["dev"][0]), len(outs), len(halves["dev"][1]), base))
        gate = None
        if args.calibrate:
            top3, none = rates(*halves["dev"])
            print("gate off, dev: in-scope top-3 %.3f, out-of-scope no-answer %.3f" % (top3, none))
            chosen = calibrate(*halves["dev"])
            if chosen is None:
                sys.exit("no thresholds keep 95 % of the in-scope dev questions")
            cov, sz, se = chosen
            print("chosen on dev: KB_SEARCH_ANSWER_MIN_COVERAGE=%.2f KB_SEARCH_ANSWER_MIN_SIMILARITY_ZH=%.2f "
                  "KB_SEARCH_ANSWER_MIN_SIMILARITY_EN=%.2f" % (cov, sz, se))
            gate = lambda r: passes(r, cov, sz, se)  # noqa: E731
        for name, (i, o) in halves.items():
            top3, none = rates(i, o, gate)
            print("%-8s in-scope right hit in top 3: %.3f (%d)   out-of-scope no answer: %.3f (%d)" % (
                name, top3, len(i), none, len(o)))
        if args.show_misses:
            answered = (lambda r: r["total"] > 0) if gate is None else (lambda r: gate(r) and r["total"] > 0)
            for (q, art), (r, _) in zip(inscope, ins):
                if not (answered(r) and art in r["articles"][:3]):
                    print("in-scope miss: %s -> %s cov=%.2f sim=%.3f top=%s" % (
                        q, art, r["coverage"], r["similarity"], r["articles"][:3]))
            for q, r in zip(outscope, outs):
                if answered(r):
                    print("answered out-of-scope: %s cov=%.2f sim=%.3f top=%s" % (
                        q, r["coverage"], r["similarity"], r["articles"][:1]))
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
