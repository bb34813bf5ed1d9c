#!/usr/bin/python3
"""`export --with sides,communities,centrality` against NetworkX 2.8 (Debian's python3-networkx):
NetworkX reads the GraphML and computes, on the same network (--network all: every entity,
parallel relations one tie, strengths added), the centralities we wrote beside each node (1e-9)
and the modularity of the communities we wrote, which must equal what `communities` reports;
Python's csv module reads the same values from nodes.csv (`--to csv --with`), and `--data` reads
that export back; each conflict's groups carry the side `factions` gives them.
    tests/peer/export_with.py path/to/cartelgraph
"""
import csv
import json
import pathlib
import subprocess
import sys
import tempfile

import networkx as nx

exe = sys.argv[1]
failures = []
measures = ["degree", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank"]


def check(condition, message):
    if not condition:
        failures.append(message)


def run(*args):
    return subprocess.run([exe, *args], capture_output=True, text=True, check=True).stdout


def simple(G, leave_out=()):
    """The undirected simple graph of a GraphML multigraph, strengths (weight, 1 if absent) added,
    relations of the kinds `leave_out` left out."""
    H = nx.Graph()
    H.add_nodes_from(G.nodes)
    for a, b, d in G.edges(data=True):
        if a == b or d.get("kind") in leave_out:
            continue
        w = float(d.get("weight", 1))
        H.add_edge(a, b, weight=H[a][b]["weight"] + w if H.has_edge(a, b) else w)
    return H


with tempfile.TemporaryDirectory() as work:
    work = pathlib.Path(work)
    graphml = work / "with.graphml"
    run("--network", "all", "export", "--to", "graphml", "--with", "sides,communities,centrality", "-o", str(graphml))
    G = nx.read_graphml(graphml)
    H = simple(G)
    expected = {
        "degree": nx.degree_centrality(H),
        "betweenness": nx.betweenness_centrality(H),
        "closeness": nx.closeness_centrality(H),
        "harmonic": nx.harmonic_centrality(H),
        "eigenvector": nx.eigenvector_centrality(H),
        "pagerank": nx.pagerank(H, weight=None),  # unweighted, as the centrality command by default
    }
    for measure in measures:
        worst = max(abs(G.nodes[v][measure] - expected[measure][v]) for v in H)
        check(worst <= 1e-9, f"{measure}: differs from NetworkX by {worst}")

    # Communities count cohesive ties alone: the kinds of negative sign (rivalries, attacks) are left out.
    hostile = {k["name"] for k in json.loads(run("--format", "json", "kinds"))["kinds"] if k["sign"] < 0}
    check(hostile == {"rival_of", "attacked"}, f"hostile kinds {hostile}")
    C = simple(G, hostile)
    community = {v: G.nodes[v]["community"] for v in C}
    groups = {}
    for v, c in community.items():
        groups.setdefault(c, set()).add(v)
    ours = json.loads(run("--network", "all", "--format", "json", "communities"))["modularity"]
    theirs = nx.community.modularity(C, groups.values(), weight="weight")
    check(abs(ours - theirs) <= 1e-9, f"modularity of the exported communities {theirs} != communities' {ours}")
    sizes = sorted((len(members) for members in groups.values()), reverse=True)
    check([len(groups[c]) for c in sorted(groups)] == sizes, "community 1 is not the largest, 2 the next…")

    factions = json.loads(run("--network", "all", "--format", "json", "factions"))
    for number, conflict in enumerate(factions["conflicts"], start=1):
        for letter, camp in zip("AB", conflict["camps"]):
            for group in camp["groups"]:
                check(G.nodes[group].get("conflict") == number, f"{group}: conflict {G.nodes[group].get('conflict')}")
                check(G.nodes[group].get("side") == letter, f"{group}: side {G.nodes[group].get('side')} != {letter}")
    check(any("side" in G.nodes[v] for v in G), "no entity has a side")

    directory = work / "csv"
    run("--network", "all", "export", "--to", "csv", "--with", "sides,communities,centrality", "-o", str(directory))
    with open(directory / "nodes.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        v = row["id:ID"]
        for measure in measures:
            check(float(row[f"{measure}:double"]) == G.nodes[v][measure], f"{v} {measure}: CSV and GraphML differ")
        check(float(row["community:double"]) == G.nodes[v]["community"], f"{v}: CSV community differs")
        check(row["side"] == G.nodes[v].get("side", ""), f"{v}: CSV side differs")
    info = json.loads(run("--data", str(directory), "--format", "json", "info"))
    check(info["entities"] == G.number_of_nodes(), "the CSV export with results does not read back")

print(f"{G.number_of_nodes()} entities: centralities equal NetworkX's, communities' modularity {ours:.6f}, "
      f"{len(groups)} communities, sides as factions gives them, CSV equal to GraphML and read back")
for failure in failures:
    print("FAIL:", failure)
sys.exit(1 if failures else 0)
