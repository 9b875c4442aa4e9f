#!/usr/bin/env bash
# Installs what cilbox's build, tests and samples need: Mono (mono, mcs, ilasm, monodis)
# as the reference runtime and toolchain, and checks that Swift is there.
# Idempotent: does nothing when everything is already installed.
set -euo pipefail

say()  { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# python3 runs the opcode-table check and the benchmarks; Debian packages it as python3.
MONO_TOOLS=(mono mcs ilasm monodis python3)

missing_tools() {
    local t out=()
    for t in "${MONO_TOOLS[@]}"; do
        command -v "$t" >/dev/null 2>&1 || out+=("$t")
    done
    echo "${out[*]:-}"
}

missing="$(missing_tools)"
if [[ -z "$missing" ]]; then
    say "mono toolchain present ($(command -v mono))"
else
    say "missing: $missing"
    case "$(uname -s)" in
    Linux)
        command -v apt-get >/dev/null 2>&1 \
            || fail "apt-get not found; install Mono (mono, mcs, ilasm, monodis) with your package manager"
        SUDO=()
        if [[ "$(id -u)" -ne 0 ]]; then
            command -v sudo >/dev/null 2>&1 \
                || fail "not root and sudo not found; run as root: apt-get install mono-devel mono-utils"
            SUDO=(sudo)
        fi
        export DEBIAN_FRONTEND=noninteractive
        say "apt-get update"
        "${SUDO[@]}" apt-get update -q </dev/null >/dev/null \
            || fail "apt-get update failed"
        # mono-devel brings mono, mcs and ilasm; monodis is in mono-utils.
        say "apt-get install mono-devel mono-utils python3"
        "${SUDO[@]}" apt-get install -y -q --no-install-recommends mono-devel mono-utils python3 </dev/null >/dev/null \
            || fail "apt-get install mono-devel mono-utils python3 failed"
        ;;
    Darwin)
        command -v brew >/dev/null 2>&1 \
            || fail "Homebrew not found; install it (https://brew.sh), then: brew install mono"
        say "brew install mono"
        brew install mono </dev/null || fail "brew install mono failed"
        ;;
    *)
        fail "unsupported system $(uname -s); install Mono (mono, mcs, ilasm, monodis) yourself"
        ;;
    esac
    missing="$(missing_tools)"
    [[ -z "$missing" ]] || fail "still missing after install: $missing"
    say "mono toolchain installed"
fi

command -v swift >/dev/null 2>&1 \
    || fail "swift not found; install the Swift toolchain (6.x) from https://www.swift.org/install and put it on PATH"
say "swift present ($(command -v swift))"
