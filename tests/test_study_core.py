"""Study mode without the web: search, pattern similarity and seeded quizzes.

These hold for any valid dataset: they pick muscles from the loaded bundle
(upper trapezius always exists) rather than relying on exact counts.
"""

import pytest

from bodymap.study import quiz
from bodymap.study.search import search
from bodymap.study.similarity import Similarity, jaccard


@pytest.fixture(scope="module")
def patterns(bundle):
    return bundle.patterns


@pytest.fixture(scope="module")
def similarity(bundle):
    return bundle.similarity


def found(patterns, atlas, query, area=None):
    return [match.pattern.id for match in search(patterns, atlas, query, area)]


# ---------------------------------------------------------------- search


@pytest.mark.parametrize(
    "query",
    ["upper trapezius", "TRAPEZ", "descending", "temple", "headache at the temple"],
)
def test_search_finds_a_muscle_by_name_alias_region_or_symptom(patterns, atlas, query):
    assert "upper-trapezius" in found(patterns, atlas, query)


def test_search_says_why_a_muscle_matched(patterns, atlas):
    matches = {m.pattern.id: m for m in search(patterns, atlas, "temple")}
    fields = {field for field, _ in matches["upper-trapezius"].reasons}
    assert "region" in fields
    texts = [text for field, text in matches["upper-trapezius"].reasons]
    assert any("temple" in text.lower() for text in texts)


def test_search_ranks_name_matches_before_region_matches(patterns, atlas):
    results = search(patterns, atlas, "trapezius")
    assert results[0].pattern.muscle.name.lower().count("trapezius")


def test_search_needs_every_word(patterns, atlas):
    assert found(patterns, atlas, "trapezius zzzqqq") == []


def test_search_filters_by_area(patterns, atlas):
    area = patterns.muscles["upper-trapezius"].muscle.area
    in_area = found(patterns, atlas, "", area)
    assert "upper-trapezius" in in_area
    assert all(patterns.muscles[m].muscle.area == area for m in in_area)
    other = next(a for a in ("foot", "leg", "head-jaw") if a != area)
    assert "upper-trapezius" not in found(patterns, atlas, "trapezius", other)


def test_an_empty_search_lists_every_muscle(patterns, atlas):
    assert found(patterns, atlas, "  ") == list(patterns.muscles)


# ---------------------------------------------------------------- similarity


def test_a_pattern_overlaps_itself_completely(similarity):
    assert similarity.score("upper-trapezius", "upper-trapezius") == pytest.approx(1.0)


def test_overlap_is_symmetric_and_between_zero_and_one(similarity, patterns):
    for other in patterns.muscles:
        forward = similarity.score("upper-trapezius", other)
        assert 0.0 <= forward <= 1.0 + 1e-9
        assert forward == pytest.approx(similarity.score(other, "upper-trapezius"))


def test_jaccard_counts_a_view_only_one_side_covers(atlas):
    temple = atlas.regions["right-temple"].shape
    heel = next(r.shape for r in atlas.regions_of("back"))
    assert jaccard({"front": temple}, {"back": heel}) == 0.0
    assert jaccard({"front": temple}, {"front": temple, "back": heel}) == pytest.approx(
        temple.area / (temple.area + heel.area)
    )


def test_ranking_puts_the_most_overlapping_patterns_first(similarity, patterns):
    ranked = similarity.ranked("upper-trapezius")
    ids = [muscle_id for muscle_id, _ in ranked]
    assert "upper-trapezius" not in ids
    assert sorted(ids) == sorted(m for m in patterns.muscles if m != "upper-trapezius")
    scores = [score for _, score in ranked]
    assert scores == sorted(scores, reverse=True)


def test_similar_patterns_all_overlap(similarity):
    for pattern, score in similarity.similar("upper-trapezius", limit=10):
        assert score > 0
        assert similarity.overlapping("upper-trapezius") >= {pattern.id}


def test_the_index_finds_exactly_the_overlapping_muscles(similarity, patterns):
    by_index = similarity.overlapping("upper-trapezius")
    by_loop = {
        m
        for m in patterns.muscles
        if m != "upper-trapezius" and similarity.score("upper-trapezius", m) > 0
    }
    assert by_loop <= by_index


# ---------------------------------------------------------------- quiz


def snapshot(questions):
    return [
        (q.id, q.kind, q.pattern.id, q.side, tuple(p.id for p in q.choices))
        for q in questions
    ]


@pytest.mark.parametrize("mode", quiz.MODES)
def test_a_seeded_quiz_repeats_exactly(patterns, mode):
    first = quiz.quiz(patterns, Similarity(patterns), 1234, mode=mode)
    again = quiz.quiz(patterns, Similarity(patterns), 1234, mode=mode)
    assert snapshot(first) == snapshot(again)


def test_different_seeds_give_different_quizzes(patterns, similarity):
    assert len(patterns.muscles) >= 3
    base = snapshot(quiz.quiz(patterns, similarity, 0))
    assert any(
        snapshot(quiz.quiz(patterns, similarity, s)) != base for s in range(1, 6)
    )


def test_a_quiz_asks_about_different_muscles(patterns, similarity):
    questions = quiz.quiz(patterns, similarity, 42)
    assert len(questions) == min(quiz.LENGTH, len(patterns.muscles))
    muscles = [q.pattern.id for q in questions]
    assert len(set(muscles)) == len(muscles)


def test_each_question_has_four_distinct_choices_including_the_answer(
    patterns, similarity
):
    for question in quiz.quiz(patterns, similarity, 7):
        ids = [p.id for p in question.choices]
        assert len(ids) == min(quiz.CHOICES, len(patterns.muscles))
        assert len(set(ids)) == len(ids)
        assert question.pattern.id in ids


def test_distractors_are_the_most_similar_patterns(patterns, similarity):
    """Where muscles overlap the answer's pattern, the distractors are among them."""
    for seed in range(3):
        for question in quiz.quiz(patterns, similarity, seed):
            answer = question.pattern.id
            overlapping = [m for m, score in similarity.ranked(answer) if score > 0]
            distractors = [p.id for p in question.choices if p.id != answer]
            expected = min(len(overlapping), len(distractors))
            plausible = [d for d in distractors if d in overlapping]
            assert len(plausible) == expected, (answer, distractors, overlapping)
            for distractor in plausible:
                assert similarity.score(answer, distractor) > 0


def test_the_area_filter_keeps_questions_in_the_area(patterns, similarity):
    area = patterns.muscles["upper-trapezius"].muscle.area
    for question in quiz.quiz(patterns, similarity, 3, area=area):
        assert question.pattern.muscle.area == area


def test_an_empty_area_is_a_clear_error(patterns, similarity):
    with pytest.raises(quiz.QuizError, match="No muscles"):
        quiz.question_at(patterns, similarity, 1, 0, area="no-such-area")


@pytest.mark.parametrize(
    ("seed", "index", "mode", "message"),
    [
        (-1, 0, "identify", "seed"),
        ("7", 0, "identify", "seed"),
        (quiz.MAX_SEED, 0, "identify", "seed"),
        (1, -1, "identify", "index"),
        (1, 999, "identify", "index"),
        (1, 0, "essay", "mode"),
    ],
)
def test_out_of_range_questions_are_refused(
    patterns, similarity, seed, index, mode, message
):
    with pytest.raises(quiz.QuizError, match=message):
        quiz.question_at(patterns, similarity, seed, index, mode=mode)


def test_mixed_mode_asks_both_kinds(patterns, similarity):
    kinds = {
        q.kind
        for s in range(5)
        for q in quiz.quiz(patterns, similarity, s, mode="mixed")
    }
    assert kinds == set(quiz.KINDS)


def test_choosing_the_answer_scores_100_and_a_distractor_0(patterns, similarity):
    question = quiz.question_at(patterns, similarity, 11, 0)
    assert quiz.answer_choice(question, question.pattern.id).score == 100
    wrong = next((p for p in question.choices if p.id != question.pattern.id), None)
    if wrong is not None:
        result = quiz.answer_choice(question, wrong.id)
        assert result.score == 0 and not result.correct and result.missed_question


def test_a_choice_outside_the_question_is_refused(patterns, similarity):
    question = quiz.question_at(patterns, similarity, 11, 0)
    with pytest.raises(quiz.QuizError, match="not one of"):
        quiz.answer_choice(question, "no-such-muscle")


def locate_questions(patterns, similarity):
    return quiz.quiz(patterns, similarity, 5, mode="locate")


def test_a_perfect_located_answer_scores_100(patterns, similarity, atlas):
    for question in locate_questions(patterns, similarity):
        essential, spillover = question.target()
        result = quiz.answer_regions(
            question, atlas, list(reversed(essential + spillover))
        )
        assert result.score == 100 and result.correct
        assert not result.missed and not result.extra


def test_located_answers_score_by_overlap(patterns, similarity, atlas):
    question = locate_questions(patterns, similarity)[0]
    essential, spillover = question.target()
    target = essential + spillover
    assert quiz.answer_regions(question, atlas, []).score == 0
    elsewhere = [r for r in atlas.regions if r not in target][:1]
    assert quiz.answer_regions(question, atlas, elsewhere).score == 0
    partial = quiz.answer_regions(question, atlas, target + elsewhere)
    assert 0 < partial.score < 100
    assert partial.extra == tuple(elsewhere)
    if len(target) > 1:
        half = quiz.answer_regions(question, atlas, target[:1])
        assert 0 < half.score < 100 and half.missed == tuple(target[1:])


def test_located_answers_need_known_regions(patterns, similarity, atlas):
    question = locate_questions(patterns, similarity)[0]
    with pytest.raises(quiz.QuizError, match="Unknown region"):
        quiz.answer_regions(question, atlas, ["right-tail"])
    with pytest.raises(quiz.QuizError, match="choice"):
        quiz.answer_regions(quiz.question_at(patterns, similarity, 5, 0), atlas, [])
