#!/usr/bin/env python3
"""Format and coverage checker for the fifteenth blind labelled set (blind-15).

Run: python3 tests/Waymark.Tests/Wall/Blind15/check.py [path]
Reads blind15-posts.jsonl beside this file unless given a path. Exits 1 on any problem.
The checks are Wall/blind_check.py's, shared by every set; this file says what this set promises.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import blind_check  # noqa: E402

# Safe near-misses (marked by hand when written): risky-looking words that are safe.
# Ids after the one shuffle with random.Random(20261215).
NEAR_MISSES = """
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
"""

# Coverage this set promises (see README.md).
blind_check.main(__file__, "blind15-posts.jsonl", id_format="q%04d", near_misses=NEAR_MISSES,
                 minimums=dict(rows=820, urgent=265, safe=270, near=145, other_rule=24, display=66, reply=130, long=15, long_urgent=10, display_r6=8),
                 rule_minimums={"R1": 85, "R3": 60, "R4": 75, "R5": 58, "R9": 265})
