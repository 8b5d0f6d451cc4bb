#!/usr/bin/env python3
"""Format and coverage checker for the tenth blind labelled set (blind-10).

Run: python3 tests/Waymark.Tests/Wall/Blind10/check.py [path]
Reads blind10-posts.jsonl beside this file unless given a path. Exits 1 on any problem.
The checks are Wall/blind_check.py's, shared by every set; this file says what this set promises.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import blind_check  # noqa: E402

# Safe near-misses (marked by hand when written): risky-looking words that are safe.
NEAR_MISSES = """
j002 j004 j012 j013 j019 j021 j025 j030 j033 j035 j039 j045 j060 j078 j082 j083 j084 j091 j092 j093
j104 j117 j118 j124 j132 j139 j145 j148 j162 j163 j169 j174 j179 j184 j193 j202 j207 j209 j210 j215
j218 j219 j221 j225 j228 j229 j232 j241 j242 j244 j246 j250 j257 j260 j266 j276 j278 j281 j284 j289
j290 j292 j294 j299 j302 j306 j312 j319 j335 j339 j345 j351 j353 j372 j380 j383 j390 j397 j399 j408
j414 j417 j418 j419 j420 j429 j430 j432 j434 j438 j440 j443 j448 j456 j457 j474 j480 j486 j490 j491
j497 j498 j503 j504 j510 j512 j513 j515 j519 j523 j531 j532 j533 j536 j538 j541 j545 j553 j555 j556
j564 j573 j574 j575 j576 j589 j593 j605 j615 j620 j624 j630 j633 j637 j644 j645 j649 j650 j653 j659
j667 j669 j670 j672 j673 j675 j679 j686 j688 j698 j702 j709 j711 j713 j714 j716 j718 j720 j722 j727
j729 j730 j731 j740 j743 j744 j745 j747 j749 j750 j757
"""

# Coverage this set promises (see README.md).
blind_check.main(__file__, "blind10-posts.jsonl", id_format="j%03d", near_misses=NEAR_MISSES,
                 minimums=dict(rows=700, urgent=240, safe=200, near=120, other_rule=10, display=40, reply=40, long=15, long_urgent=6, display_r6=5),
                 rule_minimums={"R1": 70, "R3": 65, "R4": 70, "R5": 65, "R9": 240})
