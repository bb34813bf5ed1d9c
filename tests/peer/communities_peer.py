#!/usr/bin/python3
"""Communities against peers. NetworkX 2.8's `community.modularity(G, communities, weight='weight')`
of our partition must equal the modularity we report (1e-9), and ours must be at least the best
of igraph's `community_multilevel` (Louvain), igraph's `community_leiden(objective_function=
"modularity")` and leidenalg's `ModularityVertexPartition` (Debian's python3-networkx,
python3-igraph, python3-leidenalg), seeds fixed, less 1e-6; every peer's partition is scored by
the same NetworkX function.
    tests/peer/communities_peer.py path/to/cartelgraph            Zachary's karate club (unweighted)
                                                                   and Les Misérables (weighted), by
                                                                   the `communities` command
    tests/peer/communities_peer.py path/to/cartelgraph --planted  a 10,000-node planted partition
    tests/peer/communities_peer.py --check FILE                   a graph and our partition, as
                                                                   tests/communities_test.cpp writes
                                                                   them: {"nodes", "edges": [[a, b,
                                                                   strength]], "membership",
                                                                   "modularity"}
"""
import json
import pathlib
import random
import subprocess
import sys
import tempfile

import igraph
import leidenalg
import networkx as nx

SEED = 1
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def groups(membership):
    """The communities of a node → label list, as sets of nodes."""
    found = {}
    for node, label in enumerate(membership):
        found.setdefault(label, set()).add(node)
    return list(found.values())


def peers(n, edges):
    """The modularity NetworkX gives each peer's partition of the graph: Louvain and Leiden of
    igraph, Leiden of leidenalg."""
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from(edges)
    g = igraph.Graph(n=n, edges=[(a, b) for a, b, _ in edges])
    g.es["weight"] = [w for _, _, w in edges]
    random.seed(SEED)  # igraph's Python interface draws from Python's random module
    partitions = {
        "igraph multilevel": g.community_multilevel(weights="weight").membership,
        "igraph leiden": g.community_leiden(objective_function="modularity", weights="weight").membership,
        "leidenalg": leidenalg.find_partition(g, leidenalg.ModularityVertexPartition, weights="weight",
                                              seed=SEED).membership,
    }
    return G, {name: nx.community.modularity(G, groups(m), weight="weight") for name, m in partitions.items()}


def compare(name, n, edges, membership, ours):
    """Checks our partition and the modularity we report against NetworkX and the peers."""
    G, scores = peers(n, edges)
    networkx = nx.community.modularity(G, groups(membership), weight="weight")
    check(abs(networkx - ours) <= 1e-9, f"{name}: NetworkX gives our partition {networkx!r}, we say {ours!r}")
    best = max(scores.values())
    check(ours >= best - 1e-6, f"{name}: our modularity {ours} is below the best peer's {best} ({scores})")
    print(f"{name}: {n} nodes, {len(edges)} ties, {len(set(membership))} communities; modularity {ours:.9f} "
          f"(NetworkX {networkx:.9f}); " + ", ".join(f"{k} {v:.9f}" for k, v in scores.items()))


def by_command(exe, work, name, G):
    """Writes G as GraphML (with its weights when any), runs `communities` on it, and compares
    the partition with the peers'."""
    graphml = work / f"{name.replace(' ', '_')}.graphml"  # GraphML keeps the node ids as entity ids
    nx.write_graphml(G, graphml)
    answer = json.loads(subprocess.run([exe, "--format", "json", "--data", str(graphml), "communities", "--seed",
                                        str(SEED), "--top", "0"], capture_output=True, text=True, check=True).stdout)
    nodes = {str(v): i for i, v in enumerate(G)}
    check(answer["network"]["entities"] == G.number_of_nodes() and answer["network"]["ties"] == G.number_of_edges(),
          f"{name}: the command analysed {answer['network']}")
    membership = [None] * len(nodes)
    for label, community in enumerate(answer["communities"]):
        for member in community["members"]:
            membership[nodes[member]] = label
    check(None not in membership, f"{name}: not every node is in a community")
    edges = [(nodes[str(a)], nodes[str(b)], d.get("weight", 1)) for a, b, d in G.edges(data=True)]
    compare(name, len(nodes), edges, membership, answer["modularity"])


def main():
    if sys.argv[1] == "--check":
        given = json.loads(pathlib.Path(sys.argv[2]).read_text())
        compare(given.get("name", sys.argv[2]), given["nodes"], [tuple(e) for e in given["edges"]],
                given["membership"], given["modularity"])
    else:
        with tempfile.TemporaryDirectory() as work:
            work = pathlib.Path(work)
            if "--planted" in sys.argv:
                planted = nx.planted_partition_graph(100, 100, 0.1, 0.0005, seed=SEED)  # a third of ties across
                planted.graph.clear()  # its "partition" is no GraphML attribute
                by_command(sys.argv[1], work, "planted partition", planted)
            else:
                karate = nx.Graph(nx.karate_club_graph().edges())  # NetworkX 2.8 adds weights: left out
                by_command(sys.argv[1], work, "karate club", karate)
                by_command(sys.argv[1], work, "Les Miserables", nx.les_miserables_graph())
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print("communities reach the peers' modularity; NetworkX", nx.__version__, "igraph", igraph.__version__,
          "leidenalg", leidenalg.version)


main()
