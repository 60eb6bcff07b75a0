"""Measure one lookup in process: median and p99 latency.

Runs drawings of 1, 5 and 20 spots against the real dataset and against
synthetic datasets 10x and 100x its size (copies of the real muscles, each copy
a muscle of its own, with their zones shuffled over the same view's regions,
seeded).  Each lookup ranks muscles and explains the best 20.

    python benchmarks/lookup.py [--runs 300]
"""

import argparse
import random
import statistics
import time
from dataclasses import replace

from bodymap.bundle import load_bundle
from bodymap.lookup import LookupEngine
from bodymap.resources import DATA_DIR

SPOT_COUNTS = (1, 5, 20)
SCALES = (1, 10, 100)


def synthetic_points(atlas, points, scale, rng):
    """Return ``scale`` times as many trigger points, zones shuffled per copy."""
    if scale == 1:
        return list(points)
    by_view = {view: [r.id for r in atlas.regions_of(view)] for view in atlas.views}
    result = []
    for copy in range(scale):
        muscles = {}
        for point in points:
            muscle = muscles.setdefault(
                point.muscle.id,
                replace(point.muscle, id=f"{point.muscle.id}-copy{copy}"),
            )
            zones, shapes = {}, {}
            for zone, ids in point.zones.items():
                picked = []
                for region_id in ids:
                    picked.append(rng.choice(by_view[atlas.regions[region_id].view]))
                zones[zone] = tuple(dict.fromkeys(picked))
                shapes[zone] = atlas.shapes_of(zones[zone])
            spec = replace(point.spec, id=f"{point.spec.id}-copy{copy}", zone_shapes={})
            result.append(
                replace(point, spec=spec, muscle=muscle, zones=zones, shapes=shapes)
            )
    return result


def drawing(engine, atlas, count, rng):
    regions = [r for view in atlas.views for r in atlas.regions_of(view)]
    spots = []
    for region in rng.sample(regions, count):
        x, y = region.label_point
        spots.append(engine.spot_at(region.view, x, y, rng.randint(1, 3)))
    return spots


def measure(engine, atlas, count, runs, rng):
    drawings = [drawing(engine, atlas, count, rng) for _ in range(runs)]
    timings = []
    for spots in drawings:
        start = time.perf_counter()
        engine.rank(spots, limit=20)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[min(len(timings) - 1, int(0.99 * runs))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    bundle = load_bundle(DATA_DIR)
    atlas = bundle.atlas
    base = bundle.patterns.trigger_points
    print(f"{'dataset':>22} {'spots':>5} {'median ms':>10} {'p99 ms':>8}")
    for scale in SCALES:
        rng = random.Random(scale)
        points = synthetic_points(atlas, base, scale, rng)
        start = time.perf_counter()
        engine = LookupEngine(atlas, points)
        built = time.perf_counter() - start
        label = f"{scale}x ({len(points)} TrPs)"
        for count in SPOT_COUNTS:
            median, p99 = measure(engine, atlas, count, args.runs, rng)
            print(f"{label:>22} {count:>5} {median:>10.3f} {p99:>8.3f}")
        print(f"{'':>22} index built in {built * 1000:.0f} ms")


if __name__ == "__main__":
    main()
