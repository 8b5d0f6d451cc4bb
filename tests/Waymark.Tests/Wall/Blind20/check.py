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
b20-0002 b20-0011 b20-0013 b20-0015 b20-0017 b20-0032 b20-0035 b20-0037 b20-0040 b20-0045 b20-0046 b20-0048
b20-0050 b20-0051 b20-0053 b20-0060 b20-0066 b20-0069 b20-0076 b20-0080 b20-0083 b20-0095 b20-0098 b20-0110
b20-0113 b20-0114 b20-0119 b20-0120 b20-0122 b20-0123 b20-0127 b20-0128 b20-0132 b20-0145 b20-0152 b20-0153
b20-0158 b20-0160 b20-0164 b20-0168 b20-0174 b20-0179 b20-0182 b20-0183 b20-0186 b20-0190 b20-0199 b20-0202
b20-0214 b20-0216 b20-0218 b20-0222 b20-0223 b20-0231 b20-0238 b20-0244 b20-0249 b20-0250 b20-0255 b20-0259
b20-0260 b20-0269 b20-0272 b20-0276 b20-0283 b20-0284 b20-0298 b20-0299 b20-0301 b20-0304 b20-0305 b20-0308
b20-0310 b20-0316 b20-0328 b20-0331 b20-0333 b20-0335 b20-0336 b20-0340 b20-0342 b20-0344 b20-0347 b20-0351
b20-0356 b20-0367 b20-0373 b20-0376 b20-0377 b20-0379 b20-0383 b20-0384 b20-0385 b20-0386 b20-0400 b20-0403
b20-0404 b20-0410 b20-0413 b20-0416 b20-0418 b20-0420 b20-0427 b20-0430 b20-0433 b20-0448 b20-0450 b20-0453
b20-0469 b20-0470 b20-0471 b20-0478 b20-0482 b20-0490 b20-0498 b20-0499 b20-0503 b20-0505 b20-0507 b20-0508
b20-0510 b20-0511 b20-0517 b20-0522 b20-0527 b20-0529 b20-0530 b20-0532 b20-0542 b20-0544 b20-0547 b20-0548
b20-0555 b20-0566 b20-0569 b20-0570 b20-0572 b20-0574 b20-0576 b20-0578 b20-0585 b20-0588 b20-0589 b20-0591
b20-0596 b20-0604 b20-0606 b20-0619 b20-0624 b20-0630 b20-0631 b20-0638 b20-0640 b20-0643 b20-0654 b20-0655
b20-0658 b20-0659 b20-0660 b20-0662 b20-0664 b20-0668 b20-0677 b20-0679 b20-0687 b20-0688 b20-0691 b20-0693
b20-0702 b20-0703 b20-0710 b20-0712 b20-0714 b20-0715 b20-0716 b20-0718 b20-0723 b20-0724 b20-0725 b20-0726
b20-0728 b20-0729 b20-0745 b20-0749 b20-0757 b20-0771 b20-0775 b20-0776 b20-0780 b20-0781 b20-0786 b20-0788
b20-0792 b20-0807 b20-0811 b20-0825 b20-0835 b20-0838 b20-0844 b20-0856 b20-0874 b20-0879 b20-0882 b20-0887
b20-0891 b20-0892 b20-0900 b20-0902 b20-0904 b20-0906 b20-0909 b20-0913 b20-0915
"""

# Coverage this set promises (see README.md): blind-19's floors scaled to about 750 rows (x0.97), with at
# least 150 near-misses as this set's brief asks.
blind_check.main(__file__, "blind20-posts.jsonl", id_format="b20-%04d", near_misses=NEAR_MISSES,
                 minimums=dict(rows=720, urgent=200, safe=280, near=150, other_rule=23, display=60, reply=135, long=12,
                               long_urgent=9, display_r6=8),
                 rule_minimums={"R1": 63, "R3": 45, "R4": 52, "R5": 45, "R9": 200})
