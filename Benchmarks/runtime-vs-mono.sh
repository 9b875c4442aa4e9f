#!/usr/bin/env bash
# Benchmark (not a test): each program in Benchmarks/Programs run by cilbox, by
# `mono --interpreter` and by `mono` (JIT) in one run, with wall time, peak memory and the
# ratios. Issue 3's first target: cilbox within 3x of mono --interpreter on each.
#
#   Benchmarks/runtime-vs-mono.sh [RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
Scripts/setup.sh >/dev/null
swift build -c release --product cilbox >/dev/null
runs="${1:-3}"
out=.build-bench
mkdir -p "$out"
for src in Benchmarks/Programs/*.cs; do
    name=$(basename "$src" .cs)
    mcs -nologo -optimize+ -out:"$out/$name.exe" "$src"
    expected=$(mono "$out/$name.exe")
    actual=$(.build/release/cilbox run "$out/$name.exe")
    [[ "$expected" == "$actual" ]] || { echo "$name: cilbox printed '$actual', mono '$expected'" >&2; exit 1; }
    echo "== $name"
    python3 Benchmarks/measure.py --runs "$runs" \
        --name cilbox -- .build/release/cilbox run "$out/$name.exe" ::: \
        --name mono-interp -- mono --interpreter "$out/$name.exe" ::: \
        --name mono-jit -- mono "$out/$name.exe"
done
