"""The web layer: one blueprint per surface, shared getters, errors and headers.

``pages`` (the body map, results and muscles), ``study`` (region pages,
comparison, sheets), ``quiz``, ``exports`` (diagram files) and ``api`` (every
JSON route, under /api).  Figures come from :mod:`bodymap.figures`; views
fetch, call and render.
"""
