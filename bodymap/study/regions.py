"""The atlas regions as lists a person can read: by view and side, head to toe."""

SIDE_TITLES = {"right": "Person's right", "midline": "Middle", "left": "Person's left"}


def grouped_regions(atlas):
    """Return [(view id, [(side title, [regions head to toe])])]."""
    groups = []
    for view_id in atlas.views:
        sides = []
        for side, title in SIDE_TITLES.items():
            regions = [r for r in atlas.regions_of(view_id) if r.side == side]
            regions.sort(key=lambda r: (r.label_point[1], r.label_point[0], r.id))
            if regions:
                sides.append((title, regions))
        groups.append((view_id, sides))
    return groups


def referrer_rows(patterns, region_id):
    """Return the trigger points referring to a region as dicts, essential first."""
    return [
        {
            "muscle": point.muscle.id,
            "name": point.muscle.name,
            "trigger_point": point.id,
            "label": point.spec.label,
            "side": point.side,
            "zone": zone,
        }
        for point, zone in patterns.referrers(region_id)
    ]
