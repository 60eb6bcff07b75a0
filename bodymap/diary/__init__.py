"""The private pain diary: its guidance rules, its file format and its checks.

Flask-free: the web layer hands it what the browser sent and forgets it.
"""

from bodymap.diary.entries import DiaryError, Vocabulary, parse_diary
from bodymap.diary.guidance import Guidance, load_guidance, read_guidance
from bodymap.diary.rules import advise, area_changes

__all__ = [
    "DiaryError",
    "Guidance",
    "Vocabulary",
    "advise",
    "area_changes",
    "load_guidance",
    "parse_diary",
    "read_guidance",
]
