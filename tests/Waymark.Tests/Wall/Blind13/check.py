#!/usr/bin/env python3
"""Format and coverage checker for the thirteenth blind labelled set (blind-13).

Run: python3 tests/Waymark.Tests/Wall/Blind13/check.py [path]
Reads blind13-posts.jsonl beside this file unless given a path. Exits 1 on any problem.
The checks are Wall/blind_check.py's, shared by every set; this file says what this set promises.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import blind_check  # noqa: E402

# Safe near-misses (marked by hand when written): risky-looking words that are safe.
# Ids after the one shuffle with random.Random(20261213).
NEAR_MISSES = """
m016 m021 m028 m038 m040 m053 m054 m071 m090 m091 m093 m097 m098 m103 m106 m107 m112 m113 m115 m120
m127 m129 m130 m131 m132 m133 m143 m145 m155 m158 m175 m176 m188 m190 m196 m201 m214 m224 m225 m227
m234 m236 m242 m243 m249 m264 m273 m275 m277 m278 m285 m298 m300 m303 m306 m310 m318 m319 m325 m331
m336 m349 m358 m361 m362 m363 m364 m372 m377 m382 m385 m386 m387 m402 m410 m418 m424 m426 m429 m431
m434 m446 m466 m472 m479 m482 m488 m489 m494 m499 m500 m503 m506 m510 m512 m515 m518 m523 m533 m547
m550 m563 m564 m568 m575 m592 m602 m605 m614 m626 m634 m635 m639 m642 m649 m652 m657 m672 m675 m681
m683 m704 m709 m714 m718 m719 m724 m731 m746 m753 m756 m769 m770 m777 m781 m793 m795 m797
"""

# Coverage this set promises (see README.md).
blind_check.main(__file__, "blind13-posts.jsonl", id_format="m%03d", near_misses=NEAR_MISSES,
                 minimums=dict(rows=780, urgent=260, safe=250, near=120, other_rule=15, display=60, reply=110, long=15, long_urgent=9, display_r6=7),
                 rule_minimums={"R1": 95, "R3": 55, "R4": 85, "R5": 60, "R9": 260})
