"""Next-step buttons offered after an answer about an occupation (they work on WhatsApp too)."""

from typing import Dict, List, Tuple

FOLLOW_UPS = [
    ("ask_salary", "Wat verdien je?", "Wat verdient het?"),
    ("ask_prospects", "Kans op werk?", "Is er werk?"),
    ("ask_route", "Hoe word ik dat?", "Welke opleiding?"),
    ("ask_job_description", "Wat doe je dan?", "Wat is het werk?"),
    ("ask_story", "Verhaal van iemand", "Verhaal van iemand"),
]


def follow_up_buttons(current_intent: str, is_parent: bool, limit: int = 3) -> List[Dict[str, str]]:
    buttons = []
    for intent, pupil_title, parent_title in FOLLOW_UPS:
        if intent != current_intent:
            buttons.append({"title": parent_title if is_parent else pupil_title, "payload": f"/{intent}"})
    return buttons[:limit]


def candidate_buttons(intent: str, candidates: List[Tuple[str, str]]) -> List[Dict[str, str]]:
    """One button per (occupation id, name); the payload names the occupation by id, so no second guess."""
    return [
        {"title": name, "payload": f'/{intent}{{"occupation_id": "{occupation_id}"}}'}
        for occupation_id, name in candidates[:5]
    ]
