#!/usr/bin/python3
"""Expected values from a peer: NetworkX 2.8 (Debian's python3-networkx) computes centralities,
shortest-path lengths, k-shortest-path lengths and global efficiency for small graphs and for the
built-in data, read straight from seeds/*.json (not through cartelgraph). The doctest suite
(tests/peer_test.cpp) compares cartelgraph against the fixture this writes.

    tests/peer/networkx_expected.py            # rewrite tests/fixtures/networkx_expected.json
    tests/peer/networkx_expected.py --check    # exit 1 if the committed fixture is stale
"""
import itertools
import json
import pathlib
import sys

import networkx as nx
from networkx.algorithms import bipartite

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "networkx_expected.json"


def measures(G):
    return {
        "degree": nx.degree_centrality(G),
        "betweenness": nx.betweenness_centrality(G, normalized=True),
        "closeness": nx.closeness_centrality(G, wf_improved=True),
        "harmonic": nx.harmonic_centrality(G),
        "eigenvector": nx.eigenvector_centrality(G),
        "pagerank": nx.pagerank(G, alpha=0.85),
    }


def k_shortest_lengths(G, s, t, k):
    try:
        return [len(p) - 1 for p in itertools.islice(nx.shortest_simple_paths(G, s, t), k)]
    except nx.NetworkXNoPath:
        return []


def describe(G, name, pairs, k=3):
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    scores = measures(G)
    return {
        "name": name,
        "nodes": len(nodes),
        "edges": [[index[a], index[b]] for a, b in G.edges()],
        "centrality": {m: [scores[m][v] for v in nodes] for m in scores},
        "efficiency": nx.global_efficiency(G),
        "components": nx.number_connected_components(G),
        "paths": [{"from": index[s], "to": index[t], "k": k, "lengths": k_shortest_lengths(G, s, t, k)}
                  for s, t in pairs],
    }


def small_graphs():
    graphs = []
    club = nx.karate_club_graph()  # drop its edge weights: the projection is unweighted
    karate = nx.Graph()
    karate.add_nodes_from(club)
    karate.add_edges_from(club.edges())
    graphs.append(describe(karate, "karate club", [(0, 33), (5, 26), (16, 25)]))
    two = nx.Graph()
    two.add_nodes_from(range(9))  # nodes 7 and 8 isolated
    two.add_edges_from([(0, 1), (1, 2), (2, 0), (2, 3), (4, 5), (5, 6)])
    graphs.append(describe(two, "two components and isolated nodes", [(0, 3), (0, 6), (4, 6)]))
    graphs.append(describe(nx.path_graph(6), "path", [(0, 5)]))
    graphs.append(describe(nx.star_graph(5), "star", [(1, 2)]))
    grid = nx.convert_node_labels_to_integers(nx.grid_2d_graph(4, 4))
    graphs.append(describe(grid, "4x4 grid", [(0, 15), (0, 5)], k=5))
    return graphs


def builtin_graph():
    G = nx.Graph()
    files = sorted(p for p in (ROOT / "seeds").glob("*.json") if p.name != "schema.json")
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in files]
    for doc in docs:
        for entity in doc.get("entities", []):
            G.add_node(entity["id"])
    for doc in docs:
        for relation in doc.get("relations", []):
            if relation["from"] != relation["to"]:
                G.add_edge(relation["from"], relation["to"])
    return G


def builtin():
    G = builtin_graph()
    pairs = [
        ("jesus-alexander-sanchez-felix", "los-garibay"),
        ("ismael-zambada-garcia", "los-garibay"),
        ("nemesio-oseguera-cervantes", "los-salazar"),
        ("la-linea", "los-chapitos"),
    ]
    pairs = [(s, t) for s, t in pairs if s in G and t in G]
    scores = measures(G)
    return {
        "nodes": list(G),
        "centrality": {m: [scores[m][v] for v in G] for m in scores},
        "efficiency": nx.global_efficiency(G),
        "components": nx.number_connected_components(G),
        "paths": [{"from": s, "to": t, "k": 3, "lengths": k_shortest_lengths(G, s, t, 3)} for s, t in pairs],
    }


# The people network's rule, restated from the issue rather than read from cartelgraph: people
# tied through the groups they belong to or lead, plus 1 per direct non-hostile criminal tie.
MEMBERSHIP = {"member_of", "leads"}
DIRECT = {"parent_of", "spouse_of", "sibling_of", "relative_of", "associate_of", "works_for", "allied_with",
          "aligned_with", "launders_for"}


def with_direct_ties(P, pairs):
    """Adds each direct tie (a, b) or (a, b, weight) to P: its weight, 1 when not given."""
    for a, b, *weight in pairs:
        w = weight[0] if weight else 1
        if P.has_edge(a, b):
            P[a][b]["weight"] += w
        else:
            P.add_edge(a, b, weight=w)
    return P


def weighted_ties(P, index):
    ties = []
    for a, b, w in P.edges(data="weight"):
        i, j = sorted((index[a], index[b]))
        ties.append([i, j, w])
    return sorted(ties)


def people_small():
    """Davis's Southern Women (18 women, 14 events) with three direct ties added."""
    B = nx.davis_southern_women_graph()
    women, events = B.graph["top"], B.graph["bottom"]
    direct = [(women[0], women[1]), (women[0], women[17]), (women[5], women[16])]
    P = with_direct_ties(bipartite.weighted_projected_graph(B, women), direct)
    wi = {w: i for i, w in enumerate(women)}
    ei = {e: i for i, e in enumerate(events)}
    return {
        "people": len(women),
        "groups": len(events),
        "memberships": sorted([wi[a], ei[b]] if a in wi else [wi[b], ei[a]] for a, b in B.edges()),
        "direct": [[wi[a], wi[b]] for a, b in direct],
        "ties": weighted_ties(P, wi),
    }


def builtin_people_network():
    """The built-in people (load order) and their ties: the weighted bipartite projection plus
    each direct relation's weight (1 when absent)."""
    files = sorted(p for p in (ROOT / "seeds").glob("*.json") if p.name != "schema.json")
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in files]
    types = {e["id"]: e["type"] for doc in docs for e in doc.get("entities", [])}
    people = [e["id"] for doc in docs for e in doc.get("entities", []) if e["type"] == "person"]
    relations = [r for doc in docs for r in doc.get("relations", [])]
    B = nx.Graph()
    B.add_nodes_from(people, bipartite=0)
    B.add_edges_from((r["from"], r["to"]) for r in relations if r["kind"] in MEMBERSHIP)
    direct = [(r["from"], r["to"], r.get("weight", 1)) for r in relations
              if r["kind"] in DIRECT and r["from"] != r["to"] and types[r["from"]] == types[r["to"]] == "person"]
    return people, with_direct_ties(bipartite.weighted_projected_graph(B, people), direct)


def people_builtin():
    people, P = builtin_people_network()
    unweighted = nx.Graph()
    unweighted.add_nodes_from(people)
    unweighted.add_edges_from(P.edges())
    scores = measures(unweighted)
    return {
        "nodes": people,
        "ties": weighted_ties(P, {v: i for i, v in enumerate(people)}),
        "centrality": {m: [scores[m][v] for v in people] for m in scores},
        "efficiency": nx.global_efficiency(unweighted),
        "components": nx.number_connected_components(unweighted),
    }


def write_or_check(fixture, expected, script):
    """Writes `expected` as JSON to `fixture`, or with --check, returns 1 if the file differs."""
    text = json.dumps(expected, indent=1) + "\n"
    if "--check" in sys.argv:
        current = fixture.read_text(encoding="utf-8") if fixture.exists() else ""
        if current != text:
            print(f"{fixture} is stale: run tests/peer/{script}", file=sys.stderr)
            return 1
        return 0
    fixture.write_text(text, encoding="utf-8")
    return 0


def main():
    expected = {"networkx": nx.__version__, "graphs": small_graphs(), "builtin": builtin(),
                "people": {"small": people_small(), "builtin": people_builtin()}}
    return write_or_check(FIXTURE, expected, "networkx_expected.py")


if __name__ == "__main__":
    sys.exit(main())
