"""The labour-market table: sources, build, models and queries. No Rasa imports here."""
