#!/usr/bin/python3
"""Expected values from a peer for weighted analysis: NetworkX 2.8 (Debian's python3-networkx)
computes centralities and shortest-path lengths on tie strengths, by the rule restated here from
the issue (not read from cartelgraph): a relation's weight is a strength, 1 when absent; parallel
relations between two entities add their strengths into one tie; a tie whose strength is not
positive is not crossed; where an algorithm needs a length, the length is 1/strength.
tests/weighted_peer_test.cpp compares cartelgraph against the fixture this writes.

    tests/peer/networkx_weighted.py            # rewrite tests/fixtures/networkx_weighted.json
    tests/peer/networkx_weighted.py --check    # exit 1 if the committed fixture is stale
"""
import pathlib
import sys

import networkx as nx

from networkx_expected import builtin_people_network, write_or_check  # the people network, restated

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "networkx_weighted.json"


def tie_graphs(n, relations):
    """The strength graph (weight: summed strengths, 0 when not positive) and the length graph
    (length: 1/strength, ties of no positive strength left out), nodes 0 … n-1."""
    total = {}
    for a, b, w in relations:
        if a != b:
            key = (min(a, b), max(a, b))
            total[key] = total.get(key, 0) + (1 if w is None else w)
    strength, length = nx.Graph(), nx.Graph()
    strength.add_nodes_from(range(n))
    length.add_nodes_from(range(n))
    for (a, b), s in total.items():
        strength.add_edge(a, b, weight=max(s, 0))
        if s > 0:
            length.add_edge(a, b, length=1 / s)
    return strength, length


def measures(strength, length):
    n = strength.number_of_nodes()
    degree = {v: d / (n - 1) for v, d in strength.degree(weight="weight")} if n > 1 else {v: 1 for v in strength}
    return {
        "degree": degree,
        "betweenness": nx.betweenness_centrality(length, normalized=True, weight="length"),
        "closeness": nx.closeness_centrality(length, distance="length", wf_improved=True),
        "harmonic": nx.harmonic_centrality(length, distance="length"),
        "eigenvector": nx.eigenvector_centrality(strength, weight="weight", max_iter=1000),
        "pagerank": nx.pagerank(strength, alpha=0.85, weight="weight"),
    }


def describe(name, n, relations, pairs):
    strength, length = tie_graphs(n, relations)
    scores = measures(strength, length)
    paths = []
    for s, t in pairs:
        try:
            cost = nx.shortest_path_length(length, s, t, weight="length")
        except nx.NetworkXNoPath:
            cost = None
        paths.append({"from": s, "to": t, "cost": cost})
    return {"name": name, "nodes": n, "relations": [list(r) for r in relations],
            "centrality": {m: [scores[m][v] for v in range(n)] for m in scores}, "paths": paths}


def numbered(G, weight="weight"):
    index = {v: i for i, v in enumerate(G)}
    return [(index[a], index[b], w) for a, b, w in G.edges(data=weight)]


def graphs():
    # Ties of equal length sums: 0-1-2 (1/2 + 1/2) against 0-2 (1), 2-3-4-5 (three thirds)
    # against 2-5 (1), 5-6-7 (1/4 + 1/4) against 5-7 (1/2), and 0-8 and 8-2 parallel relations.
    ties = [(0, 1, 2), (1, 2, 2), (0, 2, 1), (2, 3, 3), (3, 4, 3), (4, 5, 3), (2, 5, 1), (5, 6, 4), (6, 7, 4),
            (5, 7, 2), (0, 8, None), (8, 2, 1), (7, 9, 0.5)]
    # Parallel relations adding up (two calls logs of 1 and 3 make 4), unweighted ones counting 1,
    # a pair whose weights sum to 0 (not crossed), a negative weight and isolated nodes.
    parallel = [(0, 1, 1), (1, 0, 3), (1, 2, None), (1, 2, None), (2, 3, 2.5), (0, 3, 1), (3, 4, 1), (4, 3, -1),
                (4, 5, 2), (5, 6, -3), (2, 6, 0.25), (6, 7, 1), (6, 7, 1), (6, 7, 1), (0, 7, 0.5)]
    karate = nx.karate_club_graph()  # its weights: how many contexts two members met in
    miserables = nx.les_miserables_graph()  # its weights: scenes two characters share
    return [
        describe("ties of equal length sums", 12, ties, [(0, 2), (0, 7), (2, 9), (0, 10)]),
        describe("parallel relations", 10, parallel, [(0, 4), (0, 7), (3, 5)]),
        describe("karate club with its weights", karate.number_of_nodes(), numbered(karate),
                 [(0, 33), (5, 26), (16, 25)]),
        describe("Les Miserables co-occurrences", miserables.number_of_nodes(), numbered(miserables),
                 [(0, 76), (10, 60)]),
    ]


def people_builtin():
    people, P = builtin_people_network()
    described = describe("built-in people network", len(people), numbered(P), [])
    described["nodes"] = people
    del described["relations"]
    return described


def main():
    expected = {"networkx": nx.__version__, "graphs": graphs(), "people": people_builtin()}
    return write_or_check(FIXTURE, expected, "networkx_weighted.py")

if __name__ == "__main__":
    sys.exit(main())
