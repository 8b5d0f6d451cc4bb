#!/usr/bin/env python3
"""Format and coverage checker for the seventeenth blind labelled set (blind-17).

Run: python3 tests/Waymark.Tests/Wall/Blind17/check.py [path]
Reads blind17-posts.jsonl beside this file unless given a path. Exits 1 on any problem.
The checks are Wall/blind_check.py's, shared by every set; this file says what this set promises.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import blind_check  # noqa: E402

# Safe near-misses (marked by hand when written): risky-looking words that are safe.
# Ids after the one shuffle with random.Random(20261217).
NEAR_MISSES = """
s0002 s0005 s0012 s0018 s0019 s0022 s0023 s0026 s0029 s0047 s0066 s0070 s0071 s0072 s0082 s0085
s0089 s0096 s0101 s0105 s0109 s0111 s0112 s0113 s0120 s0129 s0136 s0137 s0141 s0144 s0154 s0156
s0158 s0167 s0175 s0180 s0191 s0200 s0202 s0214 s0217 s0233 s0234 s0240 s0252 s0254 s0256 s0262
s0263 s0264 s0266 s0267 s0274 s0280 s0283 s0285 s0286 s0287 s0288 s0290 s0306 s0309 s0310 s0314
s0315 s0319 s0323 s0325 s0329 s0357 s0359 s0363 s0369 s0375 s0376 s0377 s0390 s0401 s0403 s0404
s0409 s0411 s0413 s0414 s0421 s0428 s0437 s0438 s0441 s0448 s0452 s0467 s0477 s0479 s0486 s0489
s0495 s0500 s0501 s0502 s0504 s0507 s0510 s0518 s0522 s0523 s0527 s0545 s0548 s0552 s0556 s0563
s0569 s0571 s0577 s0578 s0581 s0584 s0591 s0595 s0599 s0625 s0630 s0632 s0634 s0636 s0642 s0644
s0645 s0654 s0655 s0658 s0665 s0666 s0667 s0675 s0684 s0689 s0692 s0693 s0694 s0705 s0711 s0712
s0725 s0737 s0738 s0740 s0744 s0746 s0750 s0753 s0761 s0764 s0765 s0766 s0767 s0778 s0786 s0790
s0791 s0804 s0805 s0806 s0810 s0820 s0823 s0827 s0834 s0835 s0836 s0843 s0844 s0845 s0846 s0849
s0852 s0853 s0854 s0860 s0864 s0868 s0876 s0886 s0888 s0889 s0891 s0900 s0901 s0905
"""

# Coverage this set promises (see README.md): blind-16's floors, raised to what this set holds.
blind_check.main(__file__, "blind17-posts.jsonl", id_format="s%04d", near_misses=NEAR_MISSES,
                 minimums=dict(rows=900, urgent=280, safe=300, near=185, other_rule=28, display=80, reply=180, long=17,
                               long_urgent=12, display_r6=9),
                 rule_minimums={"R1": 100, "R3": 62, "R4": 85, "R5": 60, "R9": 280})
