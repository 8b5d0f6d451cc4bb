#!/usr/bin/env python3
"""Format and coverage checker for the nineteenth blind labelled set (blind-19).

Run: python3 tests/Waymark.Tests/Wall/Blind19/check.py [path]
Reads blind19-posts.jsonl beside this file unless given a path. Exits 1 on any problem.
The checks are Wall/blind_check.py's, shared by every set; this file says what this set promises.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import blind_check  # noqa: E402

# Safe near-misses (marked by hand when written): risky-looking words that are safe.
# Ids after the one shuffle with random.Random(20261219).
NEAR_MISSES = """
u0001 u0004 u0006 u0014 u0025 u0027 u0047 u0049 u0060 u0064 u0069 u0080 u0081 u0083 u0090 u0094
u0098 u0099 u0105 u0106 u0107 u0108 u0110 u0111 u0118 u0124 u0145 u0152 u0153 u0156 u0169 u0176
u0181 u0184 u0187 u0189 u0191 u0193 u0195 u0201 u0204 u0214 u0217 u0221 u0222 u0230 u0233 u0234
u0238 u0254 u0257 u0265 u0280 u0286 u0287 u0298 u0312 u0313 u0324 u0335 u0338 u0341 u0347 u0348
u0350 u0375 u0377 u0378 u0382 u0390 u0402 u0407 u0415 u0416 u0417 u0420 u0424 u0432 u0434 u0435
u0439 u0469 u0475 u0480 u0483 u0484 u0486 u0487 u0494 u0498 u0501 u0513 u0518 u0520 u0521 u0527
u0531 u0533 u0544 u0545 u0547 u0548 u0553 u0560 u0571 u0574 u0581 u0583 u0586 u0596 u0604 u0608
u0613 u0617 u0619 u0625 u0635 u0636 u0638 u0646
"""

# Coverage this set promises (see README.md): blind-18's floors scaled to a set of about 600 rows (x0.6).
blind_check.main(__file__, "blind19-posts.jsonl", id_format="u%04d", near_misses=NEAR_MISSES,
                 minimums=dict(rows=580, urgent=165, safe=222, near=100, other_rule=18, display=48, reply=108, long=9,
                               long_urgent=7, display_r6=7),
                 rule_minimums={"R1": 51, "R3": 36, "R4": 42, "R5": 36, "R9": 165})
