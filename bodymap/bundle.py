"""Everything the app serves, loaded, validated and indexed once at start-up."""

from dataclasses import dataclass

from bodymap.atlas import Atlas, build_atlas
from bodymap.dataset import DataErrors, read_dataset
from bodymap.dataset.model import Dataset
from bodymap.diary.guidance import Guidance, read_guidance
from bodymap.lookup import LookupEngine
from bodymap.patterns import Patterns, bind_patterns


@dataclass(frozen=True)
class Bundle:
    atlas: Atlas
    dataset: Dataset
    patterns: Patterns
    lookup: LookupEngine
    diary_guidance: Guidance


def load_bundle(data_dir):
    """Load the dataset from ``data_dir`` and bind it to a fresh atlas.

    :raises DataErrors: when any data file is invalid.
    """
    dataset, errors = read_dataset(data_dir)
    atlas = build_atlas()
    patterns, geometry_errors = bind_patterns(dataset, atlas)
    errors += geometry_errors
    diary_guidance, diary_errors = read_guidance(data_dir)
    errors += diary_errors
    if errors:
        raise DataErrors(errors)
    lookup = LookupEngine(atlas, patterns.trigger_points)
    return Bundle(
        atlas=atlas,
        dataset=dataset,
        patterns=patterns,
        lookup=lookup,
        diary_guidance=diary_guidance,
    )
