#!/usr/bin/env bash
# Issue 13's fault drill on a real Slurm (the one-node cluster of .ci/slurm-up): a small audit plan run as job arrays
# three times, each into its own store, and once locally:
#   A. scancel --signal=KILL on one array task in the middle of its model: the task dies, Slurm cancels the later stages
#      (--kill-on-invalid-dep), and `lethe submit slurm` again submits only the cells not done;
#   B. scontrol requeue of one running array task: Slurm kills it and runs it again, the stages wait for it;
#   C. kill -9 of one worker process (the pid its cell lock names): its task reruns the cell in place.
# It prints `lethe plan show` before and after each fault and compares every stored φ table, loss file and weight file
# with the local run's (sha256). Usage: bench/slurm-faults.sh [WORK_DIR]   (LETHE: how to start lethe; default: the
# Release build's apphost)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(realpath -m "${1:-/tmp/lethe-slurm-faults}")
lethe=${LETHE:-$PWD/src/Lethe.Cli/bin/Release/net10.0/linux-x64/Lethe.Cli}
rm -rf "$work"; mkdir -p "$work"
say() { printf '\n### %s\n' "$*"; }
run() { printf '$ %s\n' "$*"; "$@"; }

# Wait until no job of the given ids is queued.
drain() { while [[ -n $(squeue -h -j "$1" 2>/dev/null) ]]; do sleep 1; done; }
# Wait until cell $2 of the store $1 has saved an epoch and is still held; print its worker's pid.
mid_model() {
  local cell=$1/$2
  until [[ -e $cell/training.progress.json && -e $1/$2.lock ]]; do
    [[ -e $cell/done.json ]] && { echo "cell $2 finished before the fault" >&2; exit 1; }
    sleep 0.05
  done
  sed -n 's/.*"ProcessId": *\([0-9]*\).*/\1/p' "$1/$2.lock"
}
fingerprints() { (cd "$1" && find . -name '*.phi.parquet' -o -name '*.losses.json' -o -name '*.ckpt' | sort | xargs sha256sum); }

say "plan: a fixed-original audit, N = 3, fine-tuning, audit preset at 3 epochs, 1 torch thread per cell"
run "$lethe" plan audit --preset audit --epochs 3 --n 3 --methods finetune --threads 1 --cache "$work/cache" --store "$work/store-a" --out "$work/plan.json"
victim=retrained-s43
cell_field() { python3 -c "import json,sys; p=json.load(open(sys.argv[1])); print(next(c[sys.argv[3]] for c in p['Cells'] if c['Name']==sys.argv[2]))" "$@"; }
victim_id=$(cell_field "$work/plan.json" "$victim" Id)
victim_index=$(cell_field "$work/plan.json" "$victim" Index)

say "local reference: the same plan in one process (lethe audit with the same options and its own store)"
start=$(date +%s)
run "$lethe" audit --preset audit --epochs 3 --n 3 --methods finetune --threads 1 --jobs 1 --cache "$work/cache" --store "$work/store-local" --out "$work/local" --quiet >/dev/null
echo "local run: $(( $(date +%s) - start )) s"

say "A. scancel --signal=KILL on array task $victim_index ($victim) in the middle of its model, then submit again"
start=$(date +%s)
run "$lethe" submit slurm "$work/plan.json" --max-running 2 --out "$work/slurm-a" | tee "$work/a.submit"
jobs=$(sed -n 's/^stage [0-9]*\/[0-9]*: job \([0-9]*\),.*/\1/p' "$work/a.submit" | paste -sd,)
first=${jobs%%,*}
mid_model "$work/store-a" "$victim_id" >/dev/null
run scancel --signal=KILL "${first}_${victim_index}"
sleep 3
run "$lethe" plan show "$work/plan.json"
run squeue -j "$jobs"
drain "$jobs"
say "A. after the first submission drained (later stages cancelled by --kill-on-invalid-dep)"
run "$lethe" plan show "$work/plan.json"
run "$lethe" submit slurm "$work/plan.json" --max-running 2 --out "$work/slurm-a" | tee "$work/a.resubmit"
drain "$(sed -n 's/^stage [0-9]*\/[0-9]*: job \([0-9]*\),.*/\1/p' "$work/a.resubmit" | paste -sd,)"
echo "A: $(( $(date +%s) - start )) s"
run "$lethe" plan show "$work/plan.json"

say "B. scontrol requeue of array task $victim_index ($victim) in the middle of its model"
start=$(date +%s)
run "$lethe" submit slurm "$work/plan.json" --store "$work/store-b" --max-running 2 --out "$work/slurm-b" | tee "$work/b.submit"
jobs=$(sed -n 's/^stage [0-9]*\/[0-9]*: job \([0-9]*\),.*/\1/p' "$work/b.submit" | paste -sd,)
first=${jobs%%,*}
mid_model "$work/store-b" "$victim_id" >/dev/null
run scontrol requeue "${first}_${victim_index}"
sleep 2
# Slurm holds a requeued job back for about two minutes; let it start at once.
run scontrol update jobid="${first}_${victim_index}" StartTime=now
run "$lethe" plan show "$work/plan.json" --store "$work/store-b"
drain "$jobs"
echo "B: $(( $(date +%s) - start )) s"
run "$lethe" plan show "$work/plan.json" --store "$work/store-b"

say "C. kill -9 of the worker process of $victim (the pid in its cell lock): its task reruns the cell in place"
start=$(date +%s)
run "$lethe" submit slurm "$work/plan.json" --store "$work/store-c" --max-running 2 --out "$work/slurm-c" | tee "$work/c.submit"
jobs=$(sed -n 's/^stage [0-9]*\/[0-9]*: job \([0-9]*\),.*/\1/p' "$work/c.submit" | paste -sd,)
pid=$(mid_model "$work/store-c" "$victim_id")
run kill -9 "$pid"
sleep 1
run "$lethe" plan show "$work/plan.json" --store "$work/store-c"
drain "$jobs"
echo "C: $(( $(date +%s) - start )) s"
run "$lethe" plan show "$work/plan.json" --store "$work/store-c"
grep -h "^lethe: cell $victim_index attempt" "$work/slurm-c/logs/cell-$victim_index.log"

say "results: every φ table, loss file and weight file of A, B and C against the local run (sha256)"
fingerprints "$work/store-local" > "$work/local.sha256"
for s in a b c; do
  fingerprints "$work/store-$s" > "$work/$s.sha256"
  if cmp -s "$work/local.sha256" "$work/$s.sha256"; then echo "$s: $(wc -l < "$work/$s.sha256") files identical to the local run's"
  else echo "$s: DIFFERS from the local run:"; diff "$work/local.sha256" "$work/$s.sha256" || true; exit 1; fi
done
for s in a b c; do
  echo "$s: $(find "$work/store-$s" -name done.json | wc -l) done cells, $(grep -hc ': made (' "$work"/slurm-$s/logs/*.log | paste -sd+ | bc) 'made' lines in the logs, $(find "$work/store-$s" -name '*.lock' -o -name '*.tmp' | wc -l) locks or temp files left"
done
