#!/usr/bin/env python3
"""Format and coverage checker for the thirteenth blind labelled set (blind-13).

Run: python3 tests/Waymark.Tests/Wall/Blind13/check.py [path]
Reads blind13-posts.jsonl beside this file unless given a path. Exits 1 on any problem.
Standard library only.
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "blind13-posts.jsonl")

FIELDS = ["id", "text", "rules", "outcome", "kind"]
OUTCOMES = ["publish", "warn", "hold", "reject", "urgent"]
RANK = {o: i for i, o in enumerate(OUTCOMES)}
KINDS = {"post", "reply", "display_name"}
RULES = ["R%d" % i for i in range(1, 11)]
RULE_OUTCOME = {"R1": "hold", "R2": "hold", "R3": "hold", "R4": "reject", "R5": "hold",
                "R6": "hold", "R7": "warn", "R8": "publish", "R9": "urgent", "R10": "publish"}

# Safe near-misses (marked by hand when written): risky-looking words that are safe.
# Ids after the one shuffle with random.Random(20261213).
NEAR_MISSES = set("""
m016 m021 m028 m038 m040 m053 m054 m071 m090 m091 m093 m097 m098 m103 m106 m107 m112 m113 m115 m120
m127 m129 m130 m131 m132 m133 m143 m145 m155 m158 m175 m176 m188 m190 m196 m201 m214 m224 m225 m227
m234 m236 m242 m243 m249 m264 m273 m275 m277 m278 m285 m298 m300 m303 m306 m310 m318 m319 m325 m331
m336 m349 m358 m361 m362 m363 m364 m372 m377 m382 m385 m386 m387 m402 m410 m418 m424 m426 m429 m431
m434 m446 m466 m472 m479 m482 m488 m489 m494 m499 m500 m503 m506 m510 m512 m515 m518 m523 m533 m547
m550 m563 m564 m568 m575 m592 m602 m605 m614 m626 m634 m635 m639 m642 m649 m652 m657 m672 m675 m681
m683 m704 m709 m714 m718 m719 m724 m731 m746 m753 m756 m769 m770 m777 m781 m793 m795 m797
""".split())

# Coverage this set promises (see README.md).
MIN_ROWS = 780
MIN_URGENT = 260
MIN_SAFE = 250
MIN_NEAR = 120
MIN_RULE = {"R1": 95, "R3": 55, "R4": 85, "R5": 60, "R9": 260}
MIN_OTHER_RULE = 15
MIN_DISPLAY = 60
MIN_REPLY = 110
MIN_LONG = 15
MIN_LONG_URGENT = 9
MIN_DISPLAY_R6 = 7

PHONE = re.compile(r"(?<![\d.])(?:\+44\s?|0)\d[\d ]{7,12}\d(?!\d)")
ALLOWED_PHONE = re.compile(r"^(07700 ?900\d{3}|0113 ?496 ?0\d{3}|0800 ?068 ?4141|0800 ?58 ?58 ?58|116 ?123)$")
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
    if rid != "m%03d" % n:
        err("id %r out of sequence (expected m%03d)" % (rid, n))
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
