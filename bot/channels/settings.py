"""Channel settings, each described once: reading, the check for missing ones and the
launcher's status line all follow from that one description.

A value in credentials.yml wins over the environment, but the documented way is the
environment (docs/whatsapp.md), so secrets stay out of git.
"""

import os
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Tuple

from bot.privacy import MIN_SECRET_BYTES, SENDER_ID_SECRET_ENV


@dataclass(frozen=True)
class Setting:
    """One setting of a channel."""

    env: str  # environment variable, as documented in docs/whatsapp.md
    key: str  # key in credentials.yml that overrides the environment
    required: bool = True  # without it the channel stays closed
    default: Optional[str] = None
    attribute: str = ""  # channel attribute and constructor argument, if not ``key``
    min_bytes: int = 0  # a shorter value is refused as if it were missing

    @property
    def name(self) -> str:
        return self.attribute or self.key

    def usable(self, value: Optional[str]) -> bool:
        """Whether ``value`` is set and long enough."""
        return bool(value) and len(str(value).encode("utf-8")) >= self.min_bytes

    def read(self, credentials: Optional[Mapping[str, Any]], env: Optional[Mapping[str, str]] = None) -> Optional[str]:
        """The value from credentials.yml if set there, else from the environment.

        Empty strings count as missing, so ``key:`` without a value in credentials.yml
        falls through to the environment variable.
        """
        value = (credentials or {}).get(self.key)
        if value is None or str(value).strip() == "":
            value = (os.environ if env is None else env).get(self.env)
        if value is None or str(value).strip() == "":
            return self.default
        return str(value).strip()


# Both channels hash phone numbers with the same key, so a parent keeps one id.
SENDER_ID_SECRET = Setting(SENDER_ID_SECRET_ENV, "sender_id_secret", min_bytes=MIN_SECRET_BYTES)


@dataclass(frozen=True)
class ChannelSettings:
    """All settings of one channel, and the name the launcher shows for it."""

    label: str
    settings: Tuple[Setting, ...]

    @property
    def names(self) -> List[str]:
        return [setting.name for setting in self.settings]

    def read(
        self, credentials: Optional[Mapping[str, Any]], env: Optional[Mapping[str, str]] = None
    ) -> Dict[str, Optional[str]]:
        """Constructor arguments for the channel, from credentials.yml and the environment."""
        return {setting.name: setting.read(credentials, env) for setting in self.settings}

    def with_defaults(self, given: Mapping[str, Optional[str]]) -> Dict[str, Optional[str]]:
        """Every setting, taking its default where ``given`` has no (or an empty) value."""
        unknown = set(given) - set(self.names)
        if unknown:
            raise TypeError(f"unknown {self.label} setting(s): {', '.join(sorted(unknown))}")
        return {s.name: given.get(s.name) or s.default for s in self.settings}

    def missing(self, values: Mapping[str, Optional[str]]) -> List[str]:
        """Environment variable names of the required settings without a usable value
        (unset, or a key that is too short)."""
        return [s.env for s in self.settings if s.required and not s.usable(values.get(s.name))]

    def status_line(self, env: Optional[Mapping[str, str]] = None) -> str:
        """``"<label>: aan"`` or ``"<label>: uit (X ontbreekt)"`` for the launcher."""
        required = [s for s in self.settings if s.required]
        values = {s.env: s.read(None, env) for s in required}
        missing = [name for name, value in values.items() if value is None]
        short = [s.env for s in required if values[s.env] is not None and not s.usable(values[s.env])]
        if not missing and not short:
            return f"{self.label}: aan"
        if len(missing) == len(required):
            return f"{self.label}: uit (niet ingesteld)"
        problems = []
        if missing:
            verb = "ontbreekt" if len(missing) == 1 else "ontbreken"
            problems.append(f"{', '.join(missing)} {verb}")
        if short:
            problems.append(f"{', '.join(short)} te kort (minder dan {MIN_SECRET_BYTES} bytes)")
        return f"{self.label}: uit ({'; '.join(problems)})"
