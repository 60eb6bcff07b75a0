"""Everything the app serves, loaded, validated and indexed once at start-up."""

from dataclasses import dataclass

from bodymap.atlas import Atlas, build_atlas
from bodymap.dataset import DataErrors, read_dataset
from bodymap.dataset.model import Dataset
from bodymap.diary.guidance import Guidance, read_guidance
from bodymap.lookup import LookupEngine
from bodymap.patterns import Patterns, bind_patterns
from bodymap.resources import STATIC_DIR
from bodymap.study.similarity import Similarity

DIAGRAM_STYLESHEETS = ("css/diagram.css", "css/study.css")
"""The CSS a diagram file carries inside it, so it looks right on its own."""


@dataclass(frozen=True)
class Bundle:
    atlas: Atlas
    dataset: Dataset
    patterns: Patterns
    lookup: LookupEngine
    diary_guidance: Guidance
    similarity: Similarity
    diagram_css: str
    """The diagram stylesheets, embedded in downloaded SVG and the review sheet."""


def read_diagram_css(static_dir=STATIC_DIR):
    """Return the diagram stylesheets as one CSS text."""
    return "\n".join(
        (static_dir / name).read_text(encoding="utf-8") for name in DIAGRAM_STYLESHEETS
    )


def load_bundle(data_dir, static_dir=STATIC_DIR):
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
    return Bundle(
        atlas=atlas,
        dataset=dataset,
        patterns=patterns,
        lookup=LookupEngine(atlas, patterns.trigger_points),
        diary_guidance=diary_guidance,
        similarity=Similarity(patterns),
        diagram_css=read_diagram_css(static_dir),
    )
