#!/usr/bin/env bash
# Builds the JMH benchmarks (the bundles they measure included) and runs them:
#   benchmarks/run.sh                      every benchmark (about 10 minutes)
#   benchmarks/run.sh GemmBenchmark -p threads=2 -rf json -rff gemm.json    any JMH options
# Needs Java 17 and Maven (dependencies from Maven Central); works from a fresh clone.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/bundles" "$root/benchmarks/src" "$root/benchmarks/pom.xml" \( -name target -prune \) \
    -o \( -type f \( -name '*.java' -o -name 'pom.xml' -o -name '*.bnd' \) -newer "$jar" -print \) | head -n 1)" ]; then
  echo "benchmarks: building (mvn -Pbenchmarks -pl benchmarks -am package)..." >&2
  (cd "$root" && mvn -B -q -Pbenchmarks -pl benchmarks -am -DskipTests -DskipITs package) >&2
fi
exec java --add-modules jdk.incubator.vector -jar "$jar" "$@"
