#!/usr/bin/env python3
"""Format and coverage checker for the eleventh blind labelled set (blind-11).

Run: python3 tests/Waymark.Tests/Wall/Blind11/check.py [path]
Reads blind11-posts.jsonl beside this file unless given a path. Exits 1 on any problem.
Standard library only.
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "blind11-posts.jsonl")

FIELDS = ["id", "text", "rules", "outcome", "kind"]
OUTCOMES = ["publish", "warn", "hold", "reject", "urgent"]
RANK = {o: i for i, o in enumerate(OUTCOMES)}
KINDS = {"post", "reply", "display_name"}
RULES = ["R%d" % i for i in range(1, 11)]
RULE_OUTCOME = {"R1": "hold", "R2": "hold", "R3": "hold", "R4": "reject", "R5": "hold",
                "R6": "hold", "R7": "warn", "R8": "publish", "R9": "urgent", "R10": "publish"}

# Safe near-misses (marked by hand when written): risky-looking words that are safe.
NEAR_MISSES = set("""
k001 k002 k004 k006 k012 k013 k018 k022 k023 k025 k027 k029 k032 k037 k043 k044 k049 k050 k055 k060
k065 k067 k068 k070 k074 k080 k084 k086 k088 k091 k094 k098 k100 k103 k116 k117 k118 k122 k133 k134
k138 k142 k143 k144 k145 k152 k156 k158 k160 k166 k170 k172 k174 k180 k182 k190 k194 k211 k213 k215
k217 k219 k224 k225 k226 k229 k230 k237 k241 k242 k248 k251 k256 k259 k270 k272 k279 k281 k286 k288
k289 k291 k294 k297 k303 k304 k313 k328 k331 k333 k340 k343 k347 k348 k354 k362 k368 k374 k378 k379
k391 k394 k395 k399 k402 k408 k414 k428 k436 k441 k442 k448 k456 k457 k459 k463 k466 k469 k475 k477
k480 k486 k487 k488 k493 k496 k501 k502 k506 k515 k518 k521 k522 k524 k527 k531 k533 k541 k543 k548
k555 k557 k560 k561 k575 k577 k578 k581 k583 k585 k588 k591 k592 k601 k603 k606 k609 k611 k621 k622
k624 k632 k635 k648 k650 k655 k657 k660 k674 k679 k691 k692 k696 k697 k701 k708 k711 k719 k722 k732
k750 k751 k756 k759 k768 k769 k771 k773 k774 k775 k776 k779 k782 k786 k789
""".split())

# Coverage this set promises (see README.md).
MIN_ROWS = 700
MIN_URGENT = 240
MIN_SAFE = 200
MIN_NEAR = 120
MIN_RULE = {"R1": 70, "R3": 65, "R4": 70, "R5": 65, "R9": 240}
MIN_OTHER_RULE = 10
MIN_DISPLAY = 40
MIN_REPLY = 40
MIN_LONG = 15
MIN_LONG_URGENT = 6
MIN_DISPLAY_R6 = 5

PHONE = re.compile(r"(?<![\d.])(?:\+44\s?|0)\d[\d ]{7,12}\d(?!\d)")
ALLOWED_PHONE = re.compile(r"^(07700 ?900\d{3}|0113 ?496 ?0\d{3}|0800 ?068 ?4141|0800 ?58 ?58 ?58|116 ?123)$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
URL = re.compile(r"https?://([^/\s\"')]+)")
# Safety: no dose or measure of a substance, and none of these common drug names, in any row.
DOSE = re.compile(r"\b\d+(\.\d+)?\s?(mg|mcg|ml|g|grams?)\b", re.I)
DRUGS = re.compile(r"paracetamol|ibuprofen|aspirin|codeine|co-codamol|tramadol|diazepam|sertraline|citalopram|"
                   r"amitriptyline|insulin|paraquat|antifreeze|bleach", re.I)

errors = []


def err(msg):
    errors.append(msg)


rows = []
with open(PATH, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            err("line %d: not valid JSON (%s)" % (n, e))
            continue
        if not isinstance(row, dict) or list(row.keys()) != FIELDS:
            err("line %d: fields must be exactly %s in that order" % (n, FIELDS))
            continue
        rows.append(row)

ids = [r["id"] for r in rows]
if len(set(ids)) != len(ids):
    err("duplicate ids: %s" % sorted(i for i, c in collections.Counter(ids).items() if c > 1))
for n, rid in enumerate(ids, 1):
    if rid != "k%03d" % n:
        err("id %r out of sequence (expected k%03d)" % (rid, n))
        break
texts = collections.Counter(r["text"] for r in rows if isinstance(r["text"], str))
for t, c in texts.items():
    if c > 1:
        err("duplicate text: %r" % t)

for r in rows:
    rid, text, rules, outcome, kind = r["id"], r["text"], r["rules"], r["outcome"], r["kind"]
    if not isinstance(text, str) or not text or text != text.strip():
        err("%s: text must be a trimmed non-empty string" % rid)
        continue
    if len(text) > 1000:
        err("%s: text longer than 1000 characters (%d)" % (rid, len(text)))
    if kind not in KINDS:
        err("%s: bad kind %r" % (rid, kind))
    if kind == "display_name" and len(text) > 60:
        err("%s: display name longer than 60 characters" % rid)
    if outcome not in OUTCOMES:
        err("%s: bad outcome %r" % (rid, outcome))
        continue
    if not isinstance(rules, list) or any(x not in RULES for x in rules):
        err("%s: bad rules %r" % (rid, rules))
        continue
    if rules != sorted(set(rules), key=RULES.index):
        err("%s: rules not unique and in rule order: %r" % (rid, rules))
    strictest = max([RULE_OUTCOME[x] for x in rules] or ["publish"], key=RANK.get)
    if outcome != strictest and not (outcome == "hold" and strictest == "publish" and "R8" in rules):
        err("%s: outcome %s but strictest of %s is %s" % (rid, outcome, rules, strictest))
    if ("R9" in rules) != (outcome == "urgent"):
        err("%s: R9 rows must be urgent and urgent rows R9" % rid)
    for m in PHONE.finditer(text):
        if not ALLOWED_PHONE.match(m.group(0).strip()):
            err("%s: phone number not from the drama ranges or helplines: %r" % (rid, m.group(0)))
    for m in EMAIL.finditer(text):
        addr = m.group(0).lower()
        if not (addr.endswith("@example.com") or addr == "jo@samaritans.org"):
            err("%s: email not at example.com: %r" % (rid, addr))
    for m in URL.finditer(text):
        host = m.group(1).lower()
        if not (host == "example.com" or host.endswith(".example.com")):
            err("%s: link not to an example.com host: %r" % (rid, host))
    if DOSE.search(text) or DRUGS.search(text):
        err("%s: names a dose or a specific substance" % rid)
    if rid in NEAR_MISSES:
        if outcome not in ("publish", "warn") or set(rules) & {"R1", "R2", "R3", "R4", "R5", "R6", "R9"}:
            err("%s: near-miss must be safe and carry none of R1-R6, R9" % rid)

unknown = NEAR_MISSES - set(ids)
if unknown:
    err("near-miss ids not in file: %s" % sorted(unknown))

per_rule = collections.Counter(x for r in rows for x in r["rules"])
per_outcome = collections.Counter(r["outcome"] for r in rows)
per_kind = collections.Counter(r["kind"] for r in rows)
safe = [r for r in rows if r["outcome"] in ("publish", "warn")]
near = [r for r in rows if r["id"] in NEAR_MISSES]
long_rows = [r for r in rows if 600 <= len(r["text"]) <= 1000]
multi = [r for r in rows if len(r["rules"]) > 1]
combo = lambda rs: " + ".join(rs)

if len(rows) < MIN_ROWS:
    err("only %d rows (need %d)" % (len(rows), MIN_ROWS))
if per_outcome["urgent"] < MIN_URGENT:
    err("only %d urgent rows (need %d)" % (per_outcome["urgent"], MIN_URGENT))
for rule in RULES:
    need = MIN_RULE.get(rule, MIN_OTHER_RULE)
    if per_rule[rule] < need:
        err("only %d %s rows (need %d)" % (per_rule[rule], rule, need))
if len(safe) < MIN_SAFE:
    err("only %d publish/warn rows (need %d)" % (len(safe), MIN_SAFE))
if len(near) < MIN_NEAR:
    err("only %d near-misses (need %d)" % (len(near), MIN_NEAR))
if per_kind["display_name"] < MIN_DISPLAY:
    err("only %d display names (need %d)" % (per_kind["display_name"], MIN_DISPLAY))
if per_kind["reply"] < MIN_REPLY:
    err("only %d replies (need %d)" % (per_kind["reply"], MIN_REPLY))
if len(long_rows) < MIN_LONG:
    err("only %d rows of 600-1000 characters (need %d)" % (len(long_rows), MIN_LONG))

print("rows", len(rows))
print("per rule", [(x, per_rule[x]) for x in RULES])
print("per outcome", [(o, per_outcome[o]) for o in OUTCOMES])
print("per kind", sorted(per_kind.items()))
print("safe (publish or warn)", len(safe), "near-misses", len(near),
      "near-misses publish", sum(r["outcome"] == "publish" for r in near))
print("no rules", sum(not r["rules"] for r in rows), "multi", len(multi), "long(600-1000)", len(long_rows),
      "long urgent", sum(r["outcome"] == "urgent" for r in long_rows))
print("display names with R6", sum(r["kind"] == "display_name" and "R6" in r["rules"] for r in rows))
print("R8 raised to hold", sum("R8" in r["rules"] and r["outcome"] == "hold"
                               and all(RULE_OUTCOME[x] in ("publish", "warn") for x in r["rules"]) for r in rows))
print("R9 by rules", collections.Counter(combo(r["rules"]) for r in rows if "R9" in r["rules"]).most_common())
print("R9 by kind", sorted(collections.Counter(r["kind"] for r in rows if "R9" in r["rules"]).items()))
print("R4 by rules", collections.Counter(combo(r["rules"]) for r in rows if "R4" in r["rules"]).most_common())
if sum(r["outcome"] == "urgent" for r in long_rows) < MIN_LONG_URGENT:
    err("fewer than %d long urgent rows" % MIN_LONG_URGENT)
if sum(r["kind"] == "display_name" and "R6" in r["rules"] for r in rows) < MIN_DISPLAY_R6:
    err("fewer than %d display names breaking R6" % MIN_DISPLAY_R6)
if errors:
    for e in errors[:50]:
        print("ERROR", e)
    print("FAILED: %d problem(s)" % len(errors))
    sys.exit(1)
print("OK")
