"""The Widespread Pain Index of a drawing (ACR 2016 fibromyalgia criteria)."""

import pytest

from bodymap.lookup import Spot
from bodymap.widespread import (
    AREA_OF_REGION,
    AXIAL_AREAS,
    REGIONS,
    SIDED_AREAS,
    base_slug,
    widespread,
    wpi_area,
)
from tests.conftest import WIDESPREAD_DRAWING


def spots(*region_ids):
    return [Spot("front", 0.0, 0.0, region_id) for region_id in region_ids]


def test_there_are_19_areas_in_5_regions():
    assert 2 * len(SIDED_AREAS) + len(AXIAL_AREAS) == 19
    assert len(REGIONS) == 5


def test_every_table_entry_names_a_real_region_and_area(atlas):
    slugs = {base_slug(region) for region in atlas.regions.values()}
    assert set(AREA_OF_REGION) <= slugs
    areas = set(SIDED_AREAS) | set(AXIAL_AREAS) | {None}
    assert set(AREA_OF_REGION.values()) <= areas


def test_every_region_resolves(atlas):
    """A region added to the atlas later falls back to its group, or is listed."""
    for region in atlas.regions.values():
        area = wpi_area(region)
        assert (
            area is None or area in AXIAL_AREAS or area.startswith(("left-", "right-"))
        )


@pytest.mark.parametrize(
    "region_id, area",
    [
        ("right-top-of-shoulder", "right-shoulder-girdle"),
        ("left-outer-elbow", "left-lower-arm"),
        ("right-kneecap", "right-lower-leg"),
        ("left-outer-hip", "left-hip"),
        ("sternum", "chest"),
        ("right-low-back", "lower-back"),
        ("right-temple", None),
        ("right-palm", None),
        ("left-heel", None),
        ("right-greater-trochanter", "right-hip"),
        ("perineum", None),
    ],
)
def test_regions_map_to_areas(atlas, region_id, area):
    assert wpi_area(atlas.regions[region_id]) == area


def test_an_empty_or_local_drawing_is_not_widespread(atlas):
    assert widespread(atlas, []).index == 0
    result = widespread(atlas, spots("right-temple", "right-top-of-shoulder"))
    assert (result.index, result.regions, result.flag) == (1, ("right-upper",), False)


def test_two_spots_in_one_area_count_once(atlas):
    result = widespread(atlas, spots("right-back-of-neck", "right-side-of-neck"))
    assert result.index == 1
    assert result.areas == ("neck",)


def test_seven_areas_in_five_regions_raise_the_flag(atlas):
    result = widespread(atlas, spots(*WIDESPREAD_DRAWING))
    assert result.index == 7
    assert result.regions == tuple(REGIONS)
    assert result.flag


def test_six_areas_do_not(atlas):
    assert not widespread(atlas, spots(*WIDESPREAD_DRAWING[:-1])).flag


def test_jaw_chest_and_abdomen_do_not_make_pain_generalised(atlas):
    """Seven areas, but the left side only has its jaw: three regions."""
    result = widespread(
        atlas,
        spots(
            "left-lower-jaw",
            "right-top-of-shoulder",
            "right-front-of-upper-arm",
            "right-outer-hip",
            "right-front-of-thigh",
            "sternum",
            "navel",
        ),
    )
    assert result.index == 7
    assert result.regions == ("right-upper", "right-lower")
    assert not result.flag
