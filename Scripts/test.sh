#!/usr/bin/env bash
# Sets up, builds release cilbox, runs the test suite. Extra args go to `swift test`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

Scripts/setup.sh
echo "test: generated opcode table is up to date with Utilities/Instructions.tsv"
python3 Utilities/generate-instruction-table.py --check
echo "test: swift build -c release"
swift build -c release
echo "test: swift test -c release $*"
exec swift test -c release "$@"
