#!/usr/bin/env python3
"""Runs commands side by side, several times each, and reports wall time and peak memory.

Each run is a child process whose standard output goes to /dev/null; its peak resident set
size comes from wait4's rusage for that child alone. Usage:

    measure.py --runs 5 --name cilbox -- cmd args ::: --name monodis -- cmd args
"""
import argparse
import json
import os
import statistics
import sys
import time


def run_once(argv):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return wall, rss, code


def main():
    argv = sys.argv[1:]
    runs = 5
    if argv[:1] == ["--runs"]:
        runs = int(argv[1])
        argv = argv[2:]
    groups, current = [], []
    for a in argv:
        if a == ":::":
            groups.append(current)
            current = []
        else:
            current.append(a)
    groups.append(current)
    results = []
    for g in groups:
        if g[:1] != ["--name"] or "--" not in g:
            sys.exit("each group is: --name NAME -- COMMAND ARGS")
        name, cmd = g[1], g[g.index("--") + 1:]
        samples = []
        for i in range(runs):
            wall, rss, code = run_once(cmd)
            if code != 0:
                sys.exit(f"{name}: run {i + 1} exited with {code}: {' '.join(cmd)}")
            samples.append((wall, rss))
        walls = [s[0] for s in samples]
        results.append({"name": name, "command": " ".join(cmd), "runs": runs,
                        "median_s": statistics.median(walls), "min_s": min(walls),
                        "peak_rss_mib": max(s[1] for s in samples) / 2**20})
    base = results[0]
    print(f"{'tool':<12} {'median s':>9} {'min s':>9} {'peak MiB':>9} {'vs ' + base['name']:>14}")
    for r in results:
        ratio = r["median_s"] / base["median_s"]
        print(f"{r['name']:<12} {r['median_s']:>9.3f} {r['min_s']:>9.3f} {r['peak_rss_mib']:>9.1f} {ratio:>13.2f}x")
    if os.environ.get("BENCH_JSON"):
        with open(os.environ["BENCH_JSON"], "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
