#!/usr/bin/env python3
"""Format and coverage checker for the seventh blind labelled set (blind-7).

Run: python3 tests/Waymark.Tests/Wall/Blind7/check.py [path]
Reads blind7-posts.jsonl beside this file unless given a path. Exits 1 on any problem.
The checks are Wall/blind_check.py's, shared by every set; this file says what this set promises.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import blind_check  # noqa: E402

# Safe near-misses (marked by hand when written): risky-looking words that are safe.
NEAR_MISSES = """
h004 h005 h007 h010 h014 h025 h029 h031 h038 h039 h041 h055 h057 h062 h076 h082 h083 h089 h092 h095
h097 h099 h119 h120 h121 h125 h131 h133 h138 h141 h142 h144 h146 h147 h151 h152 h153 h161 h166 h169
h174 h182 h183 h188 h193 h203 h206 h207 h210 h215 h238 h240 h243 h251 h254 h255 h270 h273 h275 h276
h282 h292 h303 h307 h317 h320 h322 h323 h328 h331 h342 h347 h352 h354 h362 h363 h364 h367 h371 h377
h380 h382 h384 h387 h389 h390 h391 h392 h395 h399 h403 h412 h413 h418 h420 h421 h422 h427 h435 h446
h447 h449 h460 h463 h464 h467 h474 h479 h480 h484 h495 h501 h509 h512 h517 h530 h531 h532 h533 h535
h538 h540 h547 h566 h568 h573 h576 h579 h584 h586 h592 h594 h609 h614 h615 h619 h620 h623 h624 h629
h630 h644 h645 h646 h648 h651 h657 h664 h666 h667 h673 h675 h676 h684 h693 h699 h701 h704 h712 h716
h719 h725 h726 h727 h733 h734 h738 h743 h748 h752 h756 h757 h762 h764 h768 h769
"""

# Coverage this set promises (see README.md).
blind_check.main(__file__, "blind7-posts.jsonl", id_format="h%03d", near_misses=NEAR_MISSES,
                 minimums=dict(rows=650, urgent=200, safe=240, near=80, other_rule=10, display=40, reply=40, long=15, long_urgent=5, display_r6=5),
                 rule_minimums={"R1": 60, "R3": 60, "R4": 80, "R5": 60, "R9": 200})
