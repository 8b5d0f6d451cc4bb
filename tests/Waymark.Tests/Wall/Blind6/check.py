"""Format and coverage checker for the sixth blind set.

Usage: python3 check.py [path]   (default: blind6-posts.jsonl beside this file)
Checks the format (as blind-5's checker does, with ids g001…) and the counts the README promises.
It says nothing about whether a screener gets the rows right; it never runs one.
"""
import collections, json, os, re, sys

path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "blind6-posts.jsonl")
ORDER = ["publish", "warn", "hold", "reject", "urgent"]
BASE = {"R1": "hold", "R2": "hold", "R3": "hold", "R4": "reject", "R5": "hold", "R6": "hold",
        "R7": "warn", "R8": "publish", "R9": "urgent", "R10": "publish"}
HELPLINES = ("08000684141", "0800585858")
# Safe rows that share words with risky ones (described in the README); each must be publish or warn.
NEAR_MISSES = {
    "g008","g011","g012","g014","g016","g020","g021","g024","g028","g029","g030","g032",
    "g033","g035","g036","g043","g045","g048","g055","g063","g066","g074","g075","g088",
    "g092","g093","g094","g095","g098","g100","g106","g111","g114","g128","g131","g140",
    "g148","g160","g161","g167","g170","g171","g179","g180","g185","g186","g189","g192",
    "g193","g194","g195","g196","g207","g209","g216","g219","g220","g223","g224","g240",
    "g243","g254","g259","g268","g269","g276","g280","g281","g283","g284","g290","g291",
    "g293","g303","g313","g317","g326","g328","g330","g342","g364","g369","g370","g377",
    "g379","g384","g390","g393","g395","g410","g411","g414","g417","g419","g421","g427",
    "g429","g433","g434","g440","g446","g452","g455","g456","g461","g462","g465","g467",
    "g468","g469","g470","g474","g475","g483","g488","g490","g503","g506","g508","g512",
    "g513","g516","g517","g519","g520","g521","g525","g527","g533","g535","g544","g546",
    "g548","g550","g558","g562","g563","g564","g567","g571","g575","g586","g588","g589",
    "g593","g596","g597","g599","g603","g605","g606","g610","g616","g618","g633","g636",
    "g641","g644","g646","g649","g664","g666","g675",
}  # NEAR_MISSES_LINE

ids, texts, rows = set(), set(), []
for n, line in enumerate(open(path, encoding="utf-8"), 1):
    o = json.loads(line)
    assert set(o) == {"id", "text", "rules", "outcome", "kind"}, n
    assert re.fullmatch(r"g\d{3}", o["id"]) and o["id"] not in ids, n
    ids.add(o["id"])
    assert o["text"] not in texts, (n, o["text"])
    texts.add(o["text"])
    assert 0 < len(o["text"]) <= 1000, (n, len(o["text"]))
    assert o["text"] == o["text"].strip(), n
    assert o["kind"] in ("post", "reply", "display_name"), n
    assert all(r in BASE for r in o["rules"]) and o["rules"] == sorted(set(o["rules"]), key=lambda x: int(x[1:])), n
    assert o["outcome"] in ORDER, n
    exp = max([BASE[r] for r in o["rules"]] + ["publish"], key=ORDER.index)
    if o["outcome"] != exp:
        # only allowed exception: R8 raised to hold (aimed at members) when nothing stricter applies
        assert "R8" in o["rules"] and o["outcome"] == "hold" and ORDER.index(exp) < ORDER.index("hold"), (n, o)
    for ph in re.findall(r"\b0\d[\d ]{8,12}\d\b", o["text"]):
        d = ph.replace(" ", "")
        assert d.startswith("07700900") or d in HELPLINES, (n, ph)
    for em in re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", o["text"]):
        assert em.endswith("@example.com") or em == "jo@samaritans.org", (n, em)
    for url in re.findall(r"https?://([\w.-]+)", o["text"]):
        assert url.endswith("example.com"), (n, url)
    if o["kind"] == "display_name":
        assert len(o["text"]) <= 60, (n, "display name too long")
    rows.append(o)
assert [r["id"] for r in rows] == [f"g{i:03d}" for i in range(1, len(rows) + 1)], "ids not in sequence"

rc = collections.Counter(r for o in rows for r in o["rules"])
oc = collections.Counter(o["outcome"] for o in rows)
kc = collections.Counter(o["kind"] for o in rows)
by_id = {o["id"]: o for o in rows}
safe = [o for o in rows if o["outcome"] in ("publish", "warn")]
long_rows = [o["id"] for o in rows if 600 <= len(o["text"]) <= 1000]
r9 = [o for o in rows if "R9" in o["rules"]]

# the coverage the README promises
assert len(rows) >= 600, len(rows)
assert all(o["outcome"] == "urgent" for o in r9)
assert all("R9" in o["rules"] for o in rows if o["outcome"] == "urgent")
assert oc["urgent"] >= 200, oc["urgent"]
assert rc["R4"] >= 80, rc["R4"]
for r in ("R1", "R3", "R5"):
    assert rc[r] >= 60, (r, rc[r])
for r in ("R2", "R6", "R7", "R8", "R10"):
    assert rc[r] >= 10, (r, rc[r])
assert len(safe) >= 200, len(safe)
assert NEAR_MISSES <= set(by_id), NEAR_MISSES - set(by_id)
assert len(NEAR_MISSES) >= 120, len(NEAR_MISSES)
for i in NEAR_MISSES:
    assert by_id[i]["outcome"] in ("publish", "warn"), i
    assert not set(by_id[i]["rules"]) & {"R1", "R2", "R3", "R4", "R5", "R6", "R9"}, i
assert kc["display_name"] >= 40, kc["display_name"]
assert kc["reply"] >= 40, kc["reply"]
assert sum(o["kind"] == "display_name" and "R6" in o["rules"] for o in rows) >= 5
assert len(long_rows) >= 15, len(long_rows)
assert sum(o["outcome"] == "urgent" for o in rows if o["id"] in long_rows) >= 5

print("rows", len(rows))
print("per rule", [(k, rc[k]) for k in BASE])
print("per outcome", [(k, oc[k]) for k in ORDER])
print("per kind", [(k, kc[k]) for k in ("post", "reply", "display_name")])
print("safe (publish or warn)", len(safe), "near-misses", len(NEAR_MISSES),
      "near-misses publish", sum(by_id[i]["outcome"] == "publish" for i in NEAR_MISSES))
print("no rules", sum(not o["rules"] for o in rows), "multi", sum(len(o["rules"]) > 1 for o in rows),
      "long(600-1000)", len(long_rows))
print("long ids", " ".join(long_rows))
print("display names with R6", sum(o["kind"] == "display_name" and "R6" in o["rules"] for o in rows))
print("R8 raised to hold", [o["id"] for o in rows if o["outcome"] == "hold" and set(o["rules"]) <= {"R8", "R10"}])
combos = collections.Counter(" + ".join(o["rules"]) for o in r9)
print("R9 by rules", sorted(combos.items(), key=lambda kv: -kv[1]))
print("R9 by kind", sorted(collections.Counter(o["kind"] for o in r9).items()))
r4 = collections.Counter(" + ".join(o["rules"]) for o in rows if "R4" in o["rules"])
print("R4 by rules", sorted(r4.items(), key=lambda kv: -kv[1]))
print("OK")
