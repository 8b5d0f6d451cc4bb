"""Format and coverage checker for the fifth blind set.

Usage: python3 check.py [path]   (default: blind5-posts.jsonl beside this file)
Checks the format (as blind-4's checker does, with ids f001…) and the counts the README promises.
It says nothing about whether a screener gets the rows right; it never runs one.
"""
import collections, json, os, re, sys

path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "blind5-posts.jsonl")
ORDER = ["publish", "warn", "hold", "reject", "urgent"]
BASE = {"R1": "hold", "R2": "hold", "R3": "hold", "R4": "reject", "R5": "hold", "R6": "hold",
        "R7": "warn", "R8": "publish", "R9": "urgent", "R10": "publish"}
HELPLINES = ("08000684141", "0800585858")
# Safe rows that share words with risky ones (listed in the README); each must be publish or warn.
NEAR_MISSES = {
    "f002","f007","f010","f011","f018","f027","f033","f034","f038","f039","f040","f043",
    "f046","f047","f051","f052","f054","f058","f069","f077","f081","f083","f085","f089",
    "f094","f103","f106","f112","f113","f117","f119","f122","f123","f124","f127","f140",
    "f141","f144","f150","f151","f152","f162","f166","f169","f171","f172","f173","f176",
    "f177","f179","f182","f187","f192","f199","f211","f213","f215","f220","f223","f224",
    "f225","f226","f233","f235","f239","f250","f251","f253","f259","f263","f265","f268",
    "f273","f275","f278","f288","f300","f308","f324","f326","f329","f330","f331","f333",
    "f336","f341","f346","f353","f354","f356","f361","f369","f372","f377","f380","f383",
    "f392","f395","f398","f403","f405","f410","f412","f415","f418","f421","f426","f428",
    "f429","f435","f442","f445","f447","f451","f452","f454","f460","f464","f466","f473",
    "f474","f491","f501","f504","f509","f510","f524","f529","f540","f542","f543","f545",
    "f547","f549","f551","f552","f559","f569","f572","f576","f586","f589","f591","f595",
    "f602","f603","f604","f610","f613","f615","f616","f619","f628","f631","f632","f634",
    "f640","f641","f643","f648","f649","f650","f651","f652","f654","f657","f663","f664",
    "f666","f672","f675","f676","f678","f681","f683","f684","f697","f703","f704",
}  # NEAR_MISSES_LINE

ids, texts, rows = set(), set(), []
for n, line in enumerate(open(path, encoding="utf-8"), 1):
    o = json.loads(line)
    assert set(o) == {"id", "text", "rules", "outcome", "kind"}, n
    assert re.fullmatch(r"f\d{3}", o["id"]) and o["id"] not in ids, n
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
    if o["kind"] == "display_name":
        assert len(o["text"]) <= 60, (n, "display name too long")
    rows.append(o)
assert [r["id"] for r in rows] == [f"f{i:03d}" for i in range(1, len(rows) + 1)], "ids not in sequence"

rc = collections.Counter(r for o in rows for r in o["rules"])
oc = collections.Counter(o["outcome"] for o in rows)
kc = collections.Counter(o["kind"] for o in rows)
by_id = {o["id"]: o for o in rows}
safe = [o for o in rows if o["outcome"] in ("publish", "warn")]
long_rows = [o["id"] for o in rows if 600 <= len(o["text"]) <= 1000]
r9 = [o for o in rows if "R9" in o["rules"]]

# the coverage the README promises
assert len(rows) >= 500, len(rows)
assert all(o["outcome"] == "urgent" for o in r9)
assert all("R9" in o["rules"] for o in rows if o["outcome"] == "urgent")
assert oc["urgent"] >= 150, oc["urgent"]
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
print("OK")
