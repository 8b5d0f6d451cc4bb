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
u0003 u0005 u0006 u0016 u0027 u0028 u0040 u0042 u0044 u0046 u0053 u0056 u0058 u0062 u0069 u0073
u0074 u0079 u0093 u0099 u0121 u0127 u0136 u0137 u0138 u0141 u0142 u0157 u0158 u0159 u0163 u0164
u0165 u0174 u0176 u0177 u0179 u0181 u0190 u0193 u0194 u0195 u0199 u0206 u0210 u0213 u0216 u0218
u0220 u0223 u0233 u0234 u0239 u0245 u0252 u0275 u0287 u0288 u0293 u0296 u0301 u0302 u0309 u0327
u0331 u0333 u0335 u0342 u0345 u0348 u0350 u0367 u0372 u0373 u0382 u0384 u0394 u0396 u0398 u0403
u0405 u0408 u0410 u0421 u0426 u0434 u0440 u0443 u0450 u0455 u0457 u0474 u0477 u0484 u0495 u0500
u0506 u0520 u0546 u0554 u0564 u0583 u0585 u0586 u0588 u0591 u0592 u0593 u0601 u0603 u0611 u0615
u0616 u0622 u0625 u0626 u0628 u0643 u0644 u0646 u0648 u0657 u0667 u0679 u0683 u0692 u0694 u0697
u0710 u0719 u0722 u0726 u0732 u0737 u0739 u0745 u0755 u0756 u0758 u0763 u0767
"""

# Coverage this set promises (see README.md): blind-18's floors scaled to this set's size (x0.77).
blind_check.main(__file__, "blind19-posts.jsonl", id_format="u%04d", near_misses=NEAR_MISSES,
                 minimums=dict(rows=730, urgent=208, safe=285, near=139, other_rule=23, display=62, reply=139, long=12,
                               long_urgent=9, display_r6=8),
                 rule_minimums={"R1": 65, "R3": 46, "R4": 54, "R5": 46, "R9": 208})
