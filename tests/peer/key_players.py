#!/usr/bin/python3
"""Borgatti's fragmentation F and distance-weighted fragmentation DF by NetworkX 2.8.

Reads cases from stdin, one a line: `N|a b,a b,...|v v ...` (nodes 0..N-1, the edges, the set to
remove); writes `F DF` for each, computed on the graph with the set removed, n its node count:
F = 1 - sum over components of s(s-1) / (n(n-1)), DF = 1 - sum over ordered pairs of 1/d / (n(n-1)).
"""
import sys

import networkx as nx


def scores(n, edges, removed):
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(edges)
    graph.remove_nodes_from(removed)
    left = graph.number_of_nodes()
    if left < 2:
        return 1.0, 1.0
    pairs = sum(len(c) * (len(c) - 1) for c in nx.connected_components(graph))
    inverse = sum(1 / d for _, lengths in nx.all_pairs_shortest_path_length(graph) for d in lengths.values() if d > 0)
    return 1 - pairs / (left * (left - 1)), 1 - inverse / (left * (left - 1))


for line in sys.stdin:
    if not line.strip():
        continue
    nodes, edge_text, set_text = line.rstrip("\n").split("|")
    edges = [tuple(map(int, e.split())) for e in edge_text.split(",") if e]
    f, df = scores(int(nodes), edges, [int(v) for v in set_text.split()])
    print(repr(f), repr(df))
