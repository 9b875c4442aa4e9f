#!/usr/bin/env bash
# Builds release cilbox, compiles Samples/Hello.cs with mcs, runs it on mono and inside cilbox,
# then shows `cilbox info` and `cilbox disasm` of it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

Scripts/setup.sh
echo "sample: swift build -c release"
swift build -c release

out=.build-samples
mkdir -p "$out"
echo "sample: mcs Samples/Hello.cs -> $out/Hello.exe"
mcs -nologo -out:"$out/Hello.exe" Samples/Hello.cs
echo "sample: mono $out/Hello.exe"
mono "$out/Hello.exe"

echo "sample: cilbox run $out/Hello.exe   (the same program inside cilbox's emulator)"
.build/release/cilbox run "$out/Hello.exe"

echo "sample: cilbox info $out/Hello.exe"
.build/release/cilbox info "$out/Hello.exe"
echo "sample: cilbox disasm $out/Hello.exe"
.build/release/cilbox disasm "$out/Hello.exe"
