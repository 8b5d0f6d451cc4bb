#!/usr/bin/env python3
"""Format and coverage checker for the sixteenth blind labelled set (blind-16).

Run: python3 tests/Waymark.Tests/Wall/Blind16/check.py [path]
Reads blind16-posts.jsonl beside this file unless given a path. Exits 1 on any problem.
The checks are Wall/blind_check.py's, shared by every set; this file says what this set promises.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import blind_check  # noqa: E402

# Safe near-misses (marked by hand when written): risky-looking words that are safe.
# Ids after the one shuffle with random.Random(20261216).
NEAR_MISSES = """
r0004 r0008 r0018 r0041 r0042 r0054 r0067 r0068 r0078 r0082 r0084 r0086 r0087 r0099 r0101 r0108
r0129 r0130 r0131 r0136 r0141 r0144 r0150 r0153 r0157 r0159 r0161 r0163 r0171 r0175 r0182 r0183
r0196 r0199 r0205 r0216 r0225 r0231 r0236 r0244 r0247 r0248 r0254 r0256 r0260 r0263 r0268 r0269
r0277 r0278 r0279 r0282 r0285 r0287 r0298 r0310 r0312 r0314 r0321 r0324 r0331 r0345 r0347 r0350
r0353 r0357 r0359 r0366 r0367 r0375 r0378 r0385 r0397 r0403 r0405 r0410 r0412 r0420 r0423 r0434
r0437 r0446 r0458 r0472 r0473 r0482 r0483 r0485 r0491 r0501 r0502 r0511 r0513 r0514 r0515 r0520
r0521 r0537 r0545 r0562 r0564 r0565 r0573 r0585 r0597 r0600 r0608 r0615 r0616 r0618 r0620 r0622
r0628 r0634 r0651 r0660 r0664 r0677 r0678 r0680 r0688 r0693 r0695 r0697 r0698 r0700 r0705 r0706
r0707 r0715 r0722 r0741 r0748 r0753 r0756 r0763 r0765 r0777 r0787 r0792 r0800 r0810 r0812 r0813
r0814 r0827 r0828 r0831 r0834 r0839 r0847 r0852
"""

# Coverage this set promises (see README.md): the same floors as blind-15's.
blind_check.main(__file__, "blind16-posts.jsonl", id_format="r%04d", near_misses=NEAR_MISSES,
                 minimums=dict(rows=820, urgent=265, safe=270, near=145, other_rule=24, display=66, reply=130, long=15, long_urgent=10, display_r6=8),
                 rule_minimums={"R1": 85, "R3": 60, "R4": 75, "R5": 58, "R9": 265})
