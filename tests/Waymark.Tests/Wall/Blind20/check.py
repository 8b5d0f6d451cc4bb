#!/usr/bin/env python3
"""Format and coverage checker for the twentieth blind labelled set (blind-20).

Run: python3 tests/Waymark.Tests/Wall/Blind20/check.py [path]
Reads blind20-posts.jsonl beside this file unless given a path. Exits 1 on any problem.
The checks are Wall/blind_check.py's, shared by every set; this file says what this set promises.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import blind_check  # noqa: E402

# Safe near-misses (marked by hand in this set's own batches): risky-looking words that are safe.
# Ids after the one shuffle with random.Random(20261220); filled in from this set's rows by the build script.
NEAR_MISSES = """
b20-0007 b20-0008 b20-0019 b20-0020 b20-0022 b20-0031 b20-0037 b20-0040 b20-0047 b20-0049 b20-0052 b20-0058
b20-0061 b20-0062 b20-0063 b20-0070 b20-0077 b20-0081 b20-0082 b20-0084 b20-0086 b20-0094 b20-0095 b20-0098
b20-0103 b20-0106 b20-0110 b20-0117 b20-0127 b20-0128 b20-0129 b20-0130 b20-0140 b20-0142 b20-0143 b20-0151
b20-0153 b20-0156 b20-0168 b20-0173 b20-0178 b20-0182 b20-0183 b20-0195 b20-0197 b20-0203 b20-0210 b20-0217
b20-0219 b20-0220 b20-0223 b20-0226 b20-0243 b20-0244 b20-0247 b20-0248 b20-0252 b20-0257 b20-0258 b20-0265
b20-0268 b20-0271 b20-0278 b20-0279 b20-0280 b20-0281 b20-0283 b20-0291 b20-0292 b20-0302 b20-0314 b20-0317
b20-0323 b20-0334 b20-0336 b20-0339 b20-0344 b20-0347 b20-0349 b20-0350 b20-0353 b20-0356 b20-0359 b20-0365
b20-0369 b20-0376 b20-0380 b20-0382 b20-0388 b20-0389 b20-0400 b20-0405 b20-0406 b20-0411 b20-0415 b20-0417
b20-0422 b20-0424 b20-0430 b20-0434 b20-0439 b20-0441 b20-0444 b20-0448 b20-0451 b20-0477 b20-0478 b20-0484
b20-0488 b20-0489 b20-0490 b20-0503 b20-0505 b20-0513 b20-0516 b20-0526 b20-0537 b20-0545 b20-0550 b20-0555
b20-0557 b20-0558 b20-0559 b20-0560 b20-0561 b20-0568 b20-0577 b20-0583 b20-0586 b20-0587 b20-0597 b20-0598
b20-0606 b20-0608 b20-0609 b20-0615 b20-0616 b20-0617 b20-0619 b20-0620 b20-0633 b20-0636 b20-0642 b20-0653
b20-0656 b20-0657 b20-0661 b20-0662 b20-0667 b20-0668 b20-0670 b20-0680 b20-0683 b20-0695 b20-0705 b20-0723
b20-0739 b20-0746 b20-0751 b20-0755 b20-0762 b20-0764 b20-0766 b20-0768 b20-0771 b20-0775 b20-0777
"""

# Coverage this set promises (see README.md): blind-19's floors scaled to about 750 rows (x0.97), with at
# least 150 near-misses as this set's brief asks.
blind_check.main(__file__, "blind20-posts.jsonl", id_format="b20-%04d", near_misses=NEAR_MISSES,
                 minimums=dict(rows=720, urgent=200, safe=280, near=150, other_rule=23, display=60, reply=135, long=12,
                               long_urgent=9, display_r6=8),
                 rule_minimums={"R1": 63, "R3": 45, "R4": 52, "R5": 45, "R9": 200})
