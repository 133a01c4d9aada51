"""Checking ``X-Twilio-Signature``: base64 HMAC-SHA1 of the URL plus the sorted POST
parameters, keyed with the account's auth token."""

import base64
import hashlib
import hmac
import re
from typing import List, Mapping, Optional
from urllib.parse import urlsplit, urlunsplit


def compute_twilio_signature(auth_token: str, url: str, params: Mapping[str, List[str]]) -> str:
    """Twilio's request signature: base64(HMAC-SHA1(token, url + k1 + v1 + k2 + v2 ...))
    with parameter names sorted (and the values of a repeated name sorted too)."""
    data = url
    for name in sorted(params):
        for value in sorted(set(params[name])):
            data += name + value
    digest = hmac.new(auth_token.encode("utf-8"), data.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def _port_variants(url: str) -> List[str]:
    """The URL with and without its default port: Twilio is not consistent."""
    parts = urlsplit(url)
    variants = [url]
    host = parts.hostname or ""
    if parts.port:
        variants.append(urlunsplit(parts._replace(netloc=host)))
    else:
        default = 443 if parts.scheme == "https" else 80
        variants.append(urlunsplit(parts._replace(netloc=f"{host}:{default}")))
    return variants


# base64 of a 20-byte SHA1 digest: 27 characters and one "=".
_SIGNATURE_FORMAT = re.compile(r"[A-Za-z0-9+/]{27}=")


def signature_has_shape(header: Optional[str]) -> bool:
    """Whether ``header`` can be a Twilio signature at all; anything else is refused
    before the body is even parsed."""
    return bool(header) and _SIGNATURE_FORMAT.fullmatch(header.strip()) is not None


def signature_is_valid(
    auth_token: str, urls: List[str], params: Mapping[str, List[str]], header: Optional[str]
) -> bool:
    """Whether ``header`` signs ``params`` for one of ``urls`` (the URL Twilio called
    may differ from the one we see behind a proxy)."""
    if not auth_token or not signature_has_shape(header):
        return False
    given = header.strip().encode("ascii")
    valid = False
    for url in urls:
        for variant in _port_variants(url):
            expected = compute_twilio_signature(auth_token, variant, params).encode("utf-8")
            # Evaluate every candidate so timing does not reveal which one matched.
            valid = hmac.compare_digest(expected, given) or valid
    return valid
