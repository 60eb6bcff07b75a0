"""The validated dataset as plain, immutable Python objects (right side only)."""

from dataclasses import dataclass, field

ZONES = ("local", "essential", "spillover")
AREAS = {
    "head-jaw": "Head and jaw",
    "neck": "Neck",
    "shoulder": "Shoulder",
    "upper-back": "Upper back",
    "upper-arm": "Upper arm",
    "forearm-hand": "Forearm and hand",
    "chest-abdomen": "Chest and abdomen",
    "low-back": "Low back and pelvis",
    "hip-buttock": "Hip and buttock",
    "thigh": "Thigh",
    "leg": "Leg",
    "foot": "Foot",
}
"""Body areas a muscle belongs to, head to toe: id -> display name."""


@dataclass(frozen=True)
class Source:
    key: str
    citation: str
    url: str | None = None


@dataclass(frozen=True)
class Shape:
    """A polygon on one view, in view coordinates, as authored."""

    view: str
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Contraindication:
    text: str
    screen: str | None = None


@dataclass(frozen=True)
class Technique:
    id: str
    name: str
    performer: str
    summary: str
    how: str
    expect: str
    stop_if: str
    contraindications: tuple[Contraindication, ...]
    sources: tuple[Source, ...]

    @property
    def is_self_care(self):
        return self.performer == "self"


@dataclass(frozen=True)
class TriggerPointSpec:
    """One trigger point as authored, for the person's right side."""

    id: str
    label: str
    location: str
    view: str
    x: float
    y: float
    zones: dict[str, tuple[str, ...]]
    zone_shapes: dict[str, Shape]
    symptoms: tuple[str, ...]
    perpetuating_factors: tuple[str, ...]
    techniques: tuple[str, ...]
    sources: tuple[str, ...]
    note: str | None = None


@dataclass(frozen=True)
class Muscle:
    id: str
    name: str
    aliases: tuple[str, ...]
    area: str
    symmetry: str
    description: str
    sources: tuple[Source, ...]
    outline: tuple[Shape, ...]
    instructions: dict[str, str]
    trigger_points: tuple[TriggerPointSpec, ...]
    file: str = field(default="", compare=False)

    @property
    def is_paired(self):
        return self.symmetry == "paired"


@dataclass(frozen=True)
class RedFlag:
    id: str
    text: str
    advice: str


@dataclass(frozen=True)
class ScreenQuestion:
    id: str
    question: str


@dataclass(frozen=True)
class Safety:
    disclaimer: str
    disclaimer_details: str
    red_flags: tuple[RedFlag, ...]
    screen: tuple[ScreenQuestion, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Dataset:
    muscles: dict[str, Muscle]
    techniques: dict[str, Technique]
    safety: Safety
