#!/usr/bin/env bash
# Runs every test: formatter check, unit tests (*Test) and integration tests (*IT: real backend on
# H2 and on a throwaway PostgreSQL, headless Chromium against the whole portal).
# Installs the Debian packages the tests need when they are missing (needs root or sudo).
# Builds with the first JDK >= 25 of JAVA_HOME, the PATH, /usr/lib/jvm (.mvn/find-jdk.sh).
set -euo pipefail
cd "$(dirname "$0")"
. .mvn/find-jdk.sh || exit 1

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing test dependencies: ${need[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

exec ./mvnw -B -ntp verify "$@"
