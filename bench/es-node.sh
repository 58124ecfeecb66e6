#!/usr/bin/env bash
# Starts a single-node Elasticsearch for the relevance harness and the benchmarks, from the same
# integ-test distribution the tests use (unpacked by `./mvnw -pl backend -am process-test-resources`).
#   bench/es-node.sh [port]        → prints the node's URL once it is healthy; stop it with
#   kill $(cat /tmp/kb-bench-es/pid)
# The integ-test zip has only the standard analyzer and no stemming (see docs/RELEVANCE.md).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-9200}"
home=$(ls -d backend/target/elasticsearch/elasticsearch-* 2>/dev/null | head -1)
if [ -z "$home" ]; then
  ./mvnw -B -q -ntp -pl backend -am process-test-resources
  home=$(ls -d backend/target/elasticsearch/elasticsearch-* | head -1)
fi
home=$(cd "$home" && pwd)
dir=/tmp/kb-bench-es
rm -rf "$dir" && mkdir -p "$dir/data" "$dir/logs"
cp -r "$home/config" "$dir/config"
sed -i -E "s|file=(logs/)?gc\.log|file=$dir/logs/gc.log|; s|HeapDumpPath=\S+|HeapDumpPath=$dir/logs|; s|ErrorFile=\S+|ErrorFile=$dir/logs/hs_err_pid%p.log|" "$dir/config/jvm.options"
chmod +x "$home"/bin/*
run=()
if [ "$(id -u)" -eq 0 ]; then
  chown -R nobody:nogroup "$dir"
  chmod o+rx "$home" "$(dirname "$home")"
  run=(runuser -u nobody --)
fi
ES_PATH_CONF="$dir/config" ES_JAVA_OPTS="${ES_JAVA_OPTS:--Xms1g -Xmx1g}" ES_JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}" \
  nohup "${run[@]}" "$home/bin/elasticsearch" -E cluster.name=kb-bench -E discovery.type=single-node \
  -E xpack.security.enabled=false -E network.host=127.0.0.1 -E http.port="$port" \
  -E path.data="$dir/data" -E path.logs="$dir/logs" -E cluster.routing.allocation.disk.threshold_enabled=false \
  > "$dir/console.log" 2>&1 &
echo $! > "$dir/pid"
for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$port/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; then
    echo "http://127.0.0.1:$port"
    exit 0
  fi
  sleep 1
done
tail -30 "$dir/console.log" >&2
exit 1
