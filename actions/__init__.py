"""Rasa custom actions: thin glue between the tracker and the occupations table."""
