"""Seeded quizzes: name the muscle from its pattern, or mark where it refers.

A quiz is fully determined by (seed, area, mode): the same values always give
the same questions in the same order with the same choices, so the server
can check an answer without keeping any state.
"""

import random
from dataclasses import dataclass

from bodymap.errors import BadInput
from bodymap.patterns import MusclePattern

LENGTH = 10
CHOICES = 4
MODES = ("identify", "locate", "mixed")
KINDS = ("identify", "locate")
PASS_MARK = 50
"""A located answer below this score counts as a miss in the review."""
MAX_SEED = 10**9


class QuizError(BadInput):
    """A quiz request that cannot be served, with a message for the user."""


@dataclass(frozen=True)
class Question:
    """One question of a seeded quiz."""

    seed: int
    area: str | None
    mode: str
    index: int
    count: int
    kind: str
    pattern: MusclePattern
    side: str
    choices: tuple[MusclePattern, ...]  # shuffled; empty for "locate"

    @property
    def id(self):
        """Return a stable id: seed, index, area and mode."""
        return f"{self.seed}-{self.index}-{self.area or 'all'}-{self.mode}"

    @property
    def points(self):
        """Return the trigger points the question is about (its side)."""
        return self.pattern.points_on(self.side)

    def target(self):
        """Return the region ids the answer covers: essential first, then spillover."""
        essential, spillover = {}, {}
        for point in self.points:
            essential.update(dict.fromkeys(point.zones["essential"]))
            spillover.update(dict.fromkeys(point.zones["spillover"]))
        spill = [r for r in spillover if r not in essential]
        return list(essential), spill


def pool(patterns, area=None):
    """Return the muscles a quiz on ``area`` asks about, in name order."""
    chosen = [p for p in patterns.muscles.values() if not area or p.muscle.area == area]
    if not chosen:
        raise QuizError(f"No muscles in the area {area!r} yet: choose another area.")
    return chosen


def check_params(seed, index, mode):
    """Raise :class:`QuizError` for a seed, index or mode out of range."""
    if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < MAX_SEED:
        raise QuizError(f"seed must be a whole number from 0 to {MAX_SEED - 1}.")
    if not isinstance(index, int) or isinstance(index, bool) or index < 0:
        raise QuizError("index must be a whole number from 0.")
    if mode not in MODES:
        raise QuizError(f"mode must be one of {', '.join(MODES)}.")


def quiz_length(patterns, area=None):
    """Return how many questions a quiz on ``area`` has."""
    return min(LENGTH, len(pool(patterns, area)))


def question_at(patterns, similarity, seed, index, area=None, mode="identify"):
    """Return question ``index`` of the quiz (seed, area, mode).

    :raises QuizError: for out-of-range values or an empty area.
    """
    check_params(seed, index, mode)
    muscles = pool(patterns, area)
    count = min(LENGTH, len(muscles))
    if index >= count:
        raise QuizError(
            f"This quiz has {count} questions: index must be below {count}."
        )
    order = list(muscles)
    random.Random(f"{seed}|{area or ''}|{mode}").shuffle(order)
    rng = random.Random(f"{seed}|{area or ''}|{mode}|{index}")
    pattern = order[index]
    kind = rng.choice(KINDS) if mode == "mixed" else mode
    side = rng.choice(pattern.sides())
    choices = ()
    if kind == "identify":
        ranked = [other for other, _ in similarity.ranked(pattern.id)]
        distractors = [patterns.muscles[m] for m in ranked[: CHOICES - 1]]
        options = [pattern, *distractors]
        rng.shuffle(options)
        choices = tuple(options)
    return Question(seed, area, mode, index, count, kind, pattern, side, choices)


def quiz(patterns, similarity, seed, area=None, mode="identify"):
    """Return every question of a quiz, in order."""
    count = quiz_length(patterns, area)
    return [
        question_at(patterns, similarity, seed, i, area, mode) for i in range(count)
    ]


@dataclass(frozen=True)
class Result:
    """How well an answer did: 0 to 100, and what was right and wrong."""

    question: Question
    score: int
    choice: MusclePattern | None = None  # the chosen pattern (identify)
    hit: tuple[str, ...] = ()  # region ids (locate)
    missed: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()

    @property
    def correct(self):
        return self.score == 100

    @property
    def missed_question(self):
        return is_miss(self.question, self.score)


def is_miss(question, score):
    """Tell whether a score counts as a miss: a wrong name, or a weak locate."""
    return score < (100 if question.kind == "identify" else PASS_MARK)


def answer_choice(question, muscle_id):
    """Score a "which muscle?" answer.

    :raises QuizError: when the muscle is not one of the question's choices.
    """
    if question.kind != "identify":
        raise QuizError(
            "This question asks where the muscle refers: answer with regions."
        )
    chosen = next((p for p in question.choices if p.id == muscle_id), None)
    if chosen is None:
        raise QuizError(f"{muscle_id!r} is not one of this question's choices.")
    return Result(
        question, 100 if chosen.id == question.pattern.id else 0, choice=chosen
    )


def overlap_score(atlas, selected, target):
    """Return the area overlap of two region sets as a whole percentage (0 to 100).

    Intersection over union, summed over both views: marking exactly the true
    zones scores 100, marking nothing or only wrong skin scores 0.
    """
    if set(selected) == set(target):
        return 100 if target else 0
    mine, true = atlas.shapes_of(selected), atlas.shapes_of(target)
    shared = sum(mine[v].intersection(true[v]).area for v in set(mine) & set(true))
    union = sum(
        mine[v].union(true[v]).area
        if v in mine and v in true
        else (mine.get(v) or true.get(v)).area
        for v in set(mine) | set(true)
    )
    return min(99, round(100 * shared / union)) if union else 0


def answer_regions(question, atlas, region_ids):
    """Score a "where does it refer?" answer by overlap with the true zones.

    :raises QuizError: for an unknown region id or a "which muscle?" question.
    """
    if question.kind != "locate":
        raise QuizError("This question asks which muscle: answer with a choice.")
    unknown = [r for r in region_ids if r not in atlas.regions]
    if unknown:
        raise QuizError(f"Unknown region {unknown[0]!r}.")
    selected = list(dict.fromkeys(region_ids))
    essential, spillover = question.target()
    target = essential + spillover
    score = overlap_score(atlas, selected, target)
    return Result(
        question,
        score,
        hit=tuple(r for r in target if r in selected),
        missed=tuple(r for r in target if r not in selected),
        extra=tuple(r for r in selected if r not in target),
    )
