#!/usr/bin/env python3
"""Search latency on a running backend: each query N times over HTTP (keep-alive), median / p95 of the
server-side tookMs and of the client round trip.  Standard library only.

  python3 bench/latency.py [--url http://127.0.0.1:8081] [--rounds 30]
"""
import argparse
import http.client
import json
import time
import urllib.parse

QUERIES = ["数据库备份", "网络不通", "backup", "VPN 证书过期", "账号被锁定怎么办", "打印机脱机",
           "how to restore a deleted table", "勒索病毒应急处置", "磁盘空间满", "password reset"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="http://127.0.0.1:8081")
    ap.add_argument("--rounds", type=int, default=30)
    args = ap.parse_args()
    u = urllib.parse.urlparse(args.url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    for path in ("/api/search?q=", "/api/search/suggest?q="):
        took, rtt = [], []
        for r in range(args.rounds + 3):
            for q in QUERIES:
                s = time.perf_counter()
                conn.request("GET", path + urllib.parse.quote(q))
                body = json.loads(conn.getresponse().read())
                if r >= 3:  # warm-up rounds
                    rtt.append((time.perf_counter() - s) * 1000)
                    if isinstance(body, dict):
                        took.append(body["tookMs"])
        rtt.sort()
        line = "%-24s n=%d  round trip median %.1f ms  p95 %.1f ms" % (
            path, len(rtt), rtt[len(rtt) // 2], rtt[int(len(rtt) * 0.95)])
        if took:
            took.sort()
            line += "  | server tookMs median %d  p95 %d" % (took[len(took) // 2], took[int(len(took) * 0.95)])
        print(line)


if __name__ == "__main__":
    main()
