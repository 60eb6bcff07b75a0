"""Cut a silhouette half into named regions.

Each region owns the part of the silhouette nearer to one of its seeds than to
any other region's seed (a Voronoi partition).  The cut is made on the right
half only and mirrored, so the two sides are exact mirror images and the
regions tile the silhouette by construction.
"""

from dataclasses import dataclass

import shapely
from shapely import MultiPoint, Polygon, affinity, box, unary_union

MIDLINE_PREFIX = "="
GROUP = "#"


def _regions_only(landmarks):
    return [entry for entry in landmarks if entry[0] != GROUP]


@dataclass(frozen=True)
class RegionShape:
    """A region cut from the silhouette, still in body coordinates."""

    slug: str
    label: str
    side: str
    area: str
    shape: Polygon


def _seed_table(landmarks):
    """Return (points, owners): every seed and its mirror, with its region slug.

    Mirrored seeds of paired regions belong to the left copy, which is only
    there to place the borders near the midline correctly.
    """
    points, owners = [], []
    for slug, _label, seeds in _regions_only(landmarks):
        midline = slug.startswith(MIDLINE_PREFIX)
        for u, y in seeds:
            points.append((u, y))
            owners.append(slug)
            if u != 0:
                points.append((-u, y))
                owners.append(slug if midline else None)
    return points, owners


def _voronoi_cells(points, extent):
    """Return the Voronoi cell of each point, in input order."""
    cells = shapely.voronoi_polygons(MultiPoint(points), extend_to=extent, ordered=True)
    return list(cells.geoms)


def _largest_part(shape):
    if shape.geom_type == "Polygon":
        return shape, []
    parts = sorted(shape.geoms, key=lambda part: part.area, reverse=True)
    return parts[0], parts[1:]


def _merge_strays(shapes):
    """Give each detached fragment to the neighbour it shares most border with.

    A Voronoi cell clipped to a concave outline can fall apart (a sliver of the
    hand's cell on the thigh, say); every region must be one piece.
    """
    strays = []
    for slug in list(shapes):
        shapes[slug], fragments = _largest_part(shapes[slug])
        strays += [(slug, fragment) for fragment in fragments]
    for owner, fragment in strays:
        border = fragment.boundary

        def shared(slug, border=border):
            return border.intersection(shapes[slug].boundary).length

        neighbour = max((slug for slug in shapes if slug != owner), key=shared)
        shapes[neighbour] = unary_union([shapes[neighbour], fragment])
    return shapes


def cut_regions(half, landmarks):
    """Partition ``half`` (the right half silhouette) into mirrored regions.

    Returns a list of :class:`RegionShape` in body coordinates: paired regions
    once for each side (the left one mirrored), midline regions once.
    """
    points, owners = _seed_table(landmarks)
    minx, miny, maxx, maxy = half.bounds
    extent = box(-maxx - 50, miny - 50, maxx + 50, maxy + 50)
    pieces = {}
    for owner, cell in zip(owners, _voronoi_cells(points, extent), strict=True):
        if owner is not None:
            pieces.setdefault(owner, []).append(cell.intersection(half))
    shapes = _merge_strays({slug: unary_union(parts) for slug, parts in pieces.items()})

    regions = []
    area = ""
    for slug, label, _seeds in landmarks:
        if slug == GROUP:
            area = label
            continue
        right = shapes[slug]
        left = affinity.scale(right, xfact=-1, origin=(0, 0))
        if slug.startswith(MIDLINE_PREFIX):
            whole = unary_union([right, left])
            regions.append(RegionShape(slug[1:], label, "midline", area, whole))
        else:
            regions.append(
                RegionShape(f"right-{slug}", f"right {label}", "right", area, right)
            )
            regions.append(
                RegionShape(f"left-{slug}", f"left {label}", "left", area, left)
            )
    return regions
