#!/usr/bin/env python3
"""Format and coverage checker for the eighteenth blind labelled set (blind-18).

Run: python3 tests/Waymark.Tests/Wall/Blind18/check.py [path]
Reads blind18-posts.jsonl beside this file unless given a path. Exits 1 on any problem.
The checks are Wall/blind_check.py's, shared by every set; this file says what this set promises.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import blind_check  # noqa: E402

# Safe near-misses (marked by hand when written): risky-looking words that are safe.
# Ids after the one shuffle with random.Random(20261218).
NEAR_MISSES = """
t0004 t0007 t0022 t0027 t0031 t0042 t0048 t0050 t0058 t0076 t0085 t0092 t0097 t0117 t0119 t0120
t0123 t0131 t0138 t0145 t0147 t0148 t0156 t0158 t0161 t0168 t0171 t0172 t0178 t0179 t0183 t0185
t0187 t0190 t0192 t0193 t0198 t0206 t0207 t0211 t0219 t0224 t0229 t0233 t0234 t0236 t0238 t0240
t0242 t0247 t0251 t0252 t0259 t0260 t0280 t0289 t0291 t0301 t0310 t0314 t0319 t0321 t0329 t0333
t0334 t0338 t0340 t0345 t0356 t0365 t0366 t0369 t0386 t0388 t0404 t0406 t0417 t0425 t0432 t0443
t0445 t0451 t0456 t0458 t0465 t0470 t0473 t0476 t0482 t0484 t0485 t0495 t0496 t0503 t0510 t0514
t0515 t0517 t0528 t0535 t0536 t0544 t0545 t0546 t0553 t0559 t0568 t0573 t0574 t0575 t0576 t0588
t0590 t0600 t0605 t0615 t0617 t0621 t0638 t0643 t0646 t0648 t0658 t0659 t0661 t0662 t0665 t0672
t0682 t0684 t0691 t0696 t0703 t0707 t0711 t0720 t0725 t0731 t0732 t0742 t0752 t0755 t0759 t0764
t0765 t0773 t0782 t0787 t0791 t0806 t0807 t0821 t0837 t0840 t0842 t0847 t0848 t0851 t0857 t0877
t0878 t0887 t0891 t0897 t0902 t0907 t0913 t0914 t0921 t0924 t0925 t0929 t0934 t0939 t0943 t0945
t0946 t0960 t0961 t0975 t0983 t0985 t0989
"""

# Coverage this set promises (see README.md): floors at about what this set holds.
blind_check.main(__file__, "blind18-posts.jsonl", id_format="t%04d", near_misses=NEAR_MISSES,
                 minimums=dict(rows=950, urgent=270, safe=370, near=180, other_rule=30, display=80, reply=180, long=15,
                               long_urgent=12, display_r6=11),
                 rule_minimums={"R1": 85, "R3": 60, "R4": 70, "R5": 60, "R9": 270})
