#!/usr/bin/env bash
# Starts the whole portal (UI :8080, backend :8081) from the production jar, in production mode.
# Builds ui/target/kb-portal.jar first when it is missing or older than a source, seed file or pom
# (KB_JAR=/path/to.jar: run that jar, no build). Runs the jar extracted to a plain class path, with
# Lucene's SIMD module and, on Java 25, an ahead-of-time cache (JEP 483/514/515) that a training run
# makes once per jar and JDK (KB_AOT=false: none). Arguments go to the application, KB_JAVA_OPTS to
# the JVM; KB_DATA_DIR, KB_UI_PORT etc. as in the README. KB_RUN_DIR: where the extracted jar and the
# cache live (default ui/target/kb-portal-run).
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=.mvn/find-jdk.sh
. "$root/.mvn/find-jdk.sh" || exit 1

jar=${KB_JAR:-$root/ui/target/kb-portal.jar}
if [ -z "${KB_JAR:-}" ]; then
  # files the build writes itself into the source tree (see .gitignore) don't count
  if [ ! -f "$jar" ] || [ -n "$(find "$root"/backend/src/main "$root"/ui/src/main "$root"/index-data \
      "$root"/pom.xml "$root"/*/pom.xml \( -path "$root/ui/src/main/frontend/generated" \
      -o -path "$root/ui/src/main/bundles" -o -path "$root/ui/src/main/frontend/index.html" \) -prune \
      -o -type f -newer "$jar" -print -quit)" ]; then
    echo "Building the production jar (./mvnw package: Vaadin production mode is the default build) ..."
    (cd "$root" && ./mvnw -B -ntp -DskipTests package)
  fi
fi
[ -f "$jar" ] || { echo "ERROR: no jar at $jar" >&2; exit 1; }

run=${KB_RUN_DIR:-$root/ui/target/kb-portal-run}
mkdir -p "$run" && run=$(cd "$run" && pwd)
app=$run/app/kb-portal.jar
jar_id="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar") $(stat -c '%s %Y' "$jar")"
if [ "$(cat "$run/app.id" 2>/dev/null)" != "$jar_id" ]; then
  echo "Extracting $jar to $run/app ..."
  rm -rf "$run/app" "$run/app.new" "$run/app.id"
  java -Djarmode=tools -jar "$jar" extract --destination "$run/app.new" \
    --application-filename kb-portal.jar >"$run/extract.log" 2>&1 || { cat "$run/extract.log" >&2; exit 1; }
  mv "$run/app.new" "$run/app" && echo "$jar_id" >"$run/app.id"
fi

# Lucene 10 scores vectors with SIMD only with the incubator module; it calls madvise through FFM
opts=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
read -ra extra <<<"${KB_JAVA_OPTS:-}"
opts+=("${extra[@]}")

free_port() { # a port nothing listens on (bash connects to it: refused = free)
  local p
  while p=$((20000 + RANDOM % 40000)); (: <"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do :; done
  echo "$p"
}

# Training run: the whole portal with the default profile, H2 and Lucene in a throwaway directory, on
# free ports, with no KB_*/SPRING_* setting of the real run (it must not touch real data). Once both
# contexts are ready and served a few requests it gets SIGTERM; on exit the JVM writes the cache.
# (-Dspring.context.exit=onRefresh halts the JVM when the *backend* context refreshes: the UI context,
# Tomcat and Vaadin never load, and the backend's web server and seeding don't run either.)
train() {
  local ui be i=0 u unset_env=()
  data=$(mktemp -d) ui=$(free_port) be=$(free_port)
  for u in $(compgen -e); do case $u in KB_* | SPRING_*) unset_env+=(-u "$u") ;; esac; done
  echo "Training the AOT cache, once per jar and JDK (a minute or two; log: $run/aot-training.log) ..."
  env "${unset_env[@]}" KB_DATA_DIR="$data" KB_UI_PORT="$ui" KB_BACKEND_PORT="$be" java "${opts[@]}" \
    -XX:AOTCacheOutput="$run/new.aot" -jar "$app" </dev/null >"$run/aot-training.log" 2>&1 &
  pid=$!
  trap 'stop_training; exit 130' INT TERM
  until curl -fs -m 5 "http://127.0.0.1:$be/actuator/health/readiness" | grep -q UP &&
    curl -fso /dev/null -m 5 "http://127.0.0.1:$ui/"; do
    if ! kill -0 "$pid" 2>/dev/null || [ $((i += 1)) -gt 1200 ]; then # died, or 10 minutes
      echo "The AOT training run did not get ready (see $run/aot-training.log)."
      stop_training && return 1
    fi
    sleep 0.5
  done
  for u in "$ui/" "$be/api/categories" "$be/api/articles?size=5" "$be/api/search?q=vpn"; do
    curl -fso /dev/null -m 30 "http://127.0.0.1:$u" || true
  done
  kill -TERM "$pid" # shutdown, then the JVM records and assembles the cache (in a child JVM)
  i=0
  while kill -0 "$pid" 2>/dev/null; do
    [ $((i += 1)) -le 1200 ] || { echo "The AOT training run did not end."; stop_training && return 1; }
    sleep 0.5
  done
  [ -s "$run/new.aot" ] && mv "$run/new.aot" "$run/kb-portal.aot" ||
    echo "The AOT training run wrote no cache (see $run/aot-training.log)."
  stop_training && [ -s "$run/kb-portal.aot" ]
}
stop_training() {
  kill -KILL "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$data" "$run"/new.aot*
  trap - INT TERM
}

if [ "$KB_JAVA_MAJOR" -ge 25 ] && [ "${KB_AOT:-true}" != false ]; then
  # a cache fits one extracted jar, one JDK and one set of JVM options
  aot_id="$jar_id|$JAVA_HOME $(stat -c %Y "$JAVA_HOME/lib/modules")|${opts[*]}"
  if [ "$(cat "$run/kb-portal.aot.id" 2>/dev/null)" != "$aot_id" ]; then
    rm -f "$run/kb-portal.aot" "$run/kb-portal.aot.id"
    train || echo "(Not trained again for this jar: delete $run/kb-portal.aot.id to retry.)"
    echo "$aot_id" >"$run/kb-portal.aot.id"
  fi
  if [ -s "$run/kb-portal.aot" ]; then
    # AOTMode is auto: a cache the JVM refuses (stale, damaged) is skipped with "[aot]" log lines
    # and start-up goes on without it; delete kb-portal.aot.id to train again
    echo "Using the AOT cache $run/kb-portal.aot"
    opts+=(-XX:AOTCache="$run/kb-portal.aot" -Xlog:aot=warning)
  else
    echo "Starting without an AOT cache."
  fi
fi

echo "KB portal: http://localhost:${KB_UI_PORT:-8080} (REST API on :${KB_BACKEND_PORT:-8081}; Ctrl-C stops it)"
demo=true
case "${SPRING_PROFILES_ACTIVE:-} $*" in *prod*) demo=false ;; esac
[ "${KB_SEED_DEMO_ACCOUNTS:-true}" != false ] || demo=false
if $demo; then
  echo "*** DEMO: accounts with PUBLISHED passwords (README, 'Demo accounts'): admin / admin-demo-2026," \
    "expert / expert-demo-2026, user / user-demo-2026, ... Data: ${KB_DATA_DIR:-$HOME/kb-portal-data}"
  echo "*** Not for real use: see README, 'Run it for real' (prod profile, KB_ADMIN_PASSWORD, no demo accounts, TLS)."
fi
exec java "${opts[@]}" -jar "$app" "$@"
