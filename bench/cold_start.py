#!/usr/bin/python3
"""Cold start of the command line: median wall time of `cartelgraph path "El Ruso" "Los Garibay"`
beside a C++ hello world (compiled here with the same compiler), runs interleaved, and the shared
libraries the dynamic loader opens for each (its LD_DEBUG=files record).

    bench/cold_start.py [--runs N] LABEL=CARTELGRAPH [LABEL=CARTELGRAPH ...]
"""
import os
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile
import time

QUERY = ["path", "El Ruso", "Los Garibay"]
HELLO = '#include <iostream>\nint main() { std::cout << "hello, world\\n"; }\n'


def hello_world(work):
    source = work / "hello.cpp"
    source.write_text(HELLO)
    binary = work / "hello"
    subprocess.run([os.environ.get("CXX", "c++"), "-O2", str(source), "-o", str(binary)], check=True)
    return [str(binary)]


def once(argv, devnull):
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)])
    _, status = os.waitpid(pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{argv} failed with status {status}")
    return elapsed


def libraries(argv):
    record = subprocess.run(argv, env=dict(os.environ, LD_DEBUG="files"), capture_output=True, text=True).stderr
    return re.findall(r"file=(\S+) \[0\];  generating link map", record)


def main():
    args = sys.argv[1:]
    runs = 200
    if args[:1] == ["--runs"]:
        runs, args = int(args[1]), args[2:]
    with tempfile.TemporaryDirectory() as tmp:
        commands = {"C++ hello world": hello_world(pathlib.Path(tmp))}
        for arg in args:
            label, binary = arg.split("=", 1)
            commands[label] = [str(pathlib.Path(binary).resolve())] + QUERY
        times = {label: [] for label in commands}
        devnull = os.open(os.devnull, os.O_WRONLY)
        for argv in commands.values():
            once(argv, devnull)  # warm the page cache
        for _ in range(runs):
            for label, argv in commands.items():
                times[label].append(once(argv, devnull))
        print(f"| program | shared libraries opened | median of {runs} runs | min |")
        print("|---|---|---|---|")
        for label, argv in commands.items():
            opened = libraries(argv)
            print(f"| {label} | {len(opened)} | {statistics.median(times[label]) * 1000:.1f} ms "
                  f"| {min(times[label]) * 1000:.1f} ms |")


if __name__ == "__main__":
    main()
