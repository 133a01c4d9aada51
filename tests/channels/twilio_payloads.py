"""What Twilio posts for an incoming WhatsApp message, signed like Twilio signs it, and
a Twilio channel wired to the fake Messages API. Used by the channel tests and the fuzz
tests (tests/security)."""

import base64
import hashlib
import hmac
from typing import Dict, Optional
from urllib.parse import urlencode

from channel_fakes import PHONE, make_test_channel

from bot.channels.twilio_whatsapp import TwilioWhatsAppInput

ACCOUNT_SID = "AC00000000000000000000000000000001"
AUTH_TOKEN = "twilio-auth-token-for-tests"
FROM = "whatsapp:+14155238886"
WEBHOOK = "/webhooks/twilio_whatsapp/webhook"


def make_channel(api_url: str, **overrides) -> TwilioWhatsAppInput:
    twilio_settings = dict(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN, from_number=FROM)
    return make_test_channel(TwilioWhatsAppInput, api_url, twilio_settings, **overrides)


def incoming(body: str, sid: str = "SM0123456789abcdef0123456789abcdef", **extra: str) -> Dict[str, str]:
    """Parameters Twilio posts for an incoming WhatsApp message."""
    params = {
        "SmsMessageSid": sid,
        "NumMedia": "0",
        "ProfileName": "Sheena",
        "MessageType": "text",
        "SmsSid": sid,
        "WaId": PHONE,
        "SmsStatus": "received",
        "Body": body,
        "To": FROM,
        "NumSegments": "1",
        "ReferralNumMedia": "0",
        "MessageSid": sid,
        "AccountSid": ACCOUNT_SID,
        "From": f"whatsapp:+{PHONE}",
        "ApiVersion": "2010-04-01",
    }
    params.update(extra)
    return params


def reference_signature(token: str, url: str, params: Dict[str, str]) -> str:
    """Independent implementation of Twilio's documented algorithm."""
    data = url + "".join(key + params[key] for key in sorted(params))
    return base64.b64encode(hmac.new(token.encode(), data.encode(), hashlib.sha1).digest()).decode()


async def post(
    served,
    params: Dict[str, str],
    signature: Optional[str] = "auto",
    signed_url: Optional[str] = None,
    token: str = AUTH_TOKEN,
):
    url = served.url + WEBHOOK
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if signature == "auto":
        headers["X-Twilio-Signature"] = reference_signature(token, signed_url or url, params)
    elif signature is not None:
        headers["X-Twilio-Signature"] = signature
    async with served.session.post(url, data=urlencode(params), headers=headers) as resp:
        return resp.status, await resp.text()
