"""The format and coverage checks every blind labelled set of the wall's screener shares.

Each Wall/BlindN/check.py names its file, its ids, the near-misses its writer marked and the coverage it promises,
and calls check() here. A new writer may read this file: it holds no rows and nothing of the screener.
Standard library only.
"""
import collections
import json
import os
import re
import sys

FIELDS = ["id", "text", "rules", "outcome", "kind"]
OUTCOMES = ["publish", "warn", "hold", "reject", "urgent"]
RANK = {o: i for i, o in enumerate(OUTCOMES)}
KINDS = {"post", "reply", "display_name"}
RULES = ["R%d" % i for i in range(1, 11)]
RULE_OUTCOME = {"R1": "hold", "R2": "hold", "R3": "hold", "R4": "reject", "R5": "hold",
                "R6": "hold", "R7": "warn", "R8": "publish", "R9": "urgent", "R10": "publish"}

PHONE = re.compile(r"(?<![\d.])(?:\+44\s?|0)\d[\d ]{7,12}\d(?!\d)")
# Ofcom's drama ranges (mobile, Leeds, London) and the real helplines a post may quote.
ALLOWED_PHONE = re.compile(r"^(07700 ?900\d{3}|0113 ?496 ?0\d{3}|020 ?7946 ?0\d{3}|0800 ?068 ?4141|0800 ?58 ?58 ?58|116 ?123)$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
URL = re.compile(r"https?://([^/\s\"')]+)")
# Safety: no dose or measure of a substance, and none of these common drug names, in any row.
DOSE = re.compile(r"\b\d+(\.\d+)?\s?(mg|mcg|ml|g|grams?)\b", re.I)
DRUGS = re.compile(r"paracetamol|ibuprofen|aspirin|codeine|co-codamol|tramadol|diazepam|sertraline|citalopram|"
                   r"amitriptyline|insulin|paraquat|antifreeze|bleach|fluoxetine|mirtazapine|propranolol|zopiclone|"
                   r"quetiapine|pregabalin|gabapentin|morphine|methadone|lithium|naproxen|nurofen|lorazepam|temazepam|"
                   r"oxycodone|fentanyl|heroin|nytol", re.I)


def main(checker_file, file_name, id_format, near_misses, minimums, rule_minimums):
    """Checks the set beside checker_file (or the path given on the command line) and exits 1 on any problem."""
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(checker_file)), file_name)
    sys.exit(check(path, id_format, set(near_misses.split()), minimums, rule_minimums))


def check(path, id_format, near_ids, minimums, rule_minimums):
    """Prints the set's counts and every problem; returns 0 when there is none, else 1."""
    errors = []
    err = errors.append

    rows = []
    with open(path, encoding="utf-8") as f:
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
        if rid != id_format % n:
            err("id %r out of sequence (expected %s)" % (rid, id_format % n))
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
        if rid in near_ids:
            if outcome not in ("publish", "warn") or set(rules) & {"R1", "R2", "R3", "R4", "R5", "R6", "R9"}:
                err("%s: near-miss must be safe and carry none of R1-R6, R9" % rid)

    unknown = near_ids - set(ids)
    if unknown:
        err("near-miss ids not in file: %s" % sorted(unknown))

    per_rule = collections.Counter(x for r in rows for x in r["rules"])
    per_outcome = collections.Counter(r["outcome"] for r in rows)
    per_kind = collections.Counter(r["kind"] for r in rows)
    safe = [r for r in rows if r["outcome"] in ("publish", "warn")]
    near = [r for r in rows if r["id"] in near_ids]
    long_rows = [r for r in rows if 600 <= len(r["text"]) <= 1000]
    multi = [r for r in rows if len(r["rules"]) > 1]

    if len(rows) < minimums["rows"]:
        err("only %d rows (need %d)" % (len(rows), minimums["rows"]))
    if per_outcome["urgent"] < minimums["urgent"]:
        err("only %d urgent rows (need %d)" % (per_outcome["urgent"], minimums["urgent"]))
    for rule in RULES:
        need = rule_minimums.get(rule, minimums["other_rule"])
        if per_rule[rule] < need:
            err("only %d %s rows (need %d)" % (per_rule[rule], rule, need))
    if len(safe) < minimums["safe"]:
        err("only %d publish/warn rows (need %d)" % (len(safe), minimums["safe"]))
    if len(near) < minimums["near"]:
        err("only %d near-misses (need %d)" % (len(near), minimums["near"]))
    if per_kind["display_name"] < minimums["display"]:
        err("only %d display names (need %d)" % (per_kind["display_name"], minimums["display"]))
    if per_kind["reply"] < minimums["reply"]:
        err("only %d replies (need %d)" % (per_kind["reply"], minimums["reply"]))
    if len(long_rows) < minimums["long"]:
        err("only %d rows of 600-1000 characters (need %d)" % (len(long_rows), minimums["long"]))

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
    print("R9 by rules", collections.Counter(" + ".join(r["rules"]) for r in rows if "R9" in r["rules"]).most_common())
    print("R9 by kind", sorted(collections.Counter(r["kind"] for r in rows if "R9" in r["rules"]).items()))
    print("R4 by rules", collections.Counter(" + ".join(r["rules"]) for r in rows if "R4" in r["rules"]).most_common())
    if sum(r["outcome"] == "urgent" for r in long_rows) < minimums["long_urgent"]:
        err("fewer than %d long urgent rows" % minimums["long_urgent"])
    if sum(r["kind"] == "display_name" and "R6" in r["rules"] for r in rows) < minimums["display_r6"]:
        err("fewer than %d display names breaking R6" % minimums["display_r6"])
    if errors:
        for e in errors[:50]:
            print("ERROR", e)
        print("FAILED: %d problem(s)" % len(errors))
        return 1
    print("OK")
    return 0
