#!/usr/bin/python3
"""CSV both ways with a peer, Python's csv module (RFC 4180 as spreadsheets write it):
1. Python reads the four tables `export --to csv` writes: every record as long as its header,
   every node, relationship and citation of `export --to json` there, text equal once the
   documented formula guard (one leading ') is removed and lists split at unescaped ';'.
2. cartelgraph reads an edge list Python writes (QUOTE_MINIMAL, CRLF; names with commas, quotes,
   line breaks, accents and a leading '='): the same names, and repeated pairs one tie with the
   weights summed.
    tests/peer/csv_interop.py path/to/cartelgraph
"""
import csv
import json
import pathlib
import subprocess
import sys
import tempfile

exe = sys.argv[1]
failures = []


def run(*args):
    return subprocess.run([exe, *args], capture_output=True, text=True, check=True).stdout


def check(condition, message):
    if not condition:
        failures.append(message)


def table(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    for number, row in enumerate(rows[1:], start=2):
        check(len(row) == len(rows[0]), f"{path.name}:{number}: {len(row)} fields, header {len(rows[0])}")
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def unguarded(text):
    return text[1:] if text.startswith("'") else text


def split_list(cell):
    items, item, escaped = [], "", False
    for c in cell:
        if escaped:
            item, escaped = item + c, False
        elif c == "\\":
            escaped = True
        elif c == ";":
            items, item = items + [item], ""
        else:
            item += c
    return items + [item] if cell else []


with tempfile.TemporaryDirectory() as work:
    work = pathlib.Path(work)
    facts = json.loads(run("export", "--to", "json"))
    subprocess.run([exe, "export", "--to", "csv", "-o", str(work / "out")], capture_output=True, check=True)
    nodes = {unguarded(r["id:ID"]): r for r in table(work / "out" / "nodes.csv")}
    check(len(nodes) == len(facts["entities"]), "node count")
    for entity in facts["entities"]:
        row = nodes.get(entity["id"])
        if row is None:
            failures.append(f"entity {entity['id']} missing")
            continue
        check(unguarded(row["name"]) == entity["name"], f"name of {entity['id']}")
        check(unguarded(row["description"]) == entity["description"], f"description of {entity['id']}")
        check(split_list(unguarded(row["aliases:string[]"])) == entity.get("aliases", []), f"aliases of {entity['id']}")
    relationships = table(work / "out" / "relationships.csv")
    check(len(relationships) == len(facts["relations"]), "relationship count")
    for row, relation in zip(relationships, facts["relations"]):
        check(unguarded(row[":START_ID"]) == relation["from"] and unguarded(row[":END_ID"]) == relation["to"]
              and row[":TYPE"].lower() == relation["kind"], f"relationship {row['id']}")
        check(row["since"] == relation.get("since", ""), f"since of {row['id']}")
    citations = table(work / "out" / "citations.csv")
    expected = sum(len(e["sources"]) for e in facts["entities"]) + sum(len(r["sources"]) for r in facts["relations"])
    check(len(citations) == expected, f"citations: {len(citations)}, expected {expected}")
    check(len(table(work / "out" / "sources.csv")) == len(facts["sources"]), "source count")

    names = ["=SUM(A1)", 'Joaquín "El Chapo" Guzmán', "Los Salazar, Sonora", "two\nlines", "Ana"]
    with open(work / "calls.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)  # QUOTE_MINIMAL, CRLF: as Excel and LibreOffice write
        writer.writerow(["caller", "callee", "count"])
        for i, name in enumerate(names[:-1]):
            writer.writerow([name, names[i + 1], i + 1])
        writer.writerow([names[0], names[1], 10])
    back = json.loads(run("--data", str(work / "calls.csv"), "export", "--to", "json"))
    check(sorted(e["name"] for e in back["entities"]) == sorted(names), "names read from Python's CSV")
    by_name = {e["id"]: e["name"] for e in back["entities"]}
    weights = {(by_name[r["from"]], by_name[r["to"]]): r.get("weight") for r in back["relations"]}
    check(weights.get((names[0], names[1])) == 11, f"repeated pair summed: {weights}")
    check(all(r["confidence"] == "ungraded" for r in back["relations"]), "ungraded")

for failure in failures:
    print("FAIL:", failure)
print(f"csv interop: {len(failures)} failures")
sys.exit(1 if failures else 0)
