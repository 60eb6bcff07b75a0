"""Count how widespread a pain drawing is, with the Widespread Pain Index.

The 2016 revision of the American College of Rheumatology fibromyalgia
criteria counts pain in 19 areas, grouped in 5 regions (Wolfe et al. 2016,
see :data:`SOURCE`):

* left upper: left jaw, left shoulder girdle, left upper arm, left lower arm;
* right upper: the same on the right;
* left lower: left hip (buttock, trochanter), left upper leg, left lower leg;
* right lower: the same on the right;
* axial: neck, upper back, lower back, chest, abdomen.

The *index* is how many of the 19 areas hold at least one spot.  Pain is
*generalised* when at least 4 of the 5 regions hold a spot; jaw, chest and
abdominal pain do not count towards a region there.  When the index is 7 or
more and the pain is generalised, the results open with a plain notice:
pain this widespread is seldom explained by trigger points alone.  That is
the criteria's first condition only; it is no diagnosis (the criteria also
weigh fatigue, sleep and concentration, and how long the pain has lasted).

Atlas regions map to areas in one table, :data:`AREA_OF_REGION`.  A joint
counts with the limb segment below it (elbow and wrist with the lower arm,
knee and ankle with the lower leg).  The head, face, hands and feet are none
of the 19 areas, so spots there do not count.
"""

import functools
from dataclasses import dataclass

SOURCE = (
    "Wolfe F, Clauw DJ, Fitzcharles MA, et al. 2016 Revisions to the 2010/2011 "
    "fibromyalgia diagnostic criteria. Semin Arthritis Rheum. 2016;46(3):319-329."
)
SOURCE_URL = "https://doi.org/10.1016/j.semarthrit.2016.08.012"

INDEX_THRESHOLD = 7
REGION_THRESHOLD = 4

REGIONS = {
    "left-upper": "left upper body",
    "right-upper": "right upper body",
    "left-lower": "left lower body",
    "right-lower": "right lower body",
    "axial": "neck and trunk",
}
"""The 5 regions, in the criteria's order: id -> plain name."""

SIDED_AREAS = {
    "jaw": "upper",
    "shoulder-girdle": "upper",
    "upper-arm": "upper",
    "lower-arm": "upper",
    "hip": "lower",
    "upper-leg": "lower",
    "lower-leg": "lower",
}
"""Areas counted once per side, with the half of the body they belong to."""
AXIAL_AREAS = ("neck", "upper-back", "lower-back", "chest", "abdomen")
NOT_GENERALISED = {"jaw", "chest", "abdomen"}
"""Areas that do not count towards a region for generalised pain."""

AREA_OF_REGION = {
    # front: head and face (none of the 19 areas, except the jaw)
    "forehead": None,
    "temple": None,
    "eye": None,
    "nose-and-mouth": None,
    "cheek": None,
    "ear": None,
    "jaw-joint": "jaw",
    "lower-jaw": "jaw",
    "chin": None,
    "upper-teeth": None,
    "lower-teeth": "jaw",
    # front: neck
    "throat": "neck",
    "front-of-neck": "neck",
    "side-of-neck": "neck",
    # front: shoulder and chest
    "collarbone": "shoulder-girdle",
    "front-of-shoulder": "shoulder-girdle",
    "outer-shoulder": "shoulder-girdle",
    "armpit": "shoulder-girdle",
    "upper-chest": "chest",
    "breast": "chest",
    "sternum": "chest",
    "side-of-chest": "chest",
    # front: abdomen
    "upper-abdomen-midline": "abdomen",
    "upper-abdomen": "abdomen",
    "navel": "abdomen",
    "lower-abdomen": "abdomen",
    "pubic": "abdomen",
    "perineum": None,
    "groin": "hip",
    "front-of-hip": "hip",
    # front: arm, palm side
    "front-of-upper-arm": "upper-arm",
    "inner-upper-arm": "upper-arm",
    "elbow-crease": "lower-arm",
    "inner-elbow": "lower-arm",
    "outer-elbow-front": "lower-arm",
    "forearm-front-thumb-side": "lower-arm",
    "forearm-front-little-finger-side": "lower-arm",
    "front-of-wrist": "lower-arm",
    "palm": None,
    "thenar": None,
    "hypothenar": None,
    "thumb-palmar": None,
    "index-finger-palmar": None,
    "middle-finger-palmar": None,
    "ring-finger-palmar": None,
    "little-finger-palmar": None,
    "index-finger-thumb-side-palmar": None,
    "little-finger-outer-side-palmar": None,
    # front: thigh, knee, leg and foot
    "front-of-thigh": "upper-leg",
    "inner-thigh": "upper-leg",
    "outer-thigh": "upper-leg",
    "kneecap": "lower-leg",
    "inner-knee": "lower-leg",
    "outer-knee": "lower-leg",
    "shin": "lower-leg",
    "inner-leg": "lower-leg",
    "outer-leg": "lower-leg",
    "front-of-ankle": "lower-leg",
    "inner-ankle": "lower-leg",
    "outer-ankle": "lower-leg",
    "top-of-foot": None,
    "big-toe": None,
    "lesser-toes": None,
    # back: head and neck
    "vertex": None,
    "back-of-head": None,
    "occiput": None,
    "behind-ear": None,
    "suboccipital": "neck",
    "back-of-neck": "neck",
    "side-of-neck-back": "neck",
    "spine-of-neck": "neck",
    "base-of-neck": "neck",
    # back: shoulder and upper back
    "top-of-shoulder": "shoulder-girdle",
    "above-shoulder-blade-spine": "shoulder-girdle",
    "back-of-shoulder": "shoulder-girdle",
    "outer-shoulder-back": "shoulder-girdle",
    "back-of-armpit": "shoulder-girdle",
    "below-shoulder-blade-spine": "upper-back",
    "between-shoulder-blades": "upper-back",
    "upper-back-spine": "upper-back",
    "shoulder-blade-tip": "upper-back",
    "mid-back": "upper-back",
    "mid-back-spine": "upper-back",
    # back: low back and pelvis
    "thoracolumbar": "lower-back",
    "flank": "lower-back",
    "low-back": "lower-back",
    "lumbar-spine": "lower-back",
    "sacroiliac": "lower-back",
    "sacrum": "lower-back",
    "tailbone": "lower-back",
    "iliac-crest": "lower-back",
    "greater-trochanter": "hip",
    "upper-buttock": "hip",
    "lower-buttock": "hip",
    "outer-hip": "hip",
    "gluteal-fold": "hip",
    # back: arm
    "back-of-upper-arm": "upper-arm",
    "outer-upper-arm": "upper-arm",
    "inner-upper-arm-back": "upper-arm",
    "back-of-elbow": "lower-arm",
    "outer-elbow": "lower-arm",
    "inner-elbow-back": "lower-arm",
    "forearm-back-thumb-side": "lower-arm",
    "forearm-back-little-finger-side": "lower-arm",
    "back-of-wrist": "lower-arm",
    "back-of-hand": None,
    "thumb-dorsal": None,
    "index-finger-dorsal": None,
    "middle-finger-dorsal": None,
    "ring-finger-dorsal": None,
    "little-finger-dorsal": None,
    "index-finger-thumb-side-dorsal": None,
    "little-finger-outer-side-dorsal": None,
    # back: thigh, knee, leg and foot
    "back-of-thigh": "upper-leg",
    "outer-back-of-thigh": "upper-leg",
    "inner-back-of-thigh": "upper-leg",
    "back-of-knee": "lower-leg",
    "upper-calf": "lower-leg",
    "outer-calf": "lower-leg",
    "lower-calf": "lower-leg",
    "achilles": "lower-leg",
    "inner-ankle-back": "lower-leg",
    "outer-ankle-back": "lower-leg",
    "heel": None,
    "arch": None,
    "outer-sole": None,
    "ball-of-foot": None,
    "big-toe-sole": None,
    "lesser-toes-sole": None,
}
"""Atlas region (without its side) -> Widespread Pain Index area, or None."""

GROUP_AREAS = {
    "Head and face": None,
    "Head": None,
    "Neck": "neck",
    "Abdomen": "abdomen",
    "Low back and pelvis": "lower-back",
    "Thigh and knee": "upper-leg",
    "Leg and foot": "lower-leg",
}
"""Fallback for a region missing from the table, by its atlas group.

A test insists that every atlas region is listed in the table; this only
keeps a region added without it from breaking a lookup.

Groups that mix areas (shoulder and chest, the arms) have no fallback: a
region there must be listed in :data:`AREA_OF_REGION`.
"""


@dataclass(frozen=True)
class Widespread:
    """How widespread a drawing is: index (0-19), regions in pain, the flag."""

    index: int
    regions: tuple[str, ...]
    areas: tuple[str, ...]
    flag: bool


def base_slug(region):
    """Return the region's id without its side, for example "temple"."""
    return _unsided(region.id)


def _unsided(region_id):
    for prefix in ("right-", "left-"):
        if region_id.startswith(prefix):
            return region_id[len(prefix) :]
    return region_id


def wpi_area(region):
    """Return the sided WPI area of an atlas region, or None when it has none.

    For example ``"right-shoulder-girdle"`` or ``"neck"``.
    """
    return _sided_area(region.id, region.side, region.area)


@functools.cache
def _sided_area(region_id, side, group):
    """Work out wpi_area once per region: a lookup asks it for every spot."""
    slug = _unsided(region_id)
    if slug in AREA_OF_REGION:
        area = AREA_OF_REGION[slug]
    else:
        area = GROUP_AREAS.get(group)
    if area is None or area in AXIAL_AREAS:
        return area
    if side not in ("right", "left"):
        return None
    return f"{side}-{area}"


def region_of_area(area):
    """Return the WPI region (one of :data:`REGIONS`) holding a sided area."""
    if area in AXIAL_AREAS:
        return "axial"
    side, _, name = area.partition("-")
    return f"{side}-{SIDED_AREAS[name]}"


def _plain_area(area):
    return area.split("-", 1)[1] if area.startswith(("left-", "right-")) else area


AREA_ORDER = tuple(
    [f"{side}-{name}" for side in ("left", "right") for name in SIDED_AREAS]
    + list(AXIAL_AREAS)
)
"""The 19 areas in the order the index lists them."""


def widespread(atlas, spots):
    """Return the Widespread Pain Index of the spots' regions and its flag."""
    found = {wpi_area(atlas.regions[spot.region_id]) for spot in spots}
    found.discard(None)
    areas = tuple(area for area in AREA_ORDER if area in found)
    in_pain = {
        region_of_area(area)
        for area in areas
        if _plain_area(area) not in NOT_GENERALISED
    }
    regions = tuple(region for region in REGIONS if region in in_pain)
    flag = len(areas) >= INDEX_THRESHOLD and len(regions) >= REGION_THRESHOLD
    return Widespread(index=len(areas), regions=regions, areas=areas, flag=flag)
