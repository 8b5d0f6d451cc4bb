#!/usr/bin/env python3
"""Format and coverage checker for the fourteenth blind labelled set (blind-14).

Run: python3 tests/Waymark.Tests/Wall/Blind14/check.py [path]
Reads blind14-posts.jsonl beside this file unless given a path. Exits 1 on any problem.
The checks are Wall/blind_check.py's, shared by every set; this file says what this set promises.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import blind_check  # noqa: E402

# Safe near-misses (marked by hand when written): risky-looking words that are safe.
# Ids after the one shuffle with random.Random(20261214).
NEAR_MISSES = """
p015 p021 p048 p059 p065 p068 p074 p081 p098 p112 p114 p115 p137 p138 p143 p147 p154 p157 p159 p171
p172 p173 p190 p192 p195 p205 p206 p217 p225 p226 p232 p234 p243 p245 p249 p261 p263 p279 p280 p281
p293 p310 p319 p324 p331 p346 p349 p369 p376 p377 p398 p403 p413 p416 p423 p426 p427 p435 p460 p476
p481 p487 p491 p493 p505 p509 p514 p517 p519 p537 p540 p543 p563 p576 p577 p597 p599 p604 p613 p617
p622 p626 p630 p634 p638 p639 p640 p651 p652 p657 p661 p677 p707 p708 p714 p719 p727 p738 p742 p768
p774 p775 p783 p785 p792 p795
"""

# Coverage this set promises (see README.md).
blind_check.main(__file__, "blind14-posts.jsonl", id_format="p%03d", near_misses=NEAR_MISSES,
                 minimums=dict(rows=780, urgent=265, safe=260, near=100, other_rule=20, display=65, reply=120, long=15, long_urgent=10, display_r6=8),
                 rule_minimums={"R1": 100, "R3": 60, "R4": 75, "R5": 60, "R9": 265})
