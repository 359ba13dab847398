#!/usr/bin/env bash
# Issue 13's local check of several workers on one store: a small audit plan (fixed-original, N = 3, fine-tuning and
# NegGrad, the audit preset, 1 torch thread per cell: 11 cells) run by one `lethe run-cell` loop into one store and by
# two loops side by side into another; then every stored φ table, loss file and weight file of the two stores is
# compared (sha256), and so is every stored result and the audit's scores with their times, speeds, memory and hosts
# left out. Each loop walks the plan's cells in order with --wait 0 and comes back to the ones that exited 75 (held by
# the other loop, or their inputs not done yet), as a job array that retries does.
# Usage: bench/plan-workers.sh [WORK_DIR]   (LETHE: how to start lethe; default: the Release build's apphost)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(realpath -m "${1:-/tmp/lethe-plan-workers}")
lethe=${LETHE:-$PWD/src/Lethe.Cli/bin/Release/net10.0/linux-x64/Lethe.Cli}
rm -rf "$work"; mkdir -p "$work"
say() { printf '\n### %s\n' "$*"; }
run() { printf '$ %s\n' "$*"; "$@"; }

# One worker: every cell of the plan on store $1, in passes until no cell exits 75; its log is $2.
worker() {
  local store=$1 log=$2 todo
  todo=$(seq 0 $(( $(jq '.Cells | length' "$work/plan.json") - 1 )))
  while [[ -n $todo ]]; do
    local left="" progress=0
    for i in $todo; do
      local rc=0
      "$lethe" run-cell "$work/plan.json" --index "$i" --store "$store" --wait 0 --quiet >>"$log" 2>&1 || rc=$?
      case $rc in
        0) progress=1 ;;
        75) left+=" $i" ;;
        *) echo "cell $i failed (exit $rc): see $log" >&2; return 1 ;;
      esac
    done
    todo=$left
    if [[ -n $todo && $progress == 0 ]]; then sleep 3; fi
  done
}
made() { grep -o 'cell [0-9]* [^:]*: made' "$1" | sed 's/: made//; s/^cell //' | paste -sd, - | sed 's/,/, /g'; }

# Stored files whose bytes are results; then each result and the audit's scores without what a rerun changes.
fingerprints() { (cd "$1" && find . -name '*.phi.parquet' -o -name '*.losses.json' -o -name '*.ckpt' | sort | xargs sha256sum); }
values() {
  (cd "$1" && for f in $(find . -path '*/models/*.json' ! -name '*.losses.json' | sort); do
    printf '%s ' "$f"
    jq -cS 'walk(if type == "object" then del(.Seconds, .SpeedUp, .PeakMemoryMiB, .EvaluationSeconds, .Elapsed, .ImagesPerSecond, .ResidentMiB) else . end)' "$f" | sha256sum
  done
  for f in $(find . -name audit.json | sort); do printf '%s ' "$f"; jq -cS 'del(.Cost)' "$f" | sha256sum; done)
}

say "plan: fixed-original audit, N = 3, fine-tuning and NegGrad, audit preset, 1 torch thread per cell"
run "$lethe" plan audit --preset audit --n 3 --methods finetune,neggrad --threads 1 --cache "$work/cache" --store "$work/store-one" --out "$work/plan.json"

say "one worker loop, store-one"
start=$(date +%s)
worker "$work/store-one" "$work/one.log"
one=$(( $(date +%s) - start ))
echo "one worker: ${one} s wall; made: $(made "$work/one.log")"

say "two worker loops side by side, store-two"
start=$(date +%s)
worker "$work/store-two" "$work/two-a.log" & a=$!
worker "$work/store-two" "$work/two-b.log" & b=$!
wait $a; wait $b
two=$(( $(date +%s) - start ))
echo "two workers: ${two} s wall; A made: $(made "$work/two-a.log"); B made: $(made "$work/two-b.log")"
run "$lethe" plan show "$work/plan.json" --store "$work/store-two"

say "results: store-two against store-one"
fingerprints "$work/store-one" > "$work/one.sha256"; fingerprints "$work/store-two" > "$work/two.sha256"
values "$work/store-one" > "$work/one.values"; values "$work/store-two" > "$work/two.values"
if cmp -s "$work/one.sha256" "$work/two.sha256"; then echo "$(wc -l < "$work/one.sha256") φ, loss and weight files byte-identical"
else echo "files DIFFER:"; diff "$work/one.sha256" "$work/two.sha256" || true; exit 1; fi
if cmp -s "$work/one.values" "$work/two.values"; then echo "$(wc -l < "$work/one.values") results and scores equal (times, speeds, memory and hosts left out)"
else echo "values DIFFER:"; diff "$work/one.values" "$work/two.values" || true; exit 1; fi
made_total=$(cat "$work/two-a.log" "$work/two-b.log" | grep -c ': made (' || true)
echo "cells made by the two workers together: $made_total of $(jq '.Cells | length' "$work/plan.json")"
echo "wall time: one worker ${one} s, two workers ${two} s"
