"""The API's JSON shapes: how muscles, regions, techniques and quiz items look.

Routes live in :mod:`bodymap.web.api`; these functions only turn records into
JSON-ready dicts, in the order the contract lists their fields.
"""

from bodymap import figures
from bodymap.web.getters import bundle
from bodymap.web.quiz import feedback_text, locate_prompt


def region_json(region):
    return {
        "id": region.id,
        "name": region.name,
        "view": region.view,
        "side": region.side,
        "label_point": list(region.label_point),
    }


def source_json(source):
    return {
        "key": source.key,
        "citation": source.citation,
        "url": source.url,
        "note": source.note,
    }


def prevalence_json(prevalence):
    if prevalence is None:
        return None
    return {
        "level": prevalence.level,
        "source": prevalence.source,
        "basis": prevalence.basis,
    }


def technique_json(technique, instructions=None, cautions=None):
    return {
        "id": technique.id,
        "name": technique.name,
        "performer": technique.performer,
        "summary": technique.summary,
        "how": technique.how,
        "instructions": instructions,
        "expect": technique.expect,
        "stop_if": technique.stop_if,
        "contraindications": [
            {"text": item.text, "screen": item.screen, "effect": item.effect}
            for item in technique.contraindications
        ],
        "cautions": list(cautions or ()),
    }


def placed_point_json(point):
    """Return where a sided trigger point sits and the regions of its zones."""
    return {
        "key": point.key,
        "label": point.spec.label,
        "side": point.side,
        "view": point.view,
        "x": point.x,
        "y": point.y,
        **{zone: list(regions) for zone, regions in point.zones.items()},
    }


def trigger_point_json(point):
    spec = point.spec
    return {
        "id": spec.id,
        **placed_point_json(point),
        "location": spec.location,
        "symptoms": list(spec.symptoms),
        "perpetuating_factors": list(spec.perpetuating_factors),
        "techniques": list(spec.techniques),
        "sources": list(spec.sources),
        "note": spec.note,
        "crosses_midline": spec.crosses_midline,
        "cautions": dict(spec.cautions),
    }


def muscle_summary_json(pattern):
    muscle = pattern.muscle
    return {
        "id": muscle.id,
        "name": muscle.name,
        "area": muscle.area,
        "trigger_points": len(muscle.trigger_points),
    }


def muscle_json(pattern):
    muscle = pattern.muscle
    techniques = bundle().dataset.techniques
    used = sorted({t for spec in muscle.trigger_points for t in spec.techniques})
    return {
        **muscle_summary_json(pattern),
        "aliases": list(muscle.aliases),
        "symmetry": muscle.symmetry,
        "description": muscle.description,
        "trigger_points": [
            trigger_point_json(point) for point in pattern.trigger_points
        ],
        "techniques": [
            technique_json(
                techniques[t],
                muscle.instructions.get(t),
                [muscle.cautions[t]] if t in muscle.cautions else [],
            )
            for t in used
        ],
        "prevalence": prevalence_json(muscle.prevalence),
        "sources": [source_json(source) for source in muscle.sources],
    }


def diagrams_json(figure_list):
    atlas = bundle().atlas
    return [{"view": f.view, "svg": figures.draw(atlas, f)} for f in figure_list]


def choice_json(pattern):
    return {"muscle": pattern.id, "name": pattern.muscle.name}


def question_json(question):
    """Return a question as JSON-ready data (no muscle name for "which muscle?")."""
    data = {
        "id": question.id,
        "seed": question.seed,
        "index": question.index,
        "count": question.count,
        "area": question.area,
        "mode": question.mode,
        "kind": question.kind,
        "side": question.side,
        "diagrams": diagrams_json(figures.question_figures(bundle().atlas, question)),
    }
    if question.kind == "identify":
        data["prompt"] = "Which muscle's trigger points may refer pain like this?"
        essential, spillover = question.target()
        data["regions"] = {"essential": essential, "spillover": spillover}
        data["trigger_points"] = [
            {"view": p.view, "x": p.x, "y": p.y} for p in question.points
        ]
    else:
        data["prompt"] = locate_prompt(question)
        data["muscle"] = choice_json(question.pattern)
    return data


def result_json(result):
    """Return an answer's score with the right answer to draw."""
    question = result.question
    essential, spillover = question.target()
    data = {
        "question": question.id,
        "kind": question.kind,
        "correct": result.correct,
        "score": result.score,
        "answer": {
            **choice_json(question.pattern),
            "side": question.side,
            "essential": essential,
            "spillover": spillover,
        },
        "feedback": feedback_text(result),
        "diagrams": diagrams_json(figures.answer_figures(bundle().atlas, result)),
    }
    if question.kind == "identify":
        data["choice"] = choice_json(result.choice)
    else:
        data["regions"] = {
            "hit": list(result.hit),
            "missed": list(result.missed),
            "extra": list(result.extra),
        }
    return data
