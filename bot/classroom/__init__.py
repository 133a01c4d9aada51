"""Classroom mode: the comparison chart, the lesson sheet PDF and the links to both.

No Rasa here: the Rasa server serves these files (bot/channels/classroom_files.py), the
action server only builds links and alt text, and scripts/make_lesson.py prints a sheet.
"""
