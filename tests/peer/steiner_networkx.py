#!/usr/bin/python3
"""`connect` from the command line against NetworkX 2.8's `approximation.steiner_tree` (Debian's
python3-networkx), the metric-closure MST whose shortest paths it unites without Kou's final
spanning tree and pruning: on random graphs written as weighted edge lists, our connecting network
is a tree of the graph through every terminal, its length is the sum of its ties' lengths, and it
is never heavier than NetworkX's (unweighted, and with lengths 1/strength under --weight weight).
Also checks the ratio to the optimum found by brute force on the small graphs, and reports the
worst ratio and how often we are strictly lighter.
    tests/peer/steiner_networkx.py path/to/cartelgraph [ROUNDS (default 60)]
"""
import itertools
import json
import pathlib
import random
import subprocess
import sys
import tempfile

import networkx as nx
from networkx.algorithms.approximation import steiner_tree

exe = sys.argv[1]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def connect(edgelist, terminals, weighted):
    args = [exe, "--format", "json", "--data", str(edgelist), "--network", "all", "connect", *terminals]
    if weighted:
        args += ["--weight", "weight"]
    return json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)


def optimum(G, terminals, weight):
    """The minimum Steiner tree's length: every set of other nodes tried, MST of what it induces."""
    others = [v for v in G if v not in terminals]
    best = float("inf")
    for r in range(len(others) + 1):
        for extra in itertools.combinations(others, r):
            H = G.subgraph(list(terminals) + list(extra))
            if nx.is_connected(H):
                best = min(best, nx.minimum_spanning_tree(H, weight=weight).size(weight=weight))
    return best


rng = random.Random(11)
worst_ratio, lighter, runs = 1.0, 0, 0
with tempfile.TemporaryDirectory() as work:
    work = pathlib.Path(work)
    for round_ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 60):
        n = rng.randint(6, 11) if round_ % 3 else rng.randint(30, 60)
        G = nx.gnp_random_graph(n, 0.35 if n < 12 else 0.08, seed=rng.randint(0, 10**6))
        G = nx.relabel_nodes(G, {v: f"n{v}" for v in G})
        if not nx.is_connected(G):
            G = G.subgraph(max(nx.connected_components(G), key=len)).copy()
        if G.number_of_nodes() < 4:
            continue
        weighted = round_ % 2 == 1
        for a, b in G.edges:
            strength = rng.choice([1, 0.5, 0.25]) if weighted else 1
            G[a][b]["strength"] = strength
            G[a][b]["length"] = 1 / strength
        edgelist = work / f"g{round_}.edgelist"
        edgelist.write_text("".join(f"{a} {b} {d['strength']}\n" for a, b, d in G.edges(data=True)))
        terminals = rng.sample(sorted(G.nodes), rng.randint(3, min(6, G.number_of_nodes())))
        answer = connect(edgelist, terminals, weighted)
        name = f"round {round_} ({'weighted' if weighted else 'unweighted'}, {len(terminals)} terminals)"
        ties = [(t["from"], t["to"]) for t in answer["ties"]]
        T = nx.Graph(ties)
        T.add_nodes_from(answer["entities"])
        check(all(G.has_edge(a, b) for a, b in ties), f"{name}: a tie that is not an edge of the graph")
        check(nx.is_tree(T), f"{name}: not a tree")
        check(set(terminals) <= set(T.nodes), f"{name}: a terminal is missing")
        check(all(t["relations"] for t in answer["ties"]), f"{name}: a tie without its relations")
        ours = sum(G[a][b]["length"] for a, b in ties)
        check(abs(ours - answer["length"]) <= 1e-9, f"{name}: length {answer['length']} != sum of ties {ours}")
        theirs = steiner_tree(G, terminals, weight="length").size(weight="length")
        check(ours <= theirs + 1e-9, f"{name}: ours {ours} is heavier than NetworkX's {theirs}")
        lighter += ours < theirs - 1e-9
        runs += 1
        if n < 12:
            best = optimum(G, terminals, "length")
            check(ours >= best - 1e-9, f"{name}: {ours} is below the optimum {best}: a bug")
            check(ours <= 2 * best + 1e-9, f"{name}: {ours} is more than twice the optimum {best}")
            if len(terminals) == 3:
                check(abs(ours - best) <= 1e-9, f"{name}: {ours} is not the optimum {best} of three terminals")
            worst_ratio = max(worst_ratio, ours / best)

print(f"{runs} graphs: {len(failures)} failures; strictly lighter than NetworkX's steiner_tree on {lighter}; "
      f"worst ratio to the brute-force optimum {worst_ratio:.3f}")
for failure in failures:
    print("FAIL:", failure)
sys.exit(1 if failures else 0)
