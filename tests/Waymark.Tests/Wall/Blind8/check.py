#!/usr/bin/env python3
"""Format and coverage checker for the eighth blind labelled set (blind-8).

Run: python3 tests/Waymark.Tests/Wall/Blind8/check.py [path]
Reads blind8-posts.jsonl beside this file unless given a path. Exits 1 on any problem.
The checks are Wall/blind_check.py's, shared by every set; this file says what this set promises.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import blind_check  # noqa: E402

# Safe near-misses (marked by hand when written): risky-looking words that are safe.
NEAR_MISSES = """
h001 h003 h006 h007 h010 h017 h020 h030 h033 h037 h039 h047 h048 h054 h055 h056 h057 h058 h064 h076
h078 h081 h096 h098 h100 h105 h113 h120 h121 h123 h128 h130 h132 h141 h145 h148 h156 h160 h184 h200
h201 h207 h234 h238 h241 h242 h247 h249 h270 h272 h293 h296 h300 h308 h311 h316 h318 h325 h329 h331
h333 h338 h339 h349 h350 h352 h355 h360 h364 h365 h372 h374 h386 h404 h409 h411 h415 h422 h425 h427
h436 h437 h438 h444 h452 h468 h473 h474 h484 h485 h487 h488 h494 h507 h511 h515 h519 h523 h524 h525
h529 h534 h536 h537 h539 h546 h555 h560 h561 h562 h565 h573 h575 h576 h578 h579 h591 h600 h603 h612
h618 h624 h631 h633 h637 h646 h665 h668 h671 h681 h687 h692 h693 h700 h705 h706 h708 h710 h723 h724
h725 h726 h741 h742 h747
"""

# Coverage this set promises (see README.md).
blind_check.main(__file__, "blind8-posts.jsonl", id_format="h%03d", near_misses=NEAR_MISSES,
                 minimums=dict(rows=650, urgent=200, safe=240, near=80, other_rule=10, display=40, reply=40, long=15, long_urgent=5, display_r6=5),
                 rule_minimums={"R1": 60, "R3": 60, "R4": 80, "R5": 60, "R9": 200})
