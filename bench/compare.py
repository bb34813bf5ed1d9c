#!/usr/bin/python3
"""Side by side in one run: cartelgraph, python3-igraph, python3-graph-tool (betweenness) and
python3-networkx (Debian packages) on the same graphs, with the same definitions; checks the
results agree and writes its sections of bench/RESULTS.md.

    bench/compare.py            # the sizes of the goals (long: hours on 2 cores, the 1M scale check included)
    bench/compare.py --quick    # small sizes, a few minutes
    bench/compare.py --only betweenness,pagerank   # these rows only, replaced in bench/RESULTS.md
    bench/compare.py --build-dir build/release      # time that build's binaries (not rebuilt)

Row groups for --only: path (the cold start: bench/cold_start.py), load, store (`cartelgraph
compile` and a query on its store against igraph reading a pickle of the same graph; says so when
the binary has no compile), betweenness, closeness, pagerank, scale (bench/scale_check.sh on a
generated network). --quick: smaller sizes (store and scale on 10,000 entities, not 1,000,000).

bench/RESULTS.md keeps what people wrote: compare.py rewrites only the blocks between its markers,
`<!-- compare.py begin: NAME -->` and `<!-- compare.py end: NAME -->` (summary: the table of the
row groups; cold-start; scale), and leaves every other line as it is. A block whose markers are
missing is added (summary after the title, the others at the end); markers that do not pair up
stop it before anything is written.
"""
import argparse
import json
import os
import pathlib
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import warnings

import igraph as ig
import networkx as nx

sys.dont_write_bytecode = True  # no __pycache__ in bench/ for the import below
import cold_start  # noqa: E402  bench/cold_start.py, beside this script

with warnings.catch_warnings():  # graph-tool without cairo or matplotlib: no drawing, as needed here
    warnings.simplefilter("ignore")
    import graph_tool.all as gt

ROOT = pathlib.Path(__file__).resolve().parents[1]
GROUPS = ("path", "load", "store", "betweenness", "closeness", "pagerank", "scale")
parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("--quick", action="store_true", help="small sizes, a few minutes")
parser.add_argument("--only", default=",".join(GROUPS),
                    help=f"comma-separated row groups to run ({', '.join(GROUPS)}); their rows and sections "
                    "replace the same ones of RESULTS.md, the rest is kept")
parser.add_argument("--build-dir", type=pathlib.Path,
                    help="time the binaries already built there instead of building the bench preset")
ARGS = parser.parse_args()
QUICK = ARGS.quick
ONLY = set(ARGS.only.split(","))
if not ONLY <= set(GROUPS):
    parser.error(f"--only takes {', '.join(GROUPS)}")
BUILD = (ROOT / ARGS.build_dir) if ARGS.build_dir else ROOT / "build" / "bench"
NX_LIMIT_SECONDS = 600  # NetworkX runs only where it finishes in about this time
rows = []
sections = {}  # name: the lines of a generated block of RESULTS.md, other than the summary


def build():
    if ARGS.build_dir:
        return
    subprocess.run(["cmake", "--preset", "bench"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", "--preset", "bench", "-j", str(os.cpu_count())], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


def ours(graph, operation, threads=0):
    out = subprocess.run([str(BUILD / "bench" / "time_ops"), str(graph), operation, str(threads)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def row(operation, workload, our_seconds, igraph_seconds, nx_seconds, agree, gt_seconds=None):
    rows.append((operation, workload, our_seconds, igraph_seconds, gt_seconds, nx_seconds, agree))
    fmt = lambda s: "—" if s is None else f"{s:.3f}"
    print(f"{operation:34} {workload:26} ours {fmt(our_seconds):>9}  igraph {fmt(igraph_seconds):>9}  "
          f"graph-tool {fmt(gt_seconds):>9}  networkx {fmt(nx_seconds):>9}  agree={agree}", flush=True)


def max_difference(a, b):
    return max(abs(x - y) for x, y in zip(a, b)) if len(a) == len(b) else float("inf")


def barabasi(n, m, work):
    g = ig.Graph.Barabasi(n, m, directed=False)
    g.simplify()
    path = work / f"ba_{n}_{m}.graphml"
    g.write_graphml(str(path))
    return g, path


def cold_path():
    """The cold start (bench/cold_start.py): its own section, and its row of the summary."""
    result = cold_start.measure(BUILD, 20 if QUICK else 200)
    sections["cold-start"] = cold_start.section(result, f"bench/compare.py {' '.join(sys.argv[1:])}")
    row("cold CLI path query (median)", "built-in data", result["ours"], None, result["networkx"], result["agree"])


def load(work, n):
    directory = work / f"typed_{n}"
    subprocess.run([str(BUILD / "bench" / "generate_graph"), str(n), str(directory), "1"], check=True,
                   stdout=subprocess.DEVNULL)
    result = ours(directory / "facts", "load")
    igraph_seconds, g = timed(lambda: ig.Graph.Read_GraphML(str(directory / "graph.graphml")))
    nx_seconds = None
    if n <= 100_000:
        nx_seconds, G = timed(lambda: nx.read_graphml(directory / "graph.graphml"))
    agree = g.vcount() == result["nodes"] and g.ecount() >= result["edges"]
    rows.append(("  JSON read rate", f"{n} entities", f"{result['bytes'] / result['seconds'] / 1e9:.3f} GB/s",
                 None, None, None, None))
    row("load + validate + build (JSON)", f"{n} entities", result["seconds"], igraph_seconds, nx_seconds, agree)
    return directory


def has_compile(cartelgraph):
    """Whether the binary has a `compile` command (a line of its help's subcommand list)."""
    help_text = subprocess.run([cartelgraph, "--help"], capture_output=True, text=True).stdout
    listed = help_text.split("\nSubcommands:", 1)[-1] if "\nSubcommands:" in help_text else ""
    return any(line.split()[:1] == ["compile"] for line in listed.splitlines())


def median_run(argv, runs):
    """Median wall seconds of `runs` runs of argv, process start to exit, and the last run's result."""
    times = []
    for _ in range(runs):
        seconds, done = timed(lambda: subprocess.run(argv, capture_output=True, text=True))
        times.append(seconds)
    return statistics.median(times), done


def store(work):
    """The compiled store (`compile`, then `--data net.cgdb info`) against igraph reading the same graph
    from its fastest format (a pickle), both end to end: process start to exit, median of 3."""
    n = 10_000 if QUICK else 1_000_000
    directory = work / f"store_{n}"
    subprocess.run([str(BUILD / "bench" / "generate_graph"), str(n), str(directory), "1"], check=True,
                   stdout=subprocess.DEVNULL)
    g = ig.Graph.Read_GraphML(str(directory / "graph.graphml"))
    g.write_pickle(str(directory / "graph.pickle"))
    reader = f"import igraph; g = igraph.Graph.Read_Pickle({str(directory / 'graph.pickle')!r}); " \
             "print(g.vcount(), g.ecount())"
    igraph_seconds, _ = median_run(["/usr/bin/python3", "-c", reader], 3)
    cartelgraph, cgdb = str(BUILD / "cartelgraph"), str(directory / "net.cgdb")
    workload = f"{n} entities"
    if not has_compile(cartelgraph):
        rows.append(("open the compiled store (`info`, end to end)", workload, "no `compile` command",
                     igraph_seconds, None, None, None))
        return
    compile_seconds, done = timed(lambda: subprocess.run([cartelgraph, "compile", str(directory / "facts"), "-o",
                                                          cgdb], capture_output=True, text=True))
    if done.returncode != 0:
        rows.append(("compile (fact files to .cgdb)", workload, f"failed: exit {done.returncode}", None, None, None,
                     None))
        return
    rows.append(("compile (fact files to .cgdb)", workload, compile_seconds, None, None, None, None))
    ours_seconds, done = median_run([cartelgraph, "--data", cgdb, "--format", "json", "info"], 3)
    counts = json.loads(done.stdout) if done.returncode == 0 else {}
    agree = counts.get("entities") == g.vcount() and g.ecount() >= counts.get("relations", float("inf"))
    row("open the compiled store (`info`, end to end)", workload, ours_seconds, igraph_seconds, None, agree)


def betweenness(work, n, m):
    g, path = barabasi(n, m, work)
    one = ours(path, "betweenness", 1)
    two = ours(path, "betweenness", 2)
    cpu = {"ours 1": one["cpu_seconds"], "ours 2": two["cpu_seconds"]}
    cpu_start = time.process_time()
    igraph_seconds, raw = timed(lambda: g.betweenness(directed=False))
    cpu["igraph"] = time.process_time() - cpu_start
    scale = 2.0 / ((n - 1) * (n - 2))
    theirs = [x * scale for x in raw]
    gt_seconds = {}
    G = gt.load_graph(str(path))  # the same GraphML, vertices in file order
    G.set_directed(False)
    for threads in (1, 2):
        gt.openmp_set_num_threads(threads)
        cpu_start = time.process_time()
        gt_seconds[threads], (gt_scores, _) = timed(lambda: gt.betweenness(G))  # normalized as NetworkX
        cpu[f"graph-tool {threads}"] = time.process_time() - cpu_start
        theirs_gt = list(gt_scores.a)
    agree = (max_difference(one["scores"], theirs) <= 1e-9 and max_difference(one["scores"], theirs_gt) <= 1e-9
             and one["scores"] == two["scores"])
    nx_seconds = None
    if n <= 5000:
        G = nx.read_graphml(path)
        nx_seconds, _ = timed(lambda: nx.betweenness_centrality(G))
    print("  CPU seconds (every thread): " + ", ".join(f"{k} {v:.3f}" for k, v in cpu.items()), flush=True)
    row("exact betweenness, 1 thread", f"BA n={n} m={m}", one["seconds"], igraph_seconds, nx_seconds, agree,
        gt_seconds[1])
    row("exact betweenness, 2 threads", f"BA n={n} m={m}", two["seconds"], igraph_seconds, None, agree,
        gt_seconds[2])


def closeness_harmonic(work, n, m):
    g, path = barabasi(n, m, work)
    for operation in ("closeness", "harmonic"):
        result = ours(path, operation, 1)
        if operation == "closeness":
            igraph_seconds, theirs = timed(lambda: g.closeness(normalized=True))
        else:
            igraph_seconds, theirs = timed(lambda: g.harmonic_centrality(normalized=False))
        agree = max_difference(result["scores"], theirs) <= 1e-9
        nx_seconds = None
        if n <= 2000 and operation == "closeness":
            G = nx.read_graphml(path)
            nx_seconds, _ = timed(lambda: nx.closeness_centrality(G))
        row(f"{operation}, 1 thread", f"BA n={n} m={m} ({g.ecount()} edges)", result["seconds"], igraph_seconds,
            nx_seconds, agree)


def pagerank(work, n, m):
    g, path = barabasi(n, m, work)
    result = ours(path, "pagerank")
    igraph_seconds, _ = timed(lambda: g.pagerank(damping=0.85))  # PRPACK: solved to machine precision
    G = nx.read_graphml(path)
    nx_seconds, theirs = timed(lambda: nx.pagerank(G, alpha=0.85))  # the definition we follow, tol 1e-6
    agree = max_difference(result["scores"], [theirs[v] for v in G]) <= 1e-9
    row("PageRank (alpha 0.85, NetworkX's tolerance)", f"BA n={n} m={m}", result["seconds"], igraph_seconds,
        nx_seconds, agree)
    rows.append(("projection memory", f"{g.ecount()} edges", f"{result['projection_bytes_per_edge']:.1f} B/edge",
                 "32 B/edge (igraph_t: from, to, oi, ii as int64)", None, None, None))


def machine():
    cpu = "unknown"
    for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = int(pathlib.Path("/proc/meminfo").read_text().split()[1]) // (1024 * 1024)
    return f"{cpu}, {os.cpu_count()} cores, {memory} GiB; {platform.platform()}; igraph {ig.__version__}, " \
           f"graph-tool {gt.__version__.split()[0]}, networkx {nx.__version__}"


def table_line(operation, workload, *values):
    fmt = lambda v: "—" if v is None else (f"{v:.3f} s" if isinstance(v, float) else str(v))
    return f"| {operation} | {workload} | " + " | ".join(fmt(v) for v in values) + " |"


def scale(work):
    """Every query command of the CLI on a generated network, first load and compiled (bench/scale_check.sh)."""
    n = 10_000 if QUICK else 1_000_000
    directory = work / f"scale_{n}"
    subprocess.run([str(BUILD / "bench" / "generate_graph"), str(n), str(directory), "7"], check=True,
                   stdout=subprocess.DEVNULL)
    command = ["bench/scale_check.sh", str(BUILD / "cartelgraph"), str(directory / "facts")]
    table = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    load = os.getloadavg()[0]
    sections["scale"] = [
        f"## Every query command on a {n:,}-entity network, first load and compiled (issue 21)", "",
        f"`bench/generate_graph {n} DIR 7`, then `{' '.join(command[:1])} {BUILD.relative_to(ROOT)}/cartelgraph "
        f"DIR/facts` (run by `bench/compare.py {' '.join(sys.argv[1:])}`) on {time.strftime('%Y-%m-%d')}, "
        f"{cold_start.machine()}; load average {load:.1f} when it ended. Wall seconds from start to exit and "
        "CPU seconds (user + system) from /usr/bin/time; the machine is shared with other builds, so the wall "
        "seconds are upper bounds: read the CPU seconds.", "", *table.rstrip("\n").splitlines()]


def summary_header():
    return [f"Run of `bench/compare.py{' --quick' if QUICK else ''}` on {time.strftime('%Y-%m-%d')}: {machine()}.", "",
            "Seconds of the operation alone (loading excluded), one run each; `agree` checks the scores "
            "against igraph (1e-9; PageRank against NetworkX, whose definition and tolerance we follow, "
            "as igraph's PRPACK solves to machine precision; betweenness against graph-tool too) and between "
            "thread counts (identical), and the cold path's answer against NetworkX's. igraph runs on one thread; "
            "graph-tool on the thread count of the row.", "",
            "| operation | workload | cartelgraph | igraph | graph-tool | NetworkX | agree |",
            "|---|---|---|---|---|---|---|"]


def merge_rows(table):
    """`table` (lines of the summary block) with the rows run in place of the same rows (same operation
    and workload); a new row goes after the last row of the table."""
    for operation, workload, *values in rows:
        prefix = f"| {operation} | {workload} |"
        found = [i for i, line in enumerate(table) if line.startswith(prefix)]
        if found:
            table[found[0]] = table_line(operation, workload, *values)
            continue
        last = next(i for i, line in enumerate(table) if line.startswith("| operation |"))
        while last + 1 < len(table) and table[last + 1].startswith("|"):
            last += 1
        table.insert(last + 1, table_line(operation, workload, *values))
    return table


BEGIN, END = "<!-- compare.py begin: {} -->", "<!-- compare.py end: {} -->"
MARKER = re.compile(r"<!-- compare\.py (begin|end): (.*) -->$")


def block(lines, name):
    """The line indexes of block `name`'s begin and end markers, or None when it has neither."""
    begins = [i for i, line in enumerate(lines) if line.strip() == BEGIN.format(name)]
    ends = [i for i, line in enumerate(lines) if line.strip() == END.format(name)]
    if not begins and not ends:
        return None
    if len(begins) != 1 or len(ends) != 1 or ends[0] < begins[0]:
        sys.exit(f"bench/RESULTS.md: the markers of block '{name}' do not pair up (begin at lines "
                 f"{[i + 1 for i in begins]}, end at {[i + 1 for i in ends]}): nothing written")
    return begins[0], ends[0]


def put_block(lines, name, content):
    """Block `name` of `lines` replaced by `content`, or added with its markers when absent."""
    found = block(lines, name)
    if found:
        lines[found[0] + 1:found[1]] = content
        return
    wrapped = [BEGIN.format(name), *content, END.format(name)]
    if name == "summary":  # after the title
        at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
        lines[at:at] = ["", *wrapped]
    else:
        lines += ["", *wrapped]


def write_results():
    """Rewrites the blocks this run measured; every other line of RESULTS.md stays as it was."""
    path = ROOT / "bench" / "RESULTS.md"
    lines = path.read_text().splitlines() if path.exists() else ["# Benchmark results"]
    named = {m.group(2) for m in (MARKER.match(line.strip()) for line in lines) if m}
    for name in named | {"summary", *sections}:  # every block's markers checked before anything is written
        block(lines, name)
    if rows:
        found = block(lines, "summary")
        if ONLY == set(GROUPS) or not found:
            put_block(lines, "summary", summary_header() + [table_line(*r) for r in rows])
        else:
            put_block(lines, "summary", merge_rows(lines[found[0] + 1:found[1]]))
    for name, content in sections.items():
        put_block(lines, name, content)
    temporary = path.with_suffix(".md.tmp")
    temporary.write_text("\n".join(lines) + "\n")
    temporary.replace(path)


def main():
    build()
    with tempfile.TemporaryDirectory() as work:
        work = pathlib.Path(work)
        if "path" in ONLY:
            cold_path()
        if "load" in ONLY:
            for n in ([10_000] if QUICK else [10_000, 100_000, 1_000_000]):
                load(work, n)
        if "store" in ONLY:
            store(work)
        if "betweenness" in ONLY:
            betweenness(work, 3_000 if QUICK else 30_000, 5)
        if "closeness" in ONLY:
            closeness_harmonic(work, 500 if QUICK else 2_000, 50 if QUICK else 100)
        if "pagerank" in ONLY:
            pagerank(work, 100_000 if QUICK else 1_000_000, 5)
        if "scale" in ONLY:
            scale(work)
    write_results()
    print(f"wrote {ROOT / 'bench' / 'RESULTS.md'}")


if __name__ == "__main__":
    main()
