"""The body silhouette, built from simple shapes in shapely.

Everything here is authored for the person's right half in *body
coordinates*: ``u`` is the distance from the midline towards the person's
right, ``y`` points down, both in the same units as the SVG views.  The left
half is the mirror image, and each view decides on which side of the screen
the person's right falls (see :mod:`bodymap.atlas.views`).

The proportions follow the eight-heads canon: chin at one head, nipples near
two, navel near three, crotch near four, knees near six and soles at eight.
"""

from shapely import Polygon, affinity, unary_union
from shapely.geometry import Point

HEAD = 114.0
TOP = 36.0

# Limb segments as (u0, y0, r0, u1, y1, r1): a tapered capsule from one circle
# to the next.  Tune the figure here.
ARM = [
    (100, 214, 27, 112, 300, 21),  # upper arm: deltoid to mid-arm
    (112, 300, 21, 121, 352, 18),  # lower upper arm to elbow
    (121, 352, 18, 127, 400, 17),  # forearm: elbow to belly of forearm
    (127, 400, 17, 136, 468, 11),  # forearm to wrist
]
PALM = (137, 472, 12, 141, 520, 15)
FINGERS = {
    "thumb": (152, 490, 5.5, 161, 530, 4.5),
    "index": (149, 521, 5, 155, 564, 4),
    "middle": (142, 523, 5, 144, 571, 4),
    "ring": (135, 521, 5, 133, 565, 4),
    "little": (128, 515, 4.5, 122, 552, 3.5),
}
LEG = [
    (46, 462, 44, 44, 600, 35),  # thigh: hip to lower thigh
    (44, 600, 35, 41, 700, 26),  # lower thigh to knee
    (41, 700, 26, 44, 770, 28),  # knee to calf belly
    (44, 770, 28, 41, 880, 13),  # calf to ankle
]
FRONT_FOOT = [
    (41, 880, 14, 48, 912, 17),  # ankle to forefoot, seen from the front
]
FRONT_TOES = {
    "big-toe": (37, 914, 7, 36, 934, 6),
    "second-toe": (46, 918, 5, 47, 934, 4.5),
    "third-toe": (53, 917, 4.5, 55, 932, 4),
    "fourth-toe": (59, 915, 4.2, 61, 929, 3.6),
    "fifth-toe": (64, 911, 3.8, 66, 925, 3.3),
}
BACK_FOOT = [
    (41, 880, 14, 42, 905, 16),  # heel, seen from behind
    (42, 905, 16, 47, 940, 17),  # sole, tilted towards the viewer
]
BACK_TOES = {
    "big-toe": (40, 944, 7, 40, 960, 6),
    "lesser-toes": (52, 944, 8, 54, 956, 7),
}
TORSO = [
    (0, 176),
    (26, 178),
    (56, 187),
    (84, 196),
    (98, 208),
    (92, 246),
    (84, 268),
    (80, 300),
    (70, 352),
    (66, 372),
    (70, 400),
    (82, 432),
    (88, 462),
    (86, 488),
    (40, 498),
    (0, 488),
]
NECK = (0, 140, 25, 0, 190, 30)
HEAD_CENTRE = (0.0, TOP + HEAD / 2)
HEAD_RADII = (41.0, HEAD / 2)
EAR = (42, 100, 7, 42, 116, 6)


ZOOMS = {
    "head": ("Head and neck", (-60, 24, 60, 200), False),
    "shoulders": ("Shoulders", (-140, 150, 140, 340), False),
    "right-elbow": ("Right elbow", (86, 296, 166, 446), False),
    "left-elbow": ("Left elbow", (86, 296, 166, 446), True),
    "right-hand": ("Right hand", (110, 450, 175, 580), False),
    "left-hand": ("Left hand", (110, 450, 175, 580), True),
    "hips": ("Hips and thighs", (-110, 340, 110, 720), False),
    "feet": ("Legs and feet", (-80, 690, 80, 970), False),
}
"""Close-ups for small targets: (label, (u0, y0, u1, y1), mirrored).

On a phone the whole figure gets about 0.6 px per unit, so most regions are
narrower than a 24 px fingertip target there; together these close-ups hold
every region's label point at a scale where it is at least that wide
(``tests/browser/test_patient_flow.py`` measures it).  Mirrored ones are the
left side's copy of the right side's box.
"""


def capsule(u0, y0, r0, u1, y1, r1):
    """Return the convex hull of two circles: a limb segment that tapers."""
    return unary_union([Point(u0, y0).buffer(r0), Point(u1, y1).buffer(r1)]).convex_hull


def head():
    """Return the head: an ellipse with the right ear."""
    u, y = HEAD_CENTRE
    skull = affinity.scale(Point(u, y).buffer(1.0, quad_segs=32), *HEAD_RADII)
    return unary_union([skull, capsule(*EAR)])


def right_half(view):
    """Return the person's right half of the silhouette for ``view``.

    The two views share the outline except the feet: the front view shows the
    top of the foot and the toes, the back view the heel and the sole.
    """
    foot, toes = (FRONT_FOOT, FRONT_TOES) if view == "front" else (BACK_FOOT, BACK_TOES)
    parts = [head(), capsule(*NECK), Polygon(TORSO), capsule(*PALM)]
    parts += [capsule(*segment) for segment in ARM + LEG + foot]
    body = unary_union(parts)
    # A morphological closing rounds the armpit, the crotch and the neck line;
    # the digits join afterwards so that closing does not web them together.
    smooth = body.buffer(6, quad_segs=8).buffer(-6, quad_segs=8)
    digits = [capsule(*segment) for segment in [*FINGERS.values(), *toes.values()]]
    smooth = unary_union([smooth, *digits])
    # Keep the half: the midline is u = 0.
    return smooth.intersection(Polygon([(0, 0), (400, 0), (400, 1000), (0, 1000)]))
