"""Golden files pin the drawing of a few diagrams, so a change to it is deliberate.

The diagrams draw fixed shapes (not the dataset, which keeps growing) on the
atlas figure.  After a deliberate change to the drawing, rewrite the files
with ``BODYMAP_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and look at the
diff (and the pictures) before committing.
"""

import os
from pathlib import Path

import pytest
from shapely import Polygon

from bodymap.render.svg import Overlay, view_svg

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("BODYMAP_UPDATE_GOLDEN") == "1"
LEGEND = [
    ("zone local", "Local pain"),
    ("zone essential", "Essential zone"),
    ("zone spillover", "Spillover zone"),
    ("marker", "Trigger point"),
]


def _overlay(local, essential, spillover, marker, spots=()):
    return Overlay(
        layers=[
            ("zone spillover", Polygon(spillover)),
            ("zone essential", Polygon(essential)),
            ("zone local", Polygon(local)),
        ],
        markers=[("marker trigger-point tp-test", *marker, "Test: TrP1")],
        legend=LEGEND,
        spots=list(spots),
        muscles=[("muscle-shape muscle-outline muscle-test", Polygon(local))],
    )


DIAGRAMS = {
    # A temple headache pattern on the front of the head, cropped to it.
    "head-front": (
        "front",
        _overlay(
            local=[(170, 60), (186, 58), (188, 80), (172, 84)],
            essential=[(166, 70), (180, 64), (186, 96), (172, 104), (164, 90)],
            spillover=[(168, 50), (196, 48), (204, 96), (190, 128), (166, 110)],
            marker=(178, 72),
            spots=[(182, 100, "Your pain spot")],
        ),
        {},
    ),
    # A pattern down the back of the arm to the hand, cropped to the arm.
    "arm-back": (
        "back",
        _overlay(
            local=[(318, 250), (336, 250), (338, 290), (320, 292)],
            essential=[(320, 300), (342, 300), (350, 380), (328, 384)],
            spillover=[(326, 384), (352, 380), (360, 470), (338, 474)],
            marker=(328, 270),
        ),
        {},
    ),
    # A calf pattern as a light thumbnail.
    "calf-thumbnail": (
        "back",
        _overlay(
            local=[(240, 720), (268, 720), (268, 760), (242, 762)],
            essential=[(240, 880), (262, 880), (262, 905), (240, 905)],
            spillover=[(238, 770), (266, 770), (262, 870), (244, 870)],
            marker=(252, 740),
        ),
        {"css_class": "thumbnail", "stylesheet": ".zone.essential{fill:#c92a2a}"},
    ),
}


@pytest.mark.parametrize("name", sorted(DIAGRAMS))
def test_the_drawing_matches_its_golden_file(atlas, name):
    view_id, overlay, options = DIAGRAMS[name]
    svg = view_svg(atlas, view_id, overlay=overlay, prefix=f"golden-{name}", **options)
    # One element a line, so a change reads as a small diff.
    text = svg.replace("><", ">\n<") + "\n"
    path = GOLDEN / f"{name}.svg"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"run with BODYMAP_UPDATE_GOLDEN=1 to write {path.name}"
    assert text == path.read_text(encoding="utf-8"), (
        f"{path.name} changed: if the change is deliberate, rewrite it "
        "with BODYMAP_UPDATE_GOLDEN=1 and check the diff"
    )
