"""Study mode: search, pattern similarity, quizzes and exports.

Pure Python on top of :mod:`bodymap.patterns` and :mod:`bodymap.render`; the
web layer (:mod:`bodymap.web.study`) turns it into pages and JSON.
"""
