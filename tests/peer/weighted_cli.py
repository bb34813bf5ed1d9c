#!/usr/bin/python3
"""Weighted analysis from the command line against a peer, NetworkX 2.8 (Debian's
python3-networkx), on GraphML files NetworkX writes with edge weights (tie strengths):
`centrality --weighted` ranks and scores as NetworkX's betweenness and closeness given lengths
1/weight, parallel edges adding their strengths; `path --weight weight` costs what NetworkX's
shortest path on those lengths costs; `--weighted` is `--weight confidence`.
    tests/peer/weighted_cli.py path/to/cartelgraph
"""
import json
import pathlib
import subprocess
import sys
import tempfile

import networkx as nx

exe = sys.argv[1]
failures = []


def run(*args):
    return json.loads(subprocess.run([exe, "--format", "json", *args], capture_output=True, text=True,
                                     check=True).stdout)


def check(condition, message):
    if not condition:
        failures.append(message)


def lengths(G):
    """A simple graph with length 1/strength, parallel edges' strengths (weight, 1 if absent) added."""
    total = {}
    for a, b, w in G.edges(data="weight", default=1):
        key = tuple(sorted((str(a), str(b))))
        total[key] = total.get(key, 0) + w
    L = nx.Graph()
    L.add_nodes_from(str(v) for v in G)
    L.add_edges_from((a, b, {"length": 1 / s}) for (a, b), s in total.items())
    return L


def check_ranking(name, graphml, measure, expected):
    answer = run("--data", str(graphml), "centrality", "--weighted", "--measure", measure, "--top", "1000")
    check(answer.get("weighted") is True, f"{name}: the answer says it is weighted")
    ranked = [(r["id"], r["score"]) for r in answer["results"]]
    check({i for i, _ in ranked} == set(expected), f"{name} {measure}: the same nodes")
    worst = max(abs(score - expected[i]) for i, score in ranked)
    check(worst <= 1e-9, f"{name} {measure}: differs from NetworkX by {worst}")
    order = [expected[i] for i, _ in ranked]
    check(all(a >= b - 1e-12 for a, b in zip(order, order[1:])), f"{name} {measure}: not ranked as NetworkX ranks")
    top = sorted(expected, key=lambda v: -expected[v])[:5]
    check([i for i, _ in ranked[:5]] == top, f"{name} {measure}: top five {ranked[:5]} != {top}")


with tempfile.TemporaryDirectory() as work:
    work = pathlib.Path(work)

    # Les Misérables: weights are scenes shared.
    miserables = nx.les_miserables_graph()
    graphml = work / "miserables.graphml"
    nx.write_graphml(miserables, graphml)
    L = lengths(miserables)
    check_ranking("Les Miserables", graphml, "betweenness", nx.betweenness_centrality(L, weight="length"))
    check_ranking("Les Miserables", graphml, "closeness", nx.closeness_centrality(L, distance="length"))
    path = run("--data", str(graphml), "path", "Napoleon", "Brujon", "--weight", "weight")["paths"][0]
    cost = nx.shortest_path_length(L, "Napoleon", "Brujon", weight="length")
    check(abs(path["cost"] - cost) <= 1e-9, f"path cost {path['cost']} != NetworkX's {cost}")
    check(run("--data", str(graphml), "path", "Napoleon", "Brujon", "--weighted") ==
          run("--data", str(graphml), "path", "Napoleon", "Brujon", "--weight", "confidence"),
          "--weighted is --weight confidence")

    # A call log with repeated pairs: parallel edges add their strengths into one tie.
    calls = nx.MultiGraph()
    calls.add_edges_from([("a", "b", {"weight": 1}), ("a", "b", {"weight": 3}), ("b", "c", {"weight": 2}),
                          ("a", "c", {"weight": 1}), ("c", "d", {"weight": 1}), ("c", "d", {"weight": 1}),
                          ("b", "d", {"weight": 0.5}), ("d", "e", {"weight": 5}), ("a", "e", {"weight": 0.2})])
    graphml = work / "calls.graphml"
    nx.write_graphml(calls, graphml)
    L = lengths(calls)
    check_ranking("call log", graphml, "betweenness", nx.betweenness_centrality(L, weight="length"))
    check_ranking("call log", graphml, "closeness", nx.closeness_centrality(L, distance="length"))

    # A whitespace-separated `src dst weight` edge list, as criminal-network research publishes
    # its datasets (Montagna and others on Zenodo) and NetworkX's write_weighted_edgelist
    # writes it: named .edgelist, and the same lines under a .csv name (detected by their form).
    karate = nx.karate_club_graph()
    for name in ("karate.edgelist", "karate_edges.csv"):
        edgelist = work / name
        nx.write_weighted_edgelist(karate, edgelist)
        L = lengths(karate)
        check_ranking(name, edgelist, "betweenness", nx.betweenness_centrality(L, weight="length"))
        check_ranking(name, edgelist, "closeness", nx.closeness_centrality(L, distance="length"))
        info = run("--data", str(edgelist), "info")
        check(info["entities"] == karate.number_of_nodes() and info["relations"] == karate.number_of_edges(),
              f"{name}: {info['entities']} entities, {info['relations']} relations")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("weighted centrality and paths from the command line match NetworkX", nx.__version__)
