#!/usr/bin/env bash
# Benchmark (not a test): full text disassembly of mscorlib.dll by cilbox and by monodis,
# the same job side by side in one run, with wall time and peak memory of each.
# Goal of issue 2: cilbox at least 2x faster than monodis.
#
#   Benchmarks/disasm-vs-monodis.sh [ASSEMBLY] [RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

Scripts/setup.sh >/dev/null
swift build -c release --product cilbox >/dev/null

bcl="${CILBOX_BCL:-$(dirname "$(dirname "$(command -v mono)")")/lib/mono/4.5}"
assembly="${1:-$bcl/mscorlib.dll}"
runs="${2:-5}"
[[ -f "$assembly" ]] || { echo "no such assembly: $assembly (set CILBOX_BCL)" >&2; exit 66; }

echo "disassembling $(basename "$assembly") ($(stat -c %s "$assembly" 2>/dev/null || stat -f %z "$assembly") bytes), $runs runs each"
python3 Benchmarks/measure.py --runs "$runs" \
    --name cilbox -- .build/release/cilbox disasm "$assembly" ::: \
    --name monodis -- monodis "$assembly"
