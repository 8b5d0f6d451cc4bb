#!/usr/bin/env python3
"""Format and coverage checker for the fifteenth blind labelled set (blind-15).

Run: python3 tests/Waymark.Tests/Wall/Blind15/check.py [path]
Reads blind15-posts.jsonl beside this file unless given a path. Exits 1 on any problem.
Standard library only.
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "blind15-posts.jsonl")

FIELDS = ["id", "text", "rules", "outcome", "kind"]
OUTCOMES = ["publish", "warn", "hold", "reject", "urgent"]
RANK = {o: i for i, o in enumerate(OUTCOMES)}
KINDS = {"post", "reply", "display_name"}
RULES = ["R%d" % i for i in range(1, 11)]
RULE_OUTCOME = {"R1": "hold", "R2": "hold", "R3": "hold", "R4": "reject", "R5": "hold",
                "R6": "hold", "R7": "warn", "R8": "publish", "R9": "urgent", "R10": "publish"}

# Safe near-misses (marked by hand when written): risky-looking words that are safe.
# Ids after the one shuffle with random.Random(20261215).
NEAR_MISSES = set("""
q0005 q0018 q0023 q0025 q0030 q0031 q0033 q0041 q0043 q0051 q0062 q0063 q0069 q0075 q0077 q0081
q0082 q0087 q0091 q0093 q0099 q0101 q0104 q0106 q0119 q0122 q0124 q0129 q0131 q0146 q0149 q0151
q0153 q0165 q0187 q0188 q0190 q0193 q0201 q0208 q0209 q0211 q0220 q0225 q0232 q0236 q0237 q0242
q0250 q0267 q0275 q0276 q0286 q0289 q0293 q0294 q0295 q0302 q0303 q0307 q0312 q0313 q0321 q0328
q0338 q0340 q0344 q0352 q0357 q0358 q0361 q0365 q0371 q0374 q0377 q0379 q0387 q0392 q0393 q0398
q0402 q0409 q0415 q0416 q0417 q0426 q0435 q0445 q0451 q0456 q0458 q0464 q0465 q0467 q0473 q0478
q0484 q0489 q0497 q0503 q0524 q0538 q0539 q0549 q0571 q0581 q0585 q0588 q0589 q0594 q0596 q0597
q0598 q0601 q0612 q0622 q0631 q0639 q0642 q0644 q0647 q0651 q0659 q0670 q0671 q0683 q0692 q0694
q0716 q0719 q0721 q0722 q0724 q0733 q0736 q0737 q0751 q0764 q0765 q0767 q0771 q0773 q0782 q0793
q0796 q0800 q0805 q0812 q0815 q0817 q0819 q0829 q0831 q0834
""".split())

# Coverage this set promises (see README.md).
MIN_ROWS = 820
MIN_URGENT = 265
MIN_SAFE = 270
MIN_NEAR = 145
MIN_RULE = {"R1": 85, "R3": 60, "R4": 75, "R5": 58, "R9": 265}
MIN_OTHER_RULE = 24
MIN_DISPLAY = 66
MIN_REPLY = 130
MIN_LONG = 15
MIN_LONG_URGENT = 10
MIN_DISPLAY_R6 = 8

PHONE = re.compile(r"(?<![\d.])(?:\+44\s?|0)\d[\d ]{7,12}\d(?!\d)")
ALLOWED_PHONE = re.compile(r"^(07700 ?900\d{3}|0113 ?496 ?0\d{3}|020 ?7946 ?0\d{3}|0800 ?068 ?4141|0800 ?58 ?58 ?58|116 ?123)$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
URL = re.compile(r"https?://([^/\s\"')]+)")
# Safety: no dose or measure of a substance, and none of these common drug names, in any row.
DOSE = re.compile(r"\b\d+(\.\d+)?\s?(mg|mcg|ml|g|grams?)\b", re.I)
DRUGS = re.compile(r"paracetamol|ibuprofen|aspirin|codeine|co-codamol|tramadol|diazepam|sertraline|citalopram|"
                   r"amitriptyline|insulin|paraquat|antifreeze|bleach|fluoxetine|mirtazapine|propranolol|zopiclone|"
                   r"quetiapine|pregabalin|gabapentin|morphine|methadone|lithium|naproxen|nurofen|lorazepam|temazepam|"
                   r"oxycodone|fentanyl|heroin|nytol", re.I)

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
    if rid != "q%04d" % n:
        err("id %r out of sequence (expected q%04d)" % (rid, n))
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
