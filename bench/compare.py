#!/usr/bin/python3
"""Side by side in one run: cartelgraph, python3-igraph and python3-networkx (Debian packages) on
the same graphs, with the same definitions; checks the results agree and writes bench/RESULTS.md.

    bench/compare.py            # the sizes of the goals (long: about an hour on 2 cores)
    bench/compare.py --quick    # small sizes, a few minutes
"""
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import tempfile
import time

import igraph as ig
import networkx as nx

ROOT = pathlib.Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "bench"
QUICK = "--quick" in sys.argv
NX_LIMIT_SECONDS = 600  # NetworkX runs only where it finishes in about this time
rows = []


def build():
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


def row(operation, workload, our_seconds, igraph_seconds, nx_seconds, agree):
    rows.append((operation, workload, our_seconds, igraph_seconds, nx_seconds, agree))
    fmt = lambda s: "—" if s is None else f"{s:.3f}"
    print(f"{operation:34} {workload:26} ours {fmt(our_seconds):>9}  igraph {fmt(igraph_seconds):>9}  "
          f"networkx {fmt(nx_seconds):>9}  agree={agree}", flush=True)


def max_difference(a, b):
    return max(abs(x - y) for x, y in zip(a, b)) if len(a) == len(b) else float("inf")


def barabasi(n, m, work):
    g = ig.Graph.Barabasi(n, m, directed=False)
    g.simplify()
    path = work / f"ba_{n}_{m}.graphml"
    g.write_graphml(str(path))
    return g, path


def cold_path():
    binary = BUILD / "cartelgraph"
    runs = []
    for _ in range(30):
        seconds, _ = timed(lambda: subprocess.run([str(binary), "path", "El Ruso", "Los Garibay"], check=True,
                                                  stdout=subprocess.DEVNULL))
        runs.append(seconds)
    script = (
        "import json, pathlib, networkx as nx\n"
        f"root = pathlib.Path({str(ROOT)!r})\n"
        "G = nx.Graph()\n"
        "for p in sorted((root / 'seeds').glob('*.json')):\n"
        "    if p.name == 'schema.json': continue\n"
        "    d = json.loads(p.read_text())\n"
        "    for e in d.get('entities', []): G.add_node(e['id'], name=e['name'])\n"
        "    for r in d.get('relations', []): G.add_edge(r['from'], r['to'])\n"
        "print(nx.shortest_path(G, 'jesus-alexander-sanchez-felix', 'los-garibay'))\n")
    py_runs = []
    for _ in range(10):
        seconds, _ = timed(lambda: subprocess.run(["/usr/bin/python3", "-c", script], check=True,
                                                  stdout=subprocess.DEVNULL))
        py_runs.append(seconds)
    row("cold CLI path query (median)", "built-in data", statistics.median(runs), None,
        statistics.median(py_runs), "n/a")


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
                 None, None, None))
    row("load + validate + build (JSON)", f"{n} entities", result["seconds"], igraph_seconds, nx_seconds, agree)
    return directory


def betweenness(work, n, m):
    g, path = barabasi(n, m, work)
    one = ours(path, "betweenness", 1)
    two = ours(path, "betweenness", 2)
    igraph_seconds, raw = timed(lambda: g.betweenness(directed=False))
    scale = 2.0 / ((n - 1) * (n - 2))
    agree = max_difference(one["scores"], [x * scale for x in raw]) <= 1e-9 and one["scores"] == two["scores"]
    nx_seconds = None
    if n <= 5000:
        G = nx.read_graphml(path)
        nx_seconds, _ = timed(lambda: nx.betweenness_centrality(G))
    row("exact betweenness, 1 thread", f"BA n={n} m={m}", one["seconds"], igraph_seconds, nx_seconds, agree)
    row("exact betweenness, 2 threads", f"BA n={n} m={m}", two["seconds"], igraph_seconds, None, agree)


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
                 "32 B/edge (igraph_t: from, to, oi, ii as int64)", None, None))


def machine():
    cpu = "unknown"
    for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = int(pathlib.Path("/proc/meminfo").read_text().split()[1]) // (1024 * 1024)
    return f"{cpu}, {os.cpu_count()} cores, {memory} GiB; {platform.platform()}; igraph {ig.__version__}, " \
           f"networkx {nx.__version__}"


def write_results():
    lines = ["# Benchmark results", "", f"Run of `bench/compare.py{' --quick' if QUICK else ''}` on "
             f"{time.strftime('%Y-%m-%d')}: {machine()}.", "",
             "Seconds of the operation alone (loading excluded), one run each; `agree` checks the scores "
             "against igraph (1e-9; PageRank against NetworkX, whose definition and tolerance we follow, "
             "as igraph's PRPACK solves to machine precision) and between thread counts (identical).", "",
             "| operation | workload | cartelgraph | igraph | NetworkX | agree |", "|---|---|---|---|---|---|"]
    fmt = lambda v: "—" if v is None else (f"{v:.3f} s" if isinstance(v, float) else str(v))
    for operation, workload, a, b, c, agree in rows:
        lines.append(f"| {operation} | {workload} | {fmt(a)} | {fmt(b)} | {fmt(c)} | {fmt(agree)} |")
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines) + "\n")


def main():
    build()
    with tempfile.TemporaryDirectory() as work:
        work = pathlib.Path(work)
        cold_path()
        for n in ([10_000] if QUICK else [10_000, 100_000, 1_000_000]):
            load(work, n)
        betweenness(work, 3_000 if QUICK else 30_000, 5)
        closeness_harmonic(work, 500 if QUICK else 2_000, 50 if QUICK else 100)
        pagerank(work, 100_000 if QUICK else 1_000_000, 5)
    write_results()
    print(f"wrote {ROOT / 'bench' / 'RESULTS.md'}")


if __name__ == "__main__":
    main()
