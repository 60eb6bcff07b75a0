"""The validated dataset as plain, immutable Python objects (right side only)."""

from dataclasses import dataclass, field

ZONES = ("local", "essential", "spillover")
"""The zones of a trigger point: its own spot, then where it refers pain."""
REFERRED_ZONES = ("essential", "spillover")
"""The zones pain is referred to, essential first."""
ZONE_LABELS = {
    "local": "Local pain",
    "essential": "Essential zone",
    "spillover": "Spillover zone",
}
"""One name per zone (the Manual's terms), on diagrams, pages and the sheet."""
ZONE_HELP = {
    "local": "Pain over the trigger point itself.",
    "essential": "Felt by nearly everyone with this trigger point.",
    "spillover": "Felt by some people with this trigger point.",
}
"""What each zone means, in plain words."""
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
PREVALENCE_LEVELS = {
    "common": "Common",
    "occasional": "Occasional",
    "rare": "Rare",
}
"""How often a muscle is found as a source of the pain it refers, most first."""
EFFECTS = {"avoid": "Not suitable", "care": "Needs care"}
"""What a ticked safety-screen answer does to a technique: id -> label."""


@dataclass(frozen=True)
class Source:
    key: str
    citation: str
    url: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Prevalence:
    """How often the muscle refers the pain it is known for, with its basis."""

    level: str
    source: str
    basis: str

    @property
    def label(self):
        return PREVALENCE_LEVELS[self.level]


@dataclass(frozen=True)
class Shape:
    """A polygon on one view, in view coordinates, as authored."""

    view: str
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Contraindication:
    """When a technique is unsuitable or needs care.

    ``screen`` names the safety-screen question that triggers it, and
    ``effect`` says what a "yes" does: ``"avoid"`` rules the technique out,
    ``"care"`` keeps it with a warning.
    """

    text: str
    screen: str | None = None
    effect: str | None = None


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

    def screened(self, answers):
        """Return (reasons to avoid, reasons for care) for ticked screen answers."""
        hits = [c for c in self.contraindications if c.screen in answers]
        return (
            [c.text for c in hits if c.effect == "avoid"],
            [c.text for c in hits if c.effect == "care"],
        )


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
    crosses_midline: bool = False
    """Its zones may name left-side regions too: a band across both sides."""
    cautions: dict[str, str] = field(default_factory=dict)
    """Technique id -> a warning specific to this trigger point."""


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
    prevalence: Prevalence | None = None
    cautions: dict[str, str] = field(default_factory=dict)
    """Technique id -> a warning for this muscle, shown with that technique."""

    @property
    def is_paired(self):
        return self.symmetry == "paired"

    def cautions_for(self, spec, technique_id):
        """Return the warnings for a technique on one trigger point, muscle first."""
        found = [self.cautions.get(technique_id), spec.cautions.get(technique_id)]
        return [text for text in found if text]

    def source(self, key):
        """Return the source with this key, or None."""
        return next((s for s in self.sources if s.key == key), None)


@dataclass(frozen=True)
class RedFlag:
    id: str
    text: str
    advice: str
    sources: tuple[str, ...] = ()


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
