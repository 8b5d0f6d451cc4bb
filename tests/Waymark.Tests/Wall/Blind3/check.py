import json, re, collections, sys
path=sys.argv[1]
ids=set(); texts=set(); rows=[]
ORDER=["publish","warn","hold","reject","urgent"]
BASE={"R1":"hold","R2":"hold","R3":"hold","R4":"reject","R5":"hold","R6":"hold","R7":"warn","R8":"publish","R9":"urgent","R10":"publish"}
for n,line in enumerate(open(path,encoding="utf-8"),1):
    o=json.loads(line)
    assert set(o)=={"id","text","rules","outcome","kind"}, n
    assert re.fullmatch(r"d\d{3}",o["id"]) and o["id"] not in ids, n; ids.add(o["id"])
    assert o["text"] not in texts, n; texts.add(o["text"])
    assert 0<len(o["text"])<=1000, n
    assert o["kind"] in ("post","reply","display_name"), n
    assert all(r in BASE for r in o["rules"]) and o["rules"]==sorted(set(o["rules"]),key=lambda x:int(x[1:])), n
    exp=max([BASE[r] for r in o["rules"]]+["publish"], key=ORDER.index)
    if o["outcome"]!=exp:
        # only allowed exception: R8 raised to hold when nothing stricter applies
        assert "R8" in o["rules"] and o["outcome"]=="hold" and ORDER.index(exp)<ORDER.index("hold"), (n,o)
    for ph in re.findall(r"\b0\d[\d ]{8,12}\d\b", o["text"]):
        d=ph.replace(" ","")
        assert d.startswith("07700900") or d in ("08000684141","0800585858"), (n,ph)
    for em in re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", o["text"]):
        assert em.endswith("@example.com") or em=="jo@samaritans.org", (n,em)
    rows.append(o)
assert [r["id"] for r in rows]==[f"d{i:03d}" for i in range(1,len(rows)+1)]
rc=collections.Counter(r for o in rows for r in o["rules"])
print("rows",len(rows))
print("per rule", [(k,rc[k]) for k in BASE])
print("per outcome", [(k,sum(o["outcome"]==k for o in rows)) for k in ORDER])
print("per kind", collections.Counter(o["kind"] for o in rows))
print("no rules", sum(not o["rules"] for o in rows), "multi", sum(len(o["rules"])>1 for o in rows),
      "long(600-1000)", sum(600<=len(o["text"])<=1000 for o in rows))
print("R8 raised to hold", [o["id"] for o in rows if o["outcome"]=="hold" and set(o["rules"])<= {"R8","R10"}])
