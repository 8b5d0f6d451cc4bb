#!/usr/bin/env python3
"""Format and coverage checker for the ninth blind labelled set (blind-9).

Run: python3 tests/Waymark.Tests/Wall/Blind9/check.py [path]
Reads blind9-posts.jsonl beside this file unless given a path. Exits 1 on any problem.
The checks are Wall/blind_check.py's, shared by every set; this file says what this set promises.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import blind_check  # noqa: E402

# Safe near-misses (marked by hand when written): risky-looking words that are safe.
NEAR_MISSES = """
i003 i010 i013 i014 i016 i022 i023 i033 i036 i039 i040 i051 i052 i055 i063 i064 i070 i074 i077 i084
i089 i090 i095 i099 i101 i106 i114 i118 i126 i141 i147 i154 i157 i158 i163 i176 i183 i187 i192 i194
i198 i199 i203 i206 i218 i231 i242 i251 i254 i256 i259 i260 i264 i268 i273 i276 i278 i279 i293 i296
i301 i304 i306 i310 i314 i318 i320 i329 i335 i343 i349 i353 i356 i362 i363 i376 i379 i386 i387 i388
i390 i396 i398 i401 i408 i409 i411 i416 i417 i427 i428 i430 i432 i438 i443 i447 i452 i454 i455 i456
i460 i462 i463 i464 i465 i468 i471 i476 i489 i492 i499 i526 i529 i537 i541 i542 i543 i545 i550 i557
i561 i563 i567 i569 i574 i591 i597 i602 i604 i605 i607 i608 i609 i613 i619 i621 i626 i629 i634 i638
i640 i646 i649 i652 i665 i681 i695 i698 i700 i701 i705 i706 i707 i708 i710 i715 i717 i732 i733 i740
i741 i750 i755
"""

# Coverage this set promises (see README.md).
blind_check.main(__file__, "blind9-posts.jsonl", id_format="i%03d", near_misses=NEAR_MISSES,
                 minimums=dict(rows=700, urgent=220, safe=150, near=80, other_rule=10, display=40, reply=40, long=15, long_urgent=5, display_r6=5),
                 rule_minimums={"R1": 60, "R3": 60, "R4": 60, "R5": 60, "R9": 220})
