#!/usr/bin/python3
"""Expected values from a peer for link prediction: NetworkX 2.8's adamic_adar_index,
resource_allocation_index and jaccard_coefficient over every untied pair, and Katz's closed form
[(I - beta A)^-1 - I] by numpy's matrix inverse, with numpy's largest eigenvalue of A, on seeded
random graphs, small special graphs and the built-in network (every layer, read straight from
seeds/*.json) and people network. tests/link_prediction_test.cpp compares cartelgraph against the
fixture this writes.

    tests/peer/networkx_link_prediction.py            # rewrite tests/fixtures/networkx_link_prediction.json
    tests/peer/networkx_link_prediction.py --check    # exit 1 if the committed fixture is stale
"""
import pathlib
import sys

import networkx as nx
import numpy as np

from networkx_expected import builtin_graph, builtin_people_network, write_or_check

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "networkx_link_prediction.json"


def rounded(x):
    """x to 13 significant digits: NetworkX sums over a set of string ids, whose order (hence the
    last bits of a sum) changes from run to run with Python's hash seed; the tests allow 1e-9."""
    return float(f"{x:.13g}")


def neighbourhood_scores(G, index):
    """[a, b, adamic-adar, resource-allocation, jaccard] for every untied pair a < b (by index)
    that shares a neighbour; NetworkX scores every other untied pair 0."""
    aa = {frozenset((u, v)): s for u, v, s in nx.adamic_adar_index(G)}
    ra = {frozenset((u, v)): s for u, v, s in nx.resource_allocation_index(G)}
    jc = {frozenset((u, v)): s for u, v, s in nx.jaccard_coefficient(G)}
    rows = []
    for key, score in jc.items():
        if score > 0:
            a, b = sorted(index[v] for v in key)
            rows.append([a, b, rounded(aa[key]), rounded(ra[key]), rounded(score)])
    return sorted(rows)


def katz(G, nodes, beta):
    A = nx.to_numpy_array(G, nodelist=nodes)
    return np.linalg.inv(np.eye(len(nodes)) - beta * A) - np.eye(len(nodes))


def lambda_max(G, nodes):
    return float(max(np.linalg.eigvalsh(nx.to_numpy_array(G, nodelist=nodes)))) if nodes else 0.0


def katz_pairs(G, nodes, beta):
    """[a, b, score] for every untied pair a < b joined by a path (no walk joins the others: their
    score is 0), by the closed form."""
    K = katz(G, nodes, beta)
    n = len(nodes)
    component = {v: i for i, c in enumerate(nx.connected_components(G)) for v in c}
    return [[a, b, rounded(K[a, b])] for a in range(n) for b in range(a + 1, n)
            if component[nodes[a]] == component[nodes[b]] and not G.has_edge(nodes[a], nodes[b])]


def describe(name, G, near_limit=False):
    """The graph, its neighbourhood scores, and Katz for beta 0.05 (and half of 1/lambda_max)."""
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    lam = lambda_max(G, nodes)
    betas = [0.05, 0.5 / lam] if near_limit else [0.05]
    return {
        "name": name,
        "nodes": len(nodes),
        "edges": sorted(sorted([index[a], index[b]]) for a, b in G.edges()),
        "lambda_max": rounded(lam),
        "scores": neighbourhood_scores(G, index),
        "katz": [{"beta": beta, "pairs": katz_pairs(G, nodes, beta)} for beta in betas if beta * lam < 1],
    }


def graphs():
    club = nx.karate_club_graph()
    karate = nx.Graph()
    karate.add_nodes_from(club)
    karate.add_edges_from(club.edges())
    isolated = nx.Graph()
    isolated.add_nodes_from(range(8))  # 6 and 7 isolated
    isolated.add_edges_from([(0, 1), (1, 2), (2, 3), (3, 0), (4, 5), (1, 4)])
    described = [describe(f"random graph G(30, 0.12), seed {seed}", nx.gnp_random_graph(30, 0.12, seed=seed))
                 for seed in (1, 2, 3)]
    described.append(describe("random graph G(60, 0.05), seed 4", nx.gnp_random_graph(60, 0.05, seed=4)))
    described += [describe("karate club", karate, near_limit=True), describe("star", nx.star_graph(6)),
                  describe("two components and isolated nodes", isolated)]
    return described


def builtin():
    """The whole built-in network's neighbourhood scores, its λmax, and three entities' Katz rows."""
    G = builtin_graph()
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    K = katz(G, nodes, 0.05)
    component = {v: i for i, c in enumerate(nx.connected_components(G)) for v in c}
    rows = {}
    for entity in ("nemesio-oseguera-cervantes", "los-garibay", "la-linea"):
        i = index[entity]
        rows[entity] = {nodes[j]: rounded(K[i, j]) for j in range(len(nodes))
                        if j != i and component[nodes[j]] == component[entity] and not G.has_edge(entity, nodes[j])}
    return {
        "nodes": nodes,
        "lambda_max": rounded(lambda_max(G, nodes)),
        "scores": neighbourhood_scores(G, index),
        "katz_beta": 0.05,
        "katz_rows": rows,
    }


def people():
    names, P = builtin_people_network()
    G = nx.Graph()
    G.add_nodes_from(names)
    G.add_edges_from(P.edges())
    return {"nodes": names, "scores": neighbourhood_scores(G, {v: i for i, v in enumerate(names)})}


def main():
    expected = {"networkx": nx.__version__, "graphs": graphs(), "builtin": builtin(), "people": people()}
    return write_or_check(FIXTURE, expected, "networkx_link_prediction.py")


if __name__ == "__main__":
    sys.exit(main())
