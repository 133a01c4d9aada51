"""`make eval`: blind conversations against the running assistant, scored per voice and topic.

Each line of tests/conversations/*.jsonl is one conversation written by an author who saw
neither the code nor the training data:

    {"id": "c01", "persona": "leerling|ouder|mentor",
     "turns": [{"user": "...", "good_answer": "...", "must_mention": ["lasser"],
                "needs_figure": true, "in_scope": true, "topic": "salary"}]}

A turn passes when the reply is not the fallback (for a question in scope), contains every
`must_mention` stem, and, where a figure is needed, shows a € amount or percentage with its
source. A conversation passes when every turn does. These checks are mechanical: they cannot
see whether the figure is the right one or the tone fits, so they are an upper bound of what a
careful reader would accept. It measures and prints; it asserts nothing.

usage: .venv/bin/python -m scripts.eval.run_eval [--url URL] [--parts a,b] [--show-failures]
"""

import argparse
import json
import re
import sys
import unicodedata
import urllib.request
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

import yaml

from bot.launcher import start_servers
from occupations.config import PROJECT_ROOT

CONVERSATIONS = PROJECT_ROOT / "tests" / "conversations"
EVAL_DIR = PROJECT_ROOT / "var" / "eval"
EVAL_RASA_PORT, EVAL_ACTION_PORT = 5108, 5158
FALLBACK_RESPONSES = ("utter_default", "utter_default_topics")
FIGURE = re.compile(r"€\s?\d|\d+(,\d+)?\s?%")
SOURCE = re.compile(r"\bCBS\b|[Bb]ron")


def plain(text: str) -> str:
    """Lower case without accents, so 'Elektriciën' contains the stem 'elektricien'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stem(word: str) -> str:
    """A forgiving stem: 'lassers' and 'lasser' share 'lass'; short words stay whole."""
    word = plain(word.strip())
    return word if len(word) <= 5 else word[: max(5, len(word) - 2)]


def fallback_texts() -> List[str]:
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    return [plain(v["text"]) for name in FALLBACK_RESPONSES for v in domain["responses"][name]]


@dataclass
class TurnResult:
    persona: str
    topic: str
    in_scope: bool
    fallback: bool
    problems: List[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems


def check(turn: dict, reply: str, persona: str, fallbacks: List[str]) -> TurnResult:
    text = plain(reply)
    in_scope = turn.get("in_scope", True)
    result = TurnResult(persona, turn.get("topic", "unlabelled"), in_scope, any(f in text for f in fallbacks))
    if in_scope and result.fallback:
        result.problems.append("fallback")
    if in_scope:
        missing = [word for word in turn.get("must_mention", []) if stem(word) not in text]
        if missing:
            result.problems.append(f"missing {missing}")
        if turn.get("needs_figure") and not (FIGURE.search(reply) and SOURCE.search(reply)):
            result.problems.append("no figure with source")
    elif "€" in reply:
        result.problems.append("a figure for an out-of-scope question")
    return result


def ask(url: str, sender: str, message: str) -> str:
    body = json.dumps({"sender": sender, "message": message}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        answers = json.loads(response.read())
    parts = []
    for answer in answers:
        parts.append(answer.get("text") or "")
        parts += [button.get("title", "") for button in answer.get("buttons") or []]
    return "\n".join(parts)


def load(parts: Optional[List[str]]) -> List[dict]:
    files = sorted(CONVERSATIONS.glob("*.jsonl"))
    if parts:
        files = [f for f in files if any(f.stem.endswith(f"_{p}") or f.stem == p for p in parts)]
    return [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def share(results) -> str:
    results = list(results)
    passed = sum(r for r in results)
    return f"{passed}/{len(results)} ({100 * passed / len(results):.0f}%)" if results else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", help="a running assistant's REST webhook (default: start one for this run)")
    parser.add_argument("--parts", help="comma-separated part names, e.g. 'c,d,e' (default: all)")
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument("--transcript", type=Path, help="write every question, reply and check to this JSON-lines file")
    args = parser.parse_args()
    conversations = load(args.parts.split(",") if args.parts else None)
    if args.url:
        return evaluate(args.url, conversations, args.show_failures, args.transcript)
    EVAL_DIR.mkdir(parents=True, exist_ok=True)
    servers = start_servers(
        EVAL_RASA_PORT, EVAL_ACTION_PORT, tracker_db=str(EVAL_DIR / "tracker.sqlite"), log_dir=EVAL_DIR / "logs"
    )
    try:
        url = f"http://127.0.0.1:{EVAL_RASA_PORT}/webhooks/rest/webhook"
        return evaluate(url, conversations, args.show_failures, args.transcript)
    finally:
        servers.stop()


def evaluate(url: str, conversations: List[dict], show_failures: bool, transcript: Optional[Path] = None) -> int:
    fallbacks = fallback_texts()
    records = []
    by_persona, by_topic, turns_all, failures = defaultdict(list), defaultdict(list), [], []
    for conversation in conversations:
        sender, ok = uuid.uuid4().hex, True
        for turn in conversation["turns"]:
            reply = ask(url, sender, turn["user"])
            result = check(turn, reply, conversation["persona"], fallbacks)
            records.append(
                {
                    "id": conversation["id"],
                    "persona": conversation["persona"],
                    **turn,
                    "reply": reply,
                    "problems": result.problems,
                }
            )
            turns_all.append(result)
            by_topic[result.topic].append(result.passed)
            if not result.passed:
                ok = False
                failures.append(f"{conversation['id']} {turn['user']!r}: {result.problems}\n    -> {reply[:300]!r}")
        by_persona[conversation["persona"]].append(ok)
    in_scope = [t for t in turns_all if t.in_scope]
    print(f"conversations passed: {share(ok for oks in by_persona.values() for ok in oks)}")
    print(f"turns passed: {share(t.passed for t in turns_all)}")
    print(f"fallback rate (in-scope turns): {share(t.fallback for t in in_scope)}")
    for persona, oks in sorted(by_persona.items()):
        print(f"  {persona:10} conversations {share(oks)}")
    for topic, oks in sorted(by_topic.items()):
        print(f"  {topic:12} turns {share(oks)}")
    if show_failures:
        print("\n".join(failures))
    if transcript:
        transcript.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
