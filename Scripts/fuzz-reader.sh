#!/usr/bin/env bash
# Fuzzes the metadata reader with libFuzzer: PE/CLI loading (strict and lenient), the index,
# every table row, signature, method body and IL stream — the pipeline of
# Tests/HostileInputTests/ReaderPipeline.swift, compiled into Fuzz/ReaderFuzzer.
#
# Usage: Scripts/fuzz-reader.sh [SECONDS]          (default 60)
#   FUZZ_JOBS=N        run N fuzzing processes in parallel (default 1)
#   FUZZ_NO_ASAN=1     build without AddressSanitizer
#   FUZZ_ARGS="..."    extra libFuzzer flags
#
# Output under Fuzz/out/ (git-ignored): build/ (objects and the fuzzer), seeds/ (compiled seed
# programs), corpus/ (grows across runs), crashes/ (reproducers). A crash, sanitizer report,
# timeout (>2 s) or RSS over 2 GiB stops the run, leaves the reproducer in Fuzz/out/crashes/
# and exits non-zero. Replay one with: Fuzz/out/build/reader-fuzzer FILE
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"

seconds="${1:-60}"
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: $0 [SECONDS]" >&2; exit 64; }

say()  { printf 'fuzz-reader: %s\n' "$*"; }
fail() { printf 'fuzz-reader: error: %s\n' "$*" >&2; exit 1; }

out="$root/Fuzz/out"
build="$out/build"
mkdir -p "$build" "$out/seeds" "$out/corpus" "$out/crashes"

command -v swiftc >/dev/null || fail "swiftc not found; install Swift 6 (https://www.swift.org/install)"

# --- sanitizers: libFuzzer always, AddressSanitizer when this toolchain links it ---------------
sanitizers="fuzzer,address"
if [[ -n "${FUZZ_NO_ASAN:-}" ]]; then
    sanitizers="fuzzer"
elif [[ ! -f "$build/.asan-ok" ]]; then
    probe="$build/probe"
    mkdir -p "$probe"
    cat >"$probe/probe.swift" <<'EOF'
@_cdecl("LLVMFuzzerTestOneInput")
public func probe(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { 0 }
EOF
    if swiftc -parse-as-library -sanitize=fuzzer,address "$probe/probe.swift" -o "$probe/probe" >/dev/null 2>&1 \
        && "$probe/probe" -runs=1 >/dev/null 2>&1; then
        touch "$build/.asan-ok"
    else
        say "AddressSanitizer does not link here; building with -sanitize=fuzzer only"
        sanitizers="fuzzer"
    fi
fi
flags=(-O -wmo -swift-version 6 -parse-as-library "-sanitize=$sanitizers")

# --- build: one object per library module, then the fuzzer -----------------------------------
fuzzer="$build/reader-fuzzer"
modules=(CILMetadata CILInstructions)
[[ -d Sources/CILDisassembler ]] && modules+=(CILDisassembler)
pipeline="Tests/HostileInputTests/ReaderPipeline.swift"
stamp_inputs=("${modules[@]/#/Sources/}" Fuzz/ReaderFuzzer "$pipeline" "${BASH_SOURCE[0]}")

# Linker chatter about ASan's local symbols is noise; real errors still show.
quiet_link() { grep -v -e "Cannot export local symbol '__asan" -e '^$' || true; }

needs_build=1
if [[ -x "$fuzzer" && "$(cat "$build/.sanitizers" 2>/dev/null)" == "$sanitizers" ]] \
    && [[ -z "$(find "${stamp_inputs[@]}" -newer "$fuzzer" -print -quit)" ]]; then
    needs_build=0
fi
if [[ "$needs_build" -eq 1 ]]; then
    objects=()
    for m in "${modules[@]}"; do
        say "swiftc $m (-sanitize=$sanitizers)"
        mapfile -t sources < <(find "Sources/$m" -name '*.swift' | sort)
        swiftc "${flags[@]}" -module-name "$m" -I "$build" \
            -emit-module -emit-module-path "$build/$m.swiftmodule" \
            -c "${sources[@]}" -o "$build/$m.o" || fail "building $m failed"
        objects+=("$build/$m.o")
    done
    say "swiftc reader-fuzzer"
    mapfile -t fuzz_sources < <(find Fuzz/ReaderFuzzer -name '*.swift' | sort)
    if ! swiftc "${flags[@]}" -module-name ReaderFuzzer -I "$build" \
        "${fuzz_sources[@]}" "$pipeline" "${objects[@]}" -o "$fuzzer" 2>&1 | quiet_link; then
        fail "building the fuzzer failed"
    fi
    echo "$sanitizers" >"$build/.sanitizers"
fi

# --- seeds: the hostile-corpus seed programs, the C# fixtures, small BCL assemblies ----------
if [[ -z "$(ls -A "$out/corpus")" ]]; then
    say "seeding $out/corpus"
    seeds="$out/seeds"
    if command -v mcs >/dev/null && command -v ilasm >/dev/null; then
        printf 'hostile seed resource\n' >"$seeds/seed.resource"
        for cs in Tests/HostileInputTests/Seeds/*.cs; do
            mcs -nologo -unsafe -target:library -resource:"$seeds/seed.resource",Seed.resource \
                -out:"$seeds/$(basename "$cs" .cs).dll" "$cs" >/dev/null 2>&1 || say "mcs failed on $cs (skipped)"
        done
        for il in Tests/HostileInputTests/Seeds/*.il; do
            ilasm -dll -quiet -output:"$seeds/$(basename "$il" .il).dll" "$il" >/dev/null 2>&1 || say "ilasm failed on $il (skipped)"
        done
        for cs in Tests/Fixtures/CSharp/*.cs; do
            [[ -f "$cs" ]] || continue
            mcs -nologo -unsafe -out:"$seeds/fixture-$(basename "$cs" .cs).exe" "$cs" >/dev/null 2>&1 || true
        done
    else
        say "mcs/ilasm not found (Scripts/setup.sh installs them): seeding from the BCL only"
    fi
    bcl="${CILBOX_BCL:-/usr/lib/mono/4.5}"
    for dll in System.Reactive.Interfaces.dll Microsoft.VisualC.dll Mono.Btls.Interface.dll \
               System.Reactive.Debugger.dll Facades/System.AppContext.dll Facades/System.ValueTuple.dll; do
        [[ -f "$bcl/$dll" ]] && cp -L "$bcl/$dll" "$seeds/bcl-$(basename "$dll")"
    done
    cp "$seeds"/*.dll "$seeds"/*.exe "$out/corpus/" 2>/dev/null || true
    [[ -n "$(ls -A "$out/corpus")" ]] || fail "no seed assemblies: install Mono (Scripts/setup.sh) or set CILBOX_BCL"
fi

# --- run ---------------------------------------------------------------------------------------
jobs="${FUZZ_JOBS:-1}"
say "running for ${seconds}s ($jobs job(s)); corpus $(ls "$out/corpus" | wc -l) files"
args=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=2 -print_final_stats=1
      -artifact_prefix="$out/crashes/" -max_len=65536)
[[ "$jobs" -gt 1 ]] && args+=(-jobs="$jobs" -workers="$jobs")
# shellcheck disable=SC2206
args+=(${FUZZ_ARGS:-})
set +e
(cd "$out" && "$fuzzer" "${args[@]}" "$out/corpus")
status=$?
set -e
if [[ "$status" -ne 0 ]]; then
    say "FAILED (exit $status); reproducers:"
    ls -1t "$out/crashes/" | head -n 5 | sed "s|^|  $out/crashes/|"
    say "replay: $fuzzer FILE    minimise: $fuzzer -minimize_crash=1 -runs=100000 FILE"
    exit "$status"
fi
say "clean run of ${seconds}s"
