#!/usr/bin/env bash
# A/B: jar A (the build before) against jar B (the change), rounds in turn.
set -euo pipefail
OUT=$1; ROUNDS=${2:-2}
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
mkdir -p "$OUT"
for r in $(seq 1 $ROUNDS); do
  for v in B C; do
    $J --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Ddictbench.root=/work/main \
      -jar /tmp/$v.jar SubprocessLoadBenchmark -p dataset=default -p cache=warm -p mode=pool \
      -p split=false -p threads=1,2 -f 2 -wi 2 -i 8 -jvmArgsAppend "-Xms5632m -Xmx5632m -Xmn2560m" \
      -rf json -rff "$OUT/ab-$v-$r.json" > "$OUT/ab-$v-$r.log" 2>&1
    echo "round $r $v done $(date +%T)"
  done
done
