"""Line art drawn over the figure: the face and anatomical landmarks.

Drawing data only: nothing here moves the silhouette or the hit-test
regions.  Each line belongs to a region of :mod:`bodymap.atlas.landmarks`,
named by the same slug (``"=sternum"`` for a midline region, ``"collarbone"``
for a paired one, drawn on both sides), so a landmark and the region named
after it agree; a test checks that every line lies on its region.

Points are body coordinates for the person's right side (see
:mod:`bodymap.atlas.figure`); midline lines are authored whole.
Entries: ``(region slug, what it is, points, closed)``.
"""

from dataclasses import dataclass
from functools import lru_cache

from shapely import LinearRing, LineString, affinity

from bodymap.atlas.partition import MIDLINE_PREFIX

FRONT_LINES = [
    # The face.
    ("eye", "eye", [(9, 88), (16, 84.5), (24, 88), (16, 91)], True),
    ("eye", "eyebrow", [(7, 79), (16, 75.5), (26, 78)], False),
    (
        "=nose-and-mouth",
        "nose",
        [(-3, 92), (-5, 108), (-9, 113), (-4, 116), (0, 115), (4, 116), (9, 113)]
        + [(5, 108), (3, 92)],
        False,
    ),
    (
        "=nose-and-mouth",
        "mouth",
        [(-12, 128.5), (-5, 126.5), (0, 127.5), (5, 126.5), (12, 128.5)]
        + [(5, 132), (0, 133), (-5, 132)],
        True,
    ),
    ("ear", "ear", [(43, 97), (48, 101), (48, 111), (44, 118)], False),
    # Neck and trunk.
    ("side-of-neck", "sternocleidomastoid", [(34, 132), (24, 156), (9, 188)], False),
    ("collarbone", "trapezius edge", [(27, 174), (46, 185), (70, 191)], False),
    ("=sternum", "suprasternal notch", [(-8, 190), (0, 195), (8, 190)], False),
    (
        "collarbone",
        "clavicle",
        [(8, 195), (30, 191), (52, 196), (74, 198), (90, 203)],
        False,
    ),
    ("=sternum", "sternum", [(0, 206), (0, 250), (0, 294)], False),
    (
        "breast",
        "lower border of the chest",
        [(22, 274), (38, 283), (56, 282), (72, 272), (82, 258)],
        False,
    ),
    (
        "upper-abdomen",
        "costal margin",
        [(4, 300), (20, 314), (38, 330), (54, 344), (64, 354)],
        False,
    ),
    ("=navel", "navel", [(0, 367), (3.5, 372), (0, 378), (-3.5, 372)], True),
    ("front-of-hip", "iliac crest", [(60, 410), (67, 424), (70, 438)], False),
    ("groin", "inguinal fold", [(64, 446), (48, 460), (32, 472), (18, 484)], False),
    # Arm.
    (
        "front-of-shoulder",
        "deltoid",
        [(86, 206), (97, 222), (104, 246), (108, 268)],
        False,
    ),
    ("elbow-crease", "elbow crease", [(112, 352), (121, 356), (131, 353)], False),
    ("front-of-wrist", "wrist crease", [(129, 468), (137, 471), (145, 468)], False),
    ("palm", "thenar crease", [(146, 484), (140, 496), (139, 512)], False),
    # Leg.
    (
        "kneecap",
        "patella",
        [(42, 686), (50, 691), (52, 700), (47, 709), (37, 709), (32, 700), (34, 691)],
        True,
    ),
    ("inner-thigh", "vastus medialis", [(24, 650), (21, 670), (27, 688)], False),
    ("shin", "shin bone", [(40, 730), (40, 790), (38, 850)], False),
    ("inner-leg", "inner calf", [(22, 742), (20, 772), (26, 812)], False),
    (
        "inner-ankle",
        "medial malleolus",
        [(33, 879), (29, 880), (28, 884), (29, 888), (33, 889)],
        False,
    ),
    (
        "outer-ankle",
        "lateral malleolus",
        [(49, 877), (53, 878), (54, 882), (53, 887), (49, 888)],
        False,
    ),
    # Hand (palm forward) and foot: the gaps between the digits.
    ("thumb-palmar", "digit gap", [(151, 506), (155, 524)], False),
    ("index-finger-palmar", "digit gap", [(145.5, 529), (147.5, 552)], False),
    ("ring-finger-palmar", "digit gap", [(138.5, 531), (138.5, 556)], False),
    ("ring-finger-palmar", "digit gap", [(131.5, 527), (129.5, 546)], False),
    ("lesser-toes", "digit gap", [(42, 917), (42, 930)], False),
    ("lesser-toes", "digit gap", [(50.5, 920), (51, 931)], False),
    ("lesser-toes", "digit gap", [(57, 918), (58, 928)], False),
    ("lesser-toes", "digit gap", [(62, 915), (63.5, 925)], False),
]

BACK_LINES = [
    (
        "=occiput",
        "occipital ridge",
        [(-34, 114), (-16, 118.5), (0, 120), (16, 118.5), (34, 114)],
        False,
    ),
    ("=spine-of-neck", "spine of the neck", [(0, 136), (0, 186)], False),
    ("=upper-back-spine", "thoracic spine", [(0, 198), (0, 298)], False),
    ("=mid-back-spine", "lower thoracic spine", [(0, 306), (0, 350)], False),
    ("=lumbar-spine", "lumbar spine", [(0, 358), (0, 420)], False),
    (
        "above-shoulder-blade-spine",
        "spine of the shoulder blade",
        [(34, 226), (56, 220), (78, 214), (98, 212)],
        False,
    ),
    (
        "between-shoulder-blades",
        "medial border of the shoulder blade",
        [(33, 226), (34, 250), (37, 274), (43, 296)],
        False,
    ),
    (
        "shoulder-blade-tip",
        "inferior angle of the shoulder blade",
        [(43, 296), (49, 305), (57, 300), (68, 284)],
        False,
    ),
    (
        "back-of-shoulder",
        "deltoid",
        [(86, 206), (99, 222), (106, 248), (110, 270)],
        False,
    ),
    ("back-of-elbow", "olecranon", [(113, 346), (118, 352), (124, 350)], False),
    (
        "iliac-crest",
        "iliac crest",
        [(16, 414), (36, 403), (58, 404), (76, 418)],
        False,
    ),
    ("sacroiliac", "dimple over the sacroiliac joint", [(20, 430), (22, 433)], False),
    ("=sacrum", "sacrum", [(-15, 430), (15, 430), (0, 474)], True),
    ("=tailbone", "buttock cleft", [(0, 478), (0, 500)], False),
    (
        "gluteal-fold",
        "buttock crease",
        [(6, 500), (26, 507), (50, 508), (70, 501)],
        False,
    ),
    ("back-of-knee", "knee crease", [(26, 696), (42, 700), (58, 696)], False),
    ("upper-calf", "inner head of the calf", [(26, 716), (27, 750), (34, 790)], False),
    ("upper-calf", "outer head of the calf", [(58, 716), (58, 750), (50, 790)], False),
    ("achilles", "Achilles tendon", [(37, 836), (38, 872)], False),
    ("achilles", "Achilles tendon", [(46, 836), (45, 872)], False),
    ("heel", "heel", [(30, 895), (41, 905), (52, 895)], False),
    (
        "inner-ankle-back",
        "medial malleolus",
        [(33, 873), (29, 874), (28, 878), (29, 882), (33, 883)],
        False,
    ),
    (
        "outer-ankle-back",
        "lateral malleolus",
        [(49, 872), (53, 873), (54, 877), (53, 881), (49, 882)],
        False,
    ),
    ("thumb-dorsal", "digit gap", [(151, 506), (155, 524)], False),
    ("index-finger-dorsal", "digit gap", [(145.5, 529), (147.5, 552)], False),
    ("ring-finger-dorsal", "digit gap", [(138.5, 531), (138.5, 556)], False),
    ("ring-finger-dorsal", "digit gap", [(131.5, 527), (129.5, 546)], False),
]

LINES = {"front": FRONT_LINES, "back": BACK_LINES}


@dataclass(frozen=True)
class Line:
    """One landmark line in view coordinates, with the region it belongs to."""

    region: str
    name: str
    coords: tuple
    closed: bool

    @property
    def css_class(self):
        """Return a class such as "landmark landmark-clavicle"."""
        return "landmark landmark-" + "-".join(self.name.lower().split())


@lru_cache(maxsize=8)
def lines_of(view):
    """Return the landmark lines of a :class:`~bodymap.atlas.View`, both sides."""
    found = []
    for slug, name, points, closed in LINES[view.id]:
        if slug.startswith(MIDLINE_PREFIX):
            sides = [(slug[len(MIDLINE_PREFIX) :], 1)]
        else:
            sides = [(f"right-{slug}", 1), (f"left-{slug}", -1)]
        for region, flip in sides:
            shape = LinearRing(points) if closed else LineString(points)
            shape = view.to_view(affinity.scale(shape, xfact=flip, origin=(0, 0)))
            coords = tuple((round(x, 1), round(y, 1)) for x, y in shape.coords)
            found.append(Line(region, name, coords, closed))
    return tuple(found)
