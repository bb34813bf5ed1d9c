#!/usr/bin/python3
"""GraphML both ways with a peer, NetworkX 2.8 (Debian's python3-networkx):
1. NetworkX reads the GraphML cartelgraph writes: same nodes, edges and attributes.
2. cartelgraph reads a GraphML NetworkX writes (weighted, without our attributes): same node ids,
   weights kept, and the same betweenness as NetworkX.
    tests/peer/graphml_interop.py path/to/cartelgraph
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
    done = subprocess.run([exe, *args], capture_output=True, text=True, check=True)
    return done.stdout


def check(condition, message):
    if not condition:
        failures.append(message)


with tempfile.TemporaryDirectory() as work:
    work = pathlib.Path(work)

    # 1. Ours, read by NetworkX.
    ours = work / "cartelgraph.graphml"
    run("export", "--to", "graphml", "-o", str(ours))
    info = json.loads(run("--format", "json", "info"))
    G = nx.read_graphml(ours)
    check(G.number_of_nodes() == info["entities"], f"nodes: {G.number_of_nodes()} != {info['entities']}")
    check(G.number_of_edges() == info["relations"], f"edges: {G.number_of_edges()} != {info['relations']}")
    mencho = G.nodes["nemesio-oseguera-cervantes"]
    check(mencho["type"] == "person" and mencho["name"] == "Nemesio Oseguera Cervantes", f"node attributes: {mencho}")
    check("El Mencho" in json.loads(mencho.get("aliases", "[]")) or mencho.get("known_as") == "El Mencho",
          "the name he is known by survives (known_as, or an alias in a JSON list)")
    check(json.loads(mencho["sources"])[0]["section"], "node sources carry sections")
    edges = G.get_edge_data("los-salazar", "los-garibay")
    check(edges is not None, "the Salazar–Garibay alliance is an edge")
    if edges:
        alliance = [d for d in edges.values() if d["kind"] == "allied_with"]
        dated = alliance and (alliance[0].get("since") or alliance[0].get("known_by"))
        check(dated == "2021-03" and alliance[0]["place"] == "mexicali-valley",
              f"edge attributes: {alliance}")
    check(len(json.loads(G.graph["sources"])) == info["sources"], "graph-level source records")

    # 2. Theirs, read by cartelgraph.
    club = nx.karate_club_graph()  # weighted edges, a 'club' node attribute, integer ids
    theirs = work / "karate.graphml"
    nx.write_graphml(club, theirs)
    scores = json.loads(run("--data", str(theirs), "--format", "json", "centrality", "--measure", "betweenness",
                            "--top", "1000"))
    expected = nx.betweenness_centrality(club)
    got = {r["id"]: r["score"] for r in scores["results"]}
    check(set(got) == {str(v) for v in club}, "node ids are kept")
    worst = max(abs(got[str(v)] - expected[v]) for v in club)
    check(worst <= 1e-9, f"betweenness differs from NetworkX by {worst}")
    facts = work / "facts"
    facts.mkdir()
    run("--data", str(theirs), "export", "--to", "json", "-o", str(facts / "karate.json"))
    relations = json.loads((facts / "karate.json").read_text())["relations"]
    weights = {(r["from"], r["to"]): r["weight"] for r in relations}
    check(all(weights.get((str(a), str(b)), weights.get((str(b), str(a)))) == d["weight"]
              for a, b, d in club.edges(data=True)), "edge weights are kept")
    check(all(r["kind"] == "associate_of" for r in relations), "edges without kind take --default-kind")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("GraphML interop with NetworkX", nx.__version__, "ok")
