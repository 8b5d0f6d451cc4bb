#!/usr/bin/env python3
"""Format and coverage checker for the eleventh blind labelled set (blind-11).

Run: python3 tests/Waymark.Tests/Wall/Blind11/check.py [path]
Reads blind11-posts.jsonl beside this file unless given a path. Exits 1 on any problem.
The checks are Wall/blind_check.py's, shared by every set; this file says what this set promises.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import blind_check  # noqa: E402

# Safe near-misses (marked by hand when written): risky-looking words that are safe.
# Ids after the one shuffle with random.Random(20261208).
NEAR_MISSES = """
k005 k011 k014 k018 k019 k021 k022 k024 k028 k029 k032 k037 k042 k043 k049 k050 k055 k057 k060 k067
k069 k070 k074 k082 k083 k086 k088 k091 k102 k108 k112 k116 k117 k118 k122 k128 k133 k134 k135 k136
k138 k142 k144 k145 k151 k153 k156 k160 k161 k164 k170 k172 k174 k178 k182 k187 k190 k195 k202 k211
k215 k217 k219 k224 k225 k226 k229 k230 k235 k236 k242 k248 k251 k252 k257 k259 k261 k269 k270 k272
k278 k283 k291 k294 k302 k303 k313 k319 k328 k331 k340 k344 k347 k348 k349 k355 k357 k363 k369 k375
k380 k381 k390 k391 k393 k396 k399 k404 k409 k410 k416 k430 k443 k446 k448 k450 k457 k458 k459 k461
k468 k471 k477 k479 k482 k488 k489 k495 k496 k498 k504 k508 k515 k517 k520 k523 k524 k526 k533 k535
k539 k543 k550 k557 k562 k563 k577 k583 k585 k587 k590 k593 k594 k601 k603 k605 k608 k611 k623 k624
k626 k634 k637 k640 k650 k652 k653 k659 k662 k676 k681 k693 k694 k698 k699 k703 k710 k713 k721 k724
k734 k752 k753 k758 k761 k770 k771 k773 k775 k776 k777 k778 k781 k784 k788 k791
"""

# Coverage this set promises (see README.md).
blind_check.main(__file__, "blind11-posts.jsonl", id_format="k%03d", near_misses=NEAR_MISSES,
                 minimums=dict(rows=700, urgent=250, safe=240, near=150, other_rule=10, display=45, reply=100, long=18, long_urgent=8, display_r6=6),
                 rule_minimums={"R1": 80, "R3": 75, "R4": 80, "R5": 75, "R9": 250})
