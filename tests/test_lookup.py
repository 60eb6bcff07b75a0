"""The ranking engine on hand-built patterns, and on the real dataset."""

import random
from dataclasses import dataclass, field

import pytest

from bodymap import lookup
from bodymap.lookup import SORT_ALL, LookupEngine


@dataclass(frozen=True)
class FakeSpec:
    id: str
    label: str = "TrP"
    zone_shapes: dict = field(default_factory=dict)


@dataclass(frozen=True)
class FakePrevalence:
    level: str


@dataclass(frozen=True)
class FakeMuscle:
    name: str
    prevalence: FakePrevalence | None = None

    @property
    def id(self):
        return self.name


@dataclass(frozen=True)
class FakePoint:
    """A trigger point built by hand from atlas regions."""

    spec: FakeSpec
    muscle: FakeMuscle
    side: str
    zones: dict
    shapes: dict
    view: str = "front"

    @property
    def key(self):
        return f"{self.spec.id}.{self.side}"


def make_point(
    atlas,
    name,
    side="right",
    local=(),
    essential=(),
    spillover=(),
    muscle=None,
    prevalence=None,
):
    """Build a trigger point; ``muscle`` groups several points in one muscle."""
    zones = {
        "local": tuple(local),
        "essential": tuple(essential),
        "spillover": tuple(spillover),
    }
    shapes = {zone: atlas.shapes_of(ids) for zone, ids in zones.items()}
    level = FakePrevalence(prevalence) if prevalence else None
    return FakePoint(
        FakeSpec(name), FakeMuscle(muscle or name, level), side, zones, shapes
    )


def ranked(engine, *region_ids, intensities=None):
    """Return the candidate muscles' names, best first."""
    intensities = intensities or [2] * len(region_ids)
    spots = [
        engine.spot_in_region(r, i)
        for r, i in zip(region_ids, intensities, strict=True)
    ]
    return [c.muscle.name for c in engine.rank(spots)]


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
        "explains 3 of your 4 spots: right temple and right lower jaw "
        "in its main zone; right side of neck where its pain may spread"
    )
    assert [match.point.spec.id for match in candidate.trigger_points] == ["trap"]
    assert candidate.trigger_points[0].explains == (0, 1, 2)


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
    keys = [c.key for c in candidates]
    assert {"upper-trapezius.right", "temporalis.right"} <= set(keys[:5])
    assert len(keys) == len(set(keys))  # each muscle once per side
    assert not any(key.endswith(".left") for key in keys)


@pytest.mark.parametrize("region", ["right-heel", "left-heel"])
def test_heel_pain_finds_soleus_and_quadratus_plantae(bundle, region):
    engine = bundle.lookup
    muscles = {c.point.muscle.id for c in engine.rank([engine.spot_in_region(region)])}
    assert {"soleus", "quadratus-plantae"} <= muscles


def test_a_muscle_explains_what_its_trigger_points_explain_together(atlas):
    engine = LookupEngine(
        atlas,
        [
            make_point(atlas, "trap-1", muscle="trap", essential=["right-temple"]),
            make_point(atlas, "trap-2", muscle="trap", essential=["right-heel"]),
            make_point(atlas, "other", essential=["right-temple"]),
        ],
    )
    spots = [engine.spot_in_region(r) for r in ("right-temple", "right-heel")]
    candidates = engine.rank(spots)
    assert [c.muscle.name for c in candidates] == ["trap", "other"]
    trap = candidates[0]
    assert trap.explains == (0, 1)
    assert {m.point.spec.id: m.explains for m in trap.trigger_points} == {
        "trap-1": (0,),
        "trap-2": (1,),
    }
    assert trap.explanation.startswith("explains both your spots: ")


def test_explaining_every_spot_beats_a_higher_score_on_fewer(atlas):
    engine = LookupEngine(
        atlas,
        [
            make_point(
                atlas, "all", spillover=["right-temple", "right-heel", "right-palm"]
            ),
            make_point(atlas, "two", essential=["right-temple", "right-heel"]),
        ],
    )
    spots = [
        engine.spot_in_region("right-temple", 3),
        engine.spot_in_region("right-heel", 3),
        engine.spot_in_region("right-palm", 1),
    ]
    first, second = engine.rank(spots)
    assert (first.muscle.name, second.muscle.name) == ("all", "two")
    assert first.score < second.score


def _tied(atlas, prevalence, extra=()):
    return LookupEngine(
        atlas,
        [
            make_point(atlas, "plain", essential=["right-temple"]),
            make_point(
                atlas,
                "known",
                essential=["right-temple", *extra],
                prevalence=prevalence,
            ),
        ],
    )


def test_a_common_muscle_wins_a_near_tie(atlas):
    # "known" covers a little more of the body, so it scores a little less
    engine = _tied(atlas, "common", extra=["right-cheek"])
    first, second = engine.rank([engine.spot_in_region("right-temple")])
    assert first.score < second.score < first.score + 5
    assert (first.muscle.name, second.muscle.name) == ("known", "plain")
    assert first.explanation.endswith("; a common source of pain here")
    assert first.prevalence == "common"
    assert second.prevalence is None
    assert "source of pain" not in second.explanation


def test_a_rare_muscle_loses_a_near_tie(atlas):
    engine = _tied(atlas, "rare")
    assert ranked(engine, "right-temple") == ["plain", "known"]
    assert ranked(engine, "right-temple") == ["plain", "known"]


def test_prevalence_does_not_overturn_a_clear_difference(atlas):
    engine = LookupEngine(
        atlas,
        [
            make_point(atlas, "main", essential=["right-temple"], prevalence="rare"),
            make_point(
                atlas, "spills", spillover=["right-temple"], prevalence="common"
            ),
        ],
    )
    assert ranked(engine, "right-temple") == ["main", "spills"]


@pytest.mark.parametrize(
    "spot, zone_on",
    [
        ("right-thumb-dorsal", "right-thumb-palmar"),
        ("right-index-finger-palmar", "right-index-finger-dorsal"),
        ("left-big-toe", "left-big-toe-sole"),
        (
            "right-index-finger-thumb-side-dorsal",
            "right-index-finger-thumb-side-palmar",
        ),
    ],
)
def test_a_digit_matches_its_other_face_at_a_lower_weight(atlas, spot, zone_on):
    side = spot.split("-")[0]
    engine = LookupEngine(
        atlas,
        [
            make_point(atlas, "same-face", side=side, essential=[spot]),
            make_point(atlas, "other-face", side=side, essential=[zone_on]),
        ],
    )
    same, other = engine.rank([engine.spot_in_region(spot)])
    assert (same.muscle.name, other.muscle.name) == ("same-face", "other-face")
    assert other.score == pytest.approx(0.6 * same.score, abs=0.1)
    assert other.other_face == (0,)
    assert same.other_face == ()
    assert "on the other face of the same digit" in other.explanation
    assert "other face" not in same.explanation


def test_the_other_face_is_not_offered_off_the_digits(atlas):
    engine = LookupEngine(atlas, [make_point(atlas, "palm", essential=["right-palm"])])
    assert engine.rank([engine.spot_in_region("right-back-of-hand")]) == []


def test_a_refined_zone_still_matches_its_listed_regions(bundle):
    """A refined outline must not hide the regions it stands for (issue 10)."""
    engine = bundle.lookup
    refined = [
        point
        for point in bundle.patterns.trigger_points
        if "essential" in point.spec.zone_shapes
    ]
    assert refined
    for point in refined:
        for region_id in point.zones["essential"]:
            spot = engine.spot_in_region(region_id)
            keys = {c.key for c in engine.rank([spot], limit=100)}
            assert f"{point.muscle.id}.{point.side}" in keys, (point.key, region_id)


def test_three_spots_of_upper_trapezius_rank_it_first_once(bundle):
    """The case from issue 11: temple, back of the neck, top of the shoulder."""
    engine = bundle.lookup
    spots = [
        engine.spot_in_region(r)
        for r in ("right-temple", "right-back-of-neck", "right-top-of-shoulder")
    ]
    candidates = engine.rank(spots, limit=10)
    first = candidates[0]
    assert first.key == "upper-trapezius.right"
    assert first.explains == (0, 1, 2)
    assert len({m.point.spec.id for m in first.trigger_points}) >= 2
    assert [c.key for c in candidates].count("upper-trapezius.right") == 1


def test_a_short_limit_keeps_the_full_order_through_ties(atlas):
    names = ["f", "b", "e", "a", "d", "c"]
    engine = LookupEngine(
        atlas,
        [make_point(atlas, name, essential=["right-temple"]) for name in names]
        + [make_point(atlas, "z", local=["right-temple"])],
    )
    spot = [engine.spot_in_region("right-temple")]
    full = [c.muscle.name for c in engine.rank(spot, limit=10)]
    assert full == ["a", "b", "c", "d", "e", "f", "z"]
    for limit in (1, 3, 6):
        assert [c.muscle.name for c in engine.rank(spot, limit=limit)] == full[:limit]


def test_every_finger_face_has_its_other_face(atlas):
    faces = [r for r in atlas.regions if r.endswith(("-palmar", "-dorsal"))]
    assert len(faces) >= 20
    for region_id in faces:
        other = LookupEngine._other_face_of(region_id)
        assert other in atlas.regions, region_id
        assert LookupEngine._other_face_of(other) == region_id


def test_a_candidate_draws_its_trigger_points_zones_together(atlas):
    engine = LookupEngine(
        atlas,
        [
            make_point(
                atlas,
                "m-1",
                muscle="m",
                essential=["right-temple"],
                spillover=["right-cheek"],
            ),
            make_point(
                atlas,
                "m-2",
                muscle="m",
                essential=["right-cheek", "right-heel"],
                local=["right-temple"],
            ),
        ],
    )
    spots = [engine.spot_in_region(r) for r in ("right-temple", "right-heel")]
    (candidate,) = engine.rank(spots)
    zones = candidate.pattern_zones()
    assert sorted(zones["essential"]) == ["right-cheek", "right-heel", "right-temple"]
    assert zones["local"] == zones["spillover"] == ()


def test_the_view_shown_holds_the_spots_and_the_main_zone(atlas):
    engine = LookupEngine(
        atlas,
        [
            make_point(
                atlas,
                "calf",
                essential=["right-heel", "right-lower-calf", "right-achilles"],
            )
        ],
    )
    spots = [engine.spot_in_region("right-heel")]
    (candidate,) = engine.rank(spots)
    assert candidate.view_to_show(atlas, spots) == "back"


def test_an_exact_tie_goes_to_more_spots_in_main_zones(atlas):
    # Both patterns cover the same area (left and right cheek are mirrors), so
    # one essential match scores exactly what two spillover matches score.
    engine = LookupEngine(
        atlas,
        [
            make_point(atlas, "a-spills", spillover=["right-temple", "right-cheek"]),
            make_point(
                atlas, "z-main", essential=["right-temple"], spillover=["left-cheek"]
            ),
        ],
    )
    spots = [
        engine.spot_in_region(r) for r in ("right-temple", "right-cheek", "right-heel")
    ]
    first, second = engine.rank(spots)
    assert first.score == second.score
    assert (first.muscle.name, first.zones) == ("z-main", ("essential",))
    assert second.muscle.name == "a-spills"
    assert [c.muscle.name for c in engine.rank(spots, limit=1)] == ["z-main"]


def test_a_short_limit_keeps_the_order_among_many_muscles(atlas):
    """Past ``SORT_ALL`` muscles the engine cuts at the limit before sorting."""
    points = [
        make_point(atlas, f"m{n:03}", **{zone: ["right-temple"]})
        for n, zone in enumerate(["essential", "local", "spillover"] * 60)
    ]
    engine = LookupEngine(atlas, points)
    spot = [engine.spot_in_region("right-temple")]
    full = [c.muscle.name for c in engine.rank(spot, limit=len(points))]
    assert len(full) == len(points) > SORT_ALL
    assert full[:3] == ["m000", "m003", "m006"]
    for limit in (1, 20, 59, 60, 61, 100):
        assert [c.muscle.name for c in engine.rank(spot, limit=limit)] == full[:limit]


def _inside_a_refined_outline_only(bundle):
    """Return (trigger point, zone, spot) for a click a refined outline holds.

    The spot lies in a region the zone does not list, so only the outline
    explains it.
    """
    engine = bundle.lookup
    for point in bundle.patterns.trigger_points:
        for zone, refined in point.spec.zone_shapes.items():
            if zone == "local":
                continue
            shape = point.shapes[zone][refined.view]
            for region in bundle.atlas.regions_of(refined.view):
                if region.id in point.zones[zone]:
                    continue
                inside = region.shape.intersection(shape)
                if inside.area < 1:
                    continue
                x, y = inside.representative_point().coords[0]
                spot = engine.spot_at(refined.view, x, y)
                if spot is not None and spot.region_id == region.id:
                    return point, zone, spot
    raise AssertionError("no refined outline reaches past its listed regions")


def test_a_click_inside_a_refined_outline_is_explained_by_it(bundle):
    point, zone, spot = _inside_a_refined_outline_only(bundle)
    by_key = {c.key: c for c in bundle.lookup.rank([spot], limit=100)}
    candidate = by_key[f"{point.muscle.id}.{point.side}"]
    matches = {m.point.key: m for m in candidate.trigger_points}
    assert matches[point.key].explains == (0,)
    assert matches[point.key].zones == (zone,)
    # the same spot among others (whose rows are not refined) is still found
    others = [bundle.lookup.spot_in_region(r) for r in ("right-heel", "left-heel")]
    candidates = bundle.lookup.rank([*others, spot], limit=100)
    explained = {c.key: c.explains for c in candidates}
    assert 2 in explained[f"{point.muscle.id}.{point.side}"]


def test_small_and_large_drawings_rank_the_same_way(bundle, monkeypatch):
    """A few matches are ranked in plain Python, many in numpy: same answers."""
    engine, rng = bundle.lookup, random.Random(11)
    regions = list(bundle.atlas.regions.values())
    drawings = []
    for _ in range(400):
        spots = [
            engine.spot_in_region(region.id, rng.randint(1, 3))
            for region in rng.sample(regions, rng.choice([1, 2, 3, 5, 8]))
        ]
        drawings.append((spots, rng.choice([1, 5, 20, 100])))
    in_python = [engine.rank(spots, limit) for spots, limit in drawings]
    monkeypatch.setattr(lookup, "FEW_MATCHES", 0)
    in_numpy = [engine.rank(spots, limit) for spots, limit in drawings]
    assert in_python == in_numpy
    assert sum(map(len, in_python)) > 2000
