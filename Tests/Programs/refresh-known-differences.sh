#!/usr/bin/env bash
# Rewrites known-differences.tsv from a record file written by ProgramTests
# (CILBOX_PROGRAMS_RECORD=<file> swift test -c release --filter ProgramTests): keeps the
# comment header and lists every program recorded as failing, sorted, with its reason.
# Usage: Tests/Programs/refresh-known-differences.sh RECORD_FILE
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
record="${1:?usage: $0 RECORD_FILE}"
list="$here/known-differences.tsv"
tmp="$(mktemp)"
grep '^#' "$list" >"$tmp" || true
awk -F'\t' '$2 == "fail" { print $1 "\t" $3 }' "$record" | sort -u >>"$tmp"
mv "$tmp" "$list"
echo "$(grep -vc '^#' "$list") programs listed in $list"
