"""The ranking engine on hand-built patterns, and on the real dataset."""

from dataclasses import dataclass, field

import pytest

from bodymap.lookup import LookupEngine


@dataclass(frozen=True)
class FakeSpec:
    id: str
    label: str = "TrP"
    zone_shapes: dict = field(default_factory=dict)


@dataclass(frozen=True)
class FakeMuscle:
    name: str


@dataclass(frozen=True)
class FakePoint:
    """A trigger point built by hand from atlas regions."""

    spec: FakeSpec
    muscle: FakeMuscle
    side: str
    zones: dict
    shapes: dict

    @property
    def key(self):
        return f"{self.spec.id}.{self.side}"


def make_point(atlas, name, side="right", local=(), essential=(), spillover=()):
    zones = {
        "local": tuple(local),
        "essential": tuple(essential),
        "spillover": tuple(spillover),
    }
    shapes = {zone: atlas.shapes_of(ids) for zone, ids in zones.items()}
    return FakePoint(FakeSpec(name), FakeMuscle(name), side, zones, shapes)


def ranked(engine, *region_ids, intensities=None):
    intensities = intensities or [2] * len(region_ids)
    spots = [
        engine.spot_in_region(r, i)
        for r, i in zip(region_ids, intensities, strict=True)
    ]
    return [c.point.spec.id for c in engine.rank(spots)]


def test_essential_beats_spillover(atlas):
    engine = LookupEngine(
        atlas,
        [
            make_point(
                atlas, "spills", essential=["right-cheek"], spillover=["right-temple"]
            ),
            make_point(
                atlas, "main", essential=["right-temple"], spillover=["right-cheek"]
            ),
        ],
    )
    assert ranked(engine, "right-temple") == ["main", "spills"]


def test_explaining_more_spots_beats_fewer(atlas):
    engine = LookupEngine(
        atlas,
        [
            make_point(atlas, "one", essential=["right-temple"]),
            make_point(atlas, "two", essential=["right-temple", "right-lower-jaw"]),
        ],
    )
    assert ranked(engine, "right-temple", "right-lower-jaw") == ["two", "one"]


def test_the_side_is_respected(atlas):
    engine = LookupEngine(
        atlas,
        [
            make_point(atlas, "trap", side="right", essential=["right-temple"]),
            make_point(atlas, "trap", side="left", essential=["left-temple"]),
        ],
    )
    candidates = engine.rank([engine.spot_in_region("right-temple")])
    assert [c.point.side for c in candidates] == ["right"]


def test_the_narrower_pattern_wins_a_tie(atlas):
    wide = [r.id for r in atlas.regions_of("back") if r.side == "right"]
    engine = LookupEngine(
        atlas,
        [
            make_point(atlas, "wide", essential=wide),
            make_point(atlas, "narrow", essential=["right-heel"]),
        ],
    )
    assert ranked(engine, "right-heel") == ["narrow", "wide"]


def test_severe_spots_weigh_more(atlas):
    engine = LookupEngine(
        atlas,
        [
            make_point(atlas, "temple", essential=["right-temple"]),
            make_point(atlas, "heel", essential=["right-heel"]),
        ],
    )
    assert ranked(engine, "right-temple", "right-heel", intensities=[1, 3]) == [
        "heel",
        "temple",
    ]
    assert ranked(engine, "right-temple", "right-heel", intensities=[3, 1]) == [
        "temple",
        "heel",
    ]


def test_the_local_zone_counts(atlas):
    engine = LookupEngine(
        atlas,
        [
            make_point(
                atlas,
                "knot",
                local=["right-top-of-shoulder"],
                essential=["right-temple"],
            )
        ],
    )
    candidate = engine.rank([engine.spot_in_region("right-top-of-shoulder")])[0]
    assert candidate.zones == ("local",)
    assert "over the trigger point itself" in candidate.explanation


def test_the_explanation_names_the_spots_by_zone(atlas):
    engine = LookupEngine(
        atlas,
        [
            make_point(
                atlas,
                "trap",
                essential=["right-temple", "right-lower-jaw"],
                spillover=["right-side-of-neck"],
            )
        ],
    )
    spots = [
        engine.spot_in_region(r)
        for r in ("right-temple", "right-lower-jaw", "right-side-of-neck", "right-heel")
    ]
    candidate = engine.rank(spots)[0]
    assert candidate.explains == (0, 1, 2)
    assert candidate.explanation == (
        "explains 3 of your 4 spots: right temple and right lower jaw and lower teeth "
        "in its main zone; right side of neck where its pain may spread"
    )


def test_a_click_resolves_to_its_region(atlas):
    engine = LookupEngine(atlas, [])
    x, y = atlas.regions["right-heel"].label_point
    assert engine.spot_at("back", x, y).region_id == "right-heel"
    assert engine.spot_at("back", 2, 2) is None


def test_an_empty_drawing_ranks_nothing(atlas):
    assert LookupEngine(atlas, []).rank([]) == []


def test_a_click_on_the_temple_finds_upper_trapezius(bundle):
    engine = bundle.lookup
    x, y = bundle.atlas.regions["right-temple"].label_point
    candidates = engine.rank([engine.spot_at("front", x, y)])
    keys = [c.point.key for c in candidates]
    assert "upper-trapezius-1.right" in keys[:10]  # the results page shows ten
    assert keys[0].startswith("temporalis-")
    assert not any(key.endswith(".left") for key in keys)


@pytest.mark.parametrize("region", ["right-heel", "left-heel"])
def test_heel_pain_finds_soleus_and_quadratus_plantae(bundle, region):
    engine = bundle.lookup
    muscles = {c.point.muscle.id for c in engine.rank([engine.spot_in_region(region)])}
    assert {"soleus", "quadratus-plantae"} <= muscles
