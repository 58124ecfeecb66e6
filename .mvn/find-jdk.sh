# shellcheck shell=bash
# Sourced by test.sh and run.sh: finds a JDK new enough for the project and exports JAVA_HOME
# and PATH (its bin first). Order: $JAVA_HOME, the `java` on the PATH, the newest JDK under
# $KB_JVM_ROOT (default /usr/lib/jvm). Sets KB_JAVA_MAJOR; returns 1 with a hint when none fits.
# The minimum is the pom's (maven.compiler.release and the enforcer rule): KB_JAVA_MIN, default 25.

_kb_java_min=${KB_JAVA_MIN:-25}

# The feature version (17, 21, 25, ...) of the JDK at $1, or nothing when $1 is no JDK.
_kb_jdk_major() {
  local v=""
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  [ -r "$1/release" ] && v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release")
  [ -n "$v" ] || v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = //p')
  v=${v#1.}                 # 1.8.0_402 -> 8.0_402
  echo "${v%%[!0-9]*}"      # 25.0.3 / 25-ea -> 25
}

_kb_jdk_pick() { # $1 home, $2 where it came from
  KB_JAVA_MAJOR=$(_kb_jdk_major "$1")
  [ -n "$KB_JAVA_MAJOR" ] && [ "$KB_JAVA_MAJOR" -ge "$_kb_java_min" ] || return 1
  export JAVA_HOME="$1" KB_JAVA_MAJOR
  export PATH="$JAVA_HOME/bin:$PATH"
  echo "Using Java $KB_JAVA_MAJOR ($2): $JAVA_HOME" >&2
}

_kb_jdk_find() {
  local home major best="" best_major=0 root=${KB_JVM_ROOT:-/usr/lib/jvm}
  if [ -n "${JAVA_HOME:-}" ]; then
    _kb_jdk_pick "$JAVA_HOME" "JAVA_HOME" && return 0
    echo "Note: JAVA_HOME=$JAVA_HOME is $(if [ -n "$KB_JAVA_MAJOR" ]; then echo "Java $KB_JAVA_MAJOR"; else echo "no JDK"; fi)," \
      "this project needs Java >= $_kb_java_min; looking further." >&2
  fi
  if command -v java >/dev/null 2>&1; then
    # java.home of the JVM on the PATH (follows /usr/bin/java -> /etc/alternatives -> ...)
    home=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.home = //p') || true
    [ -n "$home" ] && _kb_jdk_pick "$home" "java on the PATH" && return 0
  fi
  for home in "$root"/*/; do
    home=${home%/}
    major=$(_kb_jdk_major "$home")
    if [ -n "$major" ] && [ "$major" -gt "$best_major" ]; then best=$home best_major=$major; fi
  done
  [ -n "$best" ] && _kb_jdk_pick "$best" "newest under $root" && return 0
  cat >&2 <<EOF
ERROR: no JDK >= $_kb_java_min found (checked JAVA_HOME, java on the PATH, $root/*).
Install JDK $_kb_java_min: Eclipse Temurin $_kb_java_min (package temurin-$_kb_java_min-jdk from Adoptium's apt
repository, installs into /usr/lib/jvm) or your distribution's openjdk-$_kb_java_min-jdk;
or set JAVA_HOME to a JDK >= $_kb_java_min.
EOF
  return 1
}

_kb_jdk_rc=0
_kb_jdk_find || _kb_jdk_rc=$?
unset -f _kb_jdk_major _kb_jdk_pick _kb_jdk_find
unset _kb_java_min
[ "$_kb_jdk_rc" -eq 0 ] # the status of a sourced file is that of its last command
