# Sourced by every dictbench script: finds a JDK 25+ and the project root.
# Order: JAVA_HOME if it is 25 or newer, then the usual install locations (newest first).

DICTBENCH_MIN_JDK=25
export DICTBENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Flags every JVM of ours needs: FFM for page-cache control; JMH's Unsafe use on JDK 24+; lmdbjava's use of java.nio's
# internals. dictbench.os.JvmFlags.ACCESS is the same list (JvmFlagsTest).
DICTBENCH_JVM_FLAGS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED)

die() { echo "error: $*" >&2; exit 2; }

# The JVM encodes file names in the locale's charset: under the POSIX locale (no LANG, as in a bare
# CI job) a non-ASCII dataset path cannot even be named. Use C.UTF-8 unless a UTF-8 locale is set.
case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in
  *[Uu][Tt][Ff]-8*|*[Uu][Tt][Ff]8*) ;;
  *) export LC_ALL=C.UTF-8 ;;
esac

# Prints the calling script's header comment (line 2 up to 'set -') as its help, and exits 0.
usage() { sed -n '2,/^set -/{/^set -/d;s/^# \{0,1\}//;p}' "$1"; exit 0; }

# need_value OPTION ARGS_LEFT WHAT: dies unless OPTION is followed by a value.
need_value() { [ "$2" -ge 2 ] || die "$1 needs $3"; }

# Prints the feature version (e.g. 25) of the java binary given, or nothing.
jdk_feature_version() {
  local java="$1" line
  [ -x "$java" ] || return 0
  line=$("$java" -XshowSettings:properties -version 2>&1 | grep -m1 'java.specification.version') || return 0
  line=${line##*= }
  echo "${line%%.*}"
}

# Sets JAVA_HOME to a JDK >= 25 (with javac) or dies with what to install.
find_jdk() {
  local candidate v best="" best_v=0
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(jdk_feature_version "$JAVA_HOME/bin/java")
    if [ -n "$v" ] && [ "$v" -ge "$DICTBENCH_MIN_JDK" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
      export JAVA_HOME; return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /opt/*/jdk* \
                   "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
                   /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    v=$(jdk_feature_version "$candidate/bin/java")
    [ -n "$v" ] || continue
    if [ "$v" -ge "$DICTBENCH_MIN_JDK" ] && [ "$v" -gt "$best_v" ]; then best="$candidate"; best_v="$v"; fi
  done
  if [ -z "$best" ]; then
    local have="${JAVA_HOME:+JAVA_HOME=$JAVA_HOME is JDK $(jdk_feature_version "$JAVA_HOME/bin/java"); }"
    die "${have}no JDK ${DICTBENCH_MIN_JDK}+ found in JAVA_HOME or /usr/lib/jvm, /usr/java, /opt, ~/.sdkman, ~/.jdks; install one (e.g. Temurin 25) or set JAVA_HOME to it"
  fi
  export JAVA_HOME="$best"
}

find_maven() {
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is not on PATH; install Apache Maven 3.8 or newer"
}

# Builds target/benchmarks.jar when it is missing or older than any source.
build_if_needed() {
  local jar="$DICTBENCH_ROOT/target/benchmarks.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$DICTBENCH_ROOT/src/main" "$DICTBENCH_ROOT/pom.xml" -newer "$jar" -print -quit)" ]; then
    find_maven
    echo "building target/benchmarks.jar ..." >&2
    (cd "$DICTBENCH_ROOT" && mvn -B -q -DskipTests package) >&2 || die "build failed; run 'mvn -B package' in $DICTBENCH_ROOT to see why"
  fi
}

# The regression gate's suite (bench --suite gate: the quick suite, 5 forks x 10 shots): ci-perf runs it and calibrate-gate measures
# the gate on it, so both must run exactly this. DICTBENCH_PERF_FORKS / DICTBENCH_PERF_SHOTS resize it.
PERF_SUITE_ARGS=(--suite gate ${DICTBENCH_PERF_FORKS:+--forks "$DICTBENCH_PERF_FORKS"} ${DICTBENCH_PERF_SHOTS:+--iterations "$DICTBENCH_PERF_SHOTS"})

dictbench_cli() {
  "$JAVA_HOME/bin/java" "${DICTBENCH_JVM_FLAGS[@]}" ${DICTBENCH_CLI_HEAP:--Xmx4g} \
    -cp "${DICTBENCH_JAR:-$DICTBENCH_ROOT/target/benchmarks.jar}" dictbench.cli.Main "$@"
}
