"""The words that say who writes: a pupil, a parent or a mentor. Shared by the NLU's audience
extractor and the actions (plain Python, so the action server need not import Rasa)."""

WORDS = {
    "leerling": r"leerling|scholier|student|brugklasser|vmbo'?er|mbo'?er|vmbo[- ]leerling|mbo[- ]student|pupil",
    "ouder": r"ouders?|moeder|vader|mama|papa|mam|pap|verzorgers?|voogd|stief(?:moeder|vader)"
    r"|pleeg(?:ouders?|moeder|vader)",
    "mentor": r"mentor|docent|leraar|lerares|decaan|lob[- ](?:docent|coach)|loopbaanbegeleider|leerlingbegeleider"
    r"|juf|meester|leerkracht|teacher|studiekeuzebegeleider",
}
