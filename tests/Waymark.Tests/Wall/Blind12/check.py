#!/usr/bin/env python3
"""Format and coverage checker for the twelfth blind labelled set (blind-12).

Run: python3 tests/Waymark.Tests/Wall/Blind12/check.py [path]
Reads blind12-posts.jsonl beside this file unless given a path. Exits 1 on any problem.
The checks are Wall/blind_check.py's, shared by every set; this file says what this set promises.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import blind_check  # noqa: E402

# Safe near-misses (marked by hand when written): risky-looking words that are safe.
# Ids after the one shuffle with random.Random(20261212).
NEAR_MISSES = """
l002 l004 l014 l020 l025 l030 l032 l033 l034 l036 l037 l062 l064 l065 l073 l074 l080 l090 l094 l098
l104 l110 l113 l115 l116 l117 l121 l122 l136 l137 l141 l145 l149 l157 l161 l165 l171 l181 l182 l183
l186 l187 l191 l196 l199 l200 l205 l206 l209 l211 l216 l217 l219 l222 l236 l240 l244 l250 l251 l260
l267 l270 l271 l275 l276 l278 l290 l291 l300 l309 l311 l315 l335 l338 l341 l345 l346 l348 l352 l354
l357 l358 l360 l367 l368 l371 l372 l375 l379 l386 l388 l389 l392 l393 l405 l407 l408 l414 l415 l428
l429 l431 l434 l435 l436 l437 l439 l444 l445 l454 l456 l462 l469 l473 l481 l484 l487 l495 l498 l502
l507 l509 l513 l519 l525 l533 l535 l538 l539 l543 l545 l547 l548 l556 l572 l580 l582 l588 l592 l600
l603 l608 l616 l617 l620 l624 l625 l630 l632 l634 l637 l642 l643 l652 l665 l667 l673 l677 l681 l683
l684 l685 l694 l706 l707 l708 l709 l711 l714 l725 l727 l728 l730 l734 l741 l742 l743 l747 l749 l758
l759 l764 l766 l774 l786 l790 l792 l797 l798 l801 l803 l806 l812
"""

# Coverage this set promises (see README.md).
blind_check.main(__file__, "blind12-posts.jsonl", id_format="l%03d", near_misses=NEAR_MISSES,
                 minimums=dict(rows=780, urgent=260, safe=250, near=180, other_rule=10, display=60, reply=110, long=18, long_urgent=9, display_r6=8),
                 rule_minimums={"R1": 95, "R3": 80, "R4": 95, "R5": 78, "R9": 260})
