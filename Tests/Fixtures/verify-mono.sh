#!/usr/bin/env bash
# Checks the fixtures against the reference toolchain only (no cilbox): builds each one
# (mcs / ilasm), runs it on mono twice (the second time under a Turkish locale, to catch
# culture-dependent output) and requires identical stdout, first stderr line and exit code;
# then disassembles it with monodis, re-assembles with ilasm, runs it and compares again.
# Exits non-zero if a fixture fails to build or is not deterministic; round-trip problems are
# only reported (monodis has known bugs, see README.md).
# Usage: Tests/Fixtures/verify-mono.sh [fixture files...]   (default: all)
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
shopt -s nullglob
[[ $# -gt 0 ]] && files=("$@") || files=("$here"/CSharp/*.cs "$here"/IL/*.il)
failures=0

run() { # run EXE TAG [ENV...] -> writes TAG.out, TAG.err1, TAG.rc
    local exe="$1" tag="$2"; shift 2
    (cd "$work" && env "$@" mono "$exe" </dev/null >"$tag.out" 2>"$tag.errall"; echo $? >"$tag.rc")
    head -n 1 "$work/$tag.errall" >"$work/$tag.err1"
}
same() { cmp -s "$work/$1.out" "$work/$2.out" && cmp -s "$work/$1.err1" "$work/$2.err1" && cmp -s "$work/$1.rc" "$work/$2.rc"; }

for f in "${files[@]}"; do
    name="$(basename "$f")"; base="${name%.*}"; exe="$work/$base.exe"
    case "$name" in
    *.cs) flags="$(sed -n '1s|^// mcs-flags:||p' "$f")"
          # shellcheck disable=SC2086
          mcs -nologo $flags -out:"$exe" "$f" >"$work/build.log" 2>&1 ;;
    *.il) ilasm -quiet -output:"$exe" "$f" >"$work/build.log" 2>&1 ;;
    esac || { echo "FAIL $name: build"; cat "$work/build.log"; failures=$((failures+1)); continue; }
    run "$exe" a; run "$exe" b LANG=tr_TR.UTF-8 LC_ALL=tr_TR.UTF-8
    if ! same a b; then echo "FAIL $name: not deterministic"; failures=$((failures+1)); continue; fi
    status="ok (exit $(cat "$work/a.rc"), $(wc -l <"$work/a.out") lines)"
    if ! monodis --output="$work/$base.dis.il" "$exe" >"$work/dis.log" 2>&1; then
        status="$status; monodis FAILED"
    elif ! ilasm -quiet -output:"$work/$base.rt.exe" "$work/$base.dis.il" >"$work/rt.log" 2>&1; then
        status="$status; re-ilasm FAILED: $(grep -m1 -i error "$work/rt.log")"
    else
        run "$work/$base.rt.exe" c
        if same a c; then status="$status; round-trip ok"; else status="$status; round-trip DIFFERS"; fi
    fi
    echo "$name: $status"
done
exit $(( failures > 0 ))
