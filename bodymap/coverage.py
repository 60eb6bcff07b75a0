"""How well the dataset covers the body: counts per area and unreferred regions.

Counts are for one side, as the data is authored.  A region counts as covered
when some trigger point refers pain to it (essential or spillover zone), on
either side: a right-side pattern covers the mirror region on the left too.
Only the person's right side and the midline are listed, since the left
mirrors the right.
"""

from dataclasses import dataclass

from bodymap.dataset.model import AREAS, REFERRED_ZONES

LISTED_SIDES = ("right", "midline")


@dataclass(frozen=True)
class AreaCount:
    area: str
    name: str
    muscles: int
    trigger_points: int


@dataclass(frozen=True)
class Coverage:
    """Counts per body area and, per view, the regions nothing refers to."""

    areas: tuple[AreaCount, ...]
    uncovered: dict  # view id -> tuple of regions, in atlas order
    listed: dict  # view id -> number of right-side and midline regions

    @property
    def muscles(self):
        return sum(area.muscles for area in self.areas)

    @property
    def trigger_points(self):
        return sum(area.trigger_points for area in self.areas)

    @property
    def uncovered_count(self):
        return sum(len(regions) for regions in self.uncovered.values())

    @property
    def listed_count(self):
        return sum(self.listed.values())


def area_counts(dataset):
    """Return the muscle and trigger-point counts of every area, head to toe."""
    counts = []
    for area, name in AREAS.items():
        muscles = [m for m in dataset.muscles.values() if m.area == area]
        points = sum(len(muscle.trigger_points) for muscle in muscles)
        counts.append(AreaCount(area, name, len(muscles), points))
    return tuple(counts)


def referred_region_ids(dataset, atlas):
    """Return the ids of every region some trigger point refers pain to."""
    referred = set()
    for muscle in dataset.muscles.values():
        for spec in muscle.trigger_points:
            for zone in REFERRED_ZONES:
                referred.update(spec.zones[zone])
    return referred | {atlas.mirror_region_id(region_id) for region_id in referred}


def uncovered_regions(dataset, atlas):
    """Return {view: right-side and midline regions no trigger point refers to}."""
    referred = referred_region_ids(dataset, atlas)
    return {
        view_id: tuple(
            region
            for region in atlas.regions_of(view_id)
            if region.side in LISTED_SIDES and region.id not in referred
        )
        for view_id in atlas.views
    }


def measure_coverage(dataset, atlas):
    """Return the coverage of ``atlas`` by the trigger points in ``dataset``."""
    listed = {
        view_id: sum(
            region.side in LISTED_SIDES for region in atlas.regions_of(view_id)
        )
        for view_id in atlas.views
    }
    return Coverage(
        areas=area_counts(dataset),
        uncovered=uncovered_regions(dataset, atlas),
        listed=listed,
    )


def report_lines(coverage):
    """Return the coverage report as lines of plain text."""
    rows = [(area.name, area.muscles, area.trigger_points) for area in coverage.areas]
    rows.append(("Total", coverage.muscles, coverage.trigger_points))
    width = max(len(name) for name, _, _ in rows)
    lines = [
        "Muscles and trigger points per body area (one side):",
        f"  {'Area':<{width}}  Muscles  Trigger points",
    ]
    lines += [
        f"  {name:<{width}}  {muscles:7}  {points:14}" for name, muscles, points in rows
    ]
    lines.append("")
    lines.append(
        "Atlas regions no trigger point refers to (essential or spillover), "
        "right side and midline:"
    )
    for view_id, regions in coverage.uncovered.items():
        lines.append(
            f"  {view_id} view: {len(regions)} of {coverage.listed[view_id]} regions"
        )
        width = max((len(region.id) for region in regions), default=0)
        lines += [f"    {region.id:<{width}}  {region.name}" for region in regions]
    lines.append(
        f"Total: {coverage.uncovered_count} of {coverage.listed_count} regions "
        "have no referred pain."
    )
    return lines
