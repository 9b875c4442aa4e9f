#!/usr/bin/env bash
# Checks the programs against Mono only (no cilbox): builds each one (mcs / ilasm), runs it
# on `mono` twice (the second time under a Turkish locale, to catch culture-dependent output)
# with args `a b c` and stdin closed, and requires identical stdout, first stderr line and
# exit code; then runs it on `mono --interpreter` and reports (without failing) differences.
# Usage: Tests/Programs/verify-mono.sh [-v] [program files...]   (default: all)
#   -v  also print each program's stdout and exit code
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
shopt -s nullglob
verbose=0; [[ "${1:-}" == "-v" ]] && { verbose=1; shift; }
[[ $# -gt 0 ]] && files=("$@") || files=("$here"/CSharp/*.cs "$here"/IL/*.il)
failures=0; interpdiff=0

run() { # run EXE TAG [mono options...] -> TAG.out, TAG.err1, TAG.rc
    local exe="$1" tag="$2"; shift 2
    (cd "$work" && timeout 60 env $MONOENV mono "$@" "$exe" a b c </dev/null >"$tag.out" 2>"$tag.errall"; echo $? >"$tag.rc")
    head -n 1 "$work/$tag.errall" >"$work/$tag.err1"
}
same() { cmp -s "$work/$1.out" "$work/$2.out" && cmp -s "$work/$1.err1" "$work/$2.err1" && cmp -s "$work/$1.rc" "$work/$2.rc"; }

for f in "${files[@]}"; do
    name="$(basename "$f")"; base="${name%.*}"; exe="$work/$base.exe"
    case "$name" in
    *.cs) flags="$(sed -n '1s|^// mcs-flags:||p' "$f")"
          # shellcheck disable=SC2086
          mcs -nologo -warn:0 $flags -out:"$exe" "$f" >"$work/build.log" 2>&1 ;;
    *.il) ilasm -quiet -output:"$exe" "$f" >"$work/build.log" 2>&1 ;;
    esac || { echo "FAIL $name: build"; cat "$work/build.log"; failures=$((failures+1)); continue; }
    MONOENV="LANG=C.UTF-8" run "$exe" a
    MONOENV="LANG=tr_TR.UTF-8 LC_ALL=tr_TR.UTF-8" run "$exe" b
    if ! same a b; then echo "FAIL $name: not deterministic"; diff "$work/a.out" "$work/b.out" | head -5; failures=$((failures+1)); continue; fi
    MONOENV="LANG=C.UTF-8" run "$exe" i --interpreter
    note=""
    if ! same a i; then note=" INTERPRETER DIFFERS"; interpdiff=$((interpdiff+1)); fi
    echo "$name: exit $(cat "$work/a.rc"), $(wc -l <"$work/a.out") lines$note"
    if [[ -n "$note" ]]; then diff "$work/a.out" "$work/i.out" | head -6; echo "  rc $(cat "$work/a.rc") vs $(cat "$work/i.rc"); err1: $(cat "$work/i.err1")"; fi
    if [[ $verbose == 1 ]]; then sed 's/^/    /' "$work/a.out"; [[ -s "$work/a.errall" ]] && sed 's/^/  ! /' "$work/a.errall" | head -3; fi
done
echo "failures: $failures, interpreter differences: $interpdiff"
exit $(( failures > 0 ))
