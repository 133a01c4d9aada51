"""Webhook bodies as Meta sends them (shapes from Meta's "messages" webhook reference:
text, interactive button_reply / list_reply, image, status), signed like Meta signs
them, and a WhatsApp channel wired to the fake Graph API. Used by the channel tests
and the fuzz tests (tests/security)."""

import hashlib
import hmac
import json
import time
from typing import Any, Dict, List, Optional

from channel_fakes import PHONE, make_test_channel

from bot.channels.whatsapp import WhatsAppInput

# A realistic Meta message id: base64 of a protobuf that holds the sender's number
# ("HBgLMzE2MTIzNDU2Nzg" decodes to ...31612345678).
WAMID = "wamid.HBgLMzE2MTIzNDU2NzgVAgASGBQzQTdBMUI="


def now() -> str:
    """Meta's timestamp of a message sent just now (Unix seconds as a string)."""
    return str(int(time.time()))


VERIFY_TOKEN = "kansrijk-verify-token"
APP_SECRET = "meta-app-secret-for-tests"
ACCESS_TOKEN = "EAAG-test-access-token"
PHONE_NUMBER_ID = "106540352242922"
WEBHOOK = "/webhooks/whatsapp/webhook"


def make_channel(api_url: str, **overrides: Any) -> WhatsAppInput:
    meta_settings = dict(
        verify_token=VERIFY_TOKEN,
        app_secret=APP_SECRET,
        access_token=ACCESS_TOKEN,
        phone_number_id=PHONE_NUMBER_ID,
    )
    return make_test_channel(WhatsAppInput, api_url, meta_settings, **overrides)


# --- payloads shaped as in Meta's webhook reference -------------------------------


def notification(value_extra: Dict[str, Any]) -> Dict[str, Any]:
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "15550783881", "phone_number_id": PHONE_NUMBER_ID},
    }
    value.update(value_extra)
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "102290129340398", "changes": [{"value": value, "field": "messages"}]}],
    }


def contacts() -> List[Dict[str, Any]]:
    return [{"profile": {"name": "Sheena Nelson"}, "wa_id": PHONE}]


def text_message(body: str, wamid: str = WAMID, timestamp: Optional[str] = None) -> Dict[str, Any]:
    return notification(
        {
            "contacts": contacts(),
            "messages": [
                {
                    "from": PHONE,
                    "id": wamid,
                    "timestamp": timestamp or now(),
                    "type": "text",
                    "text": {"body": body},
                }
            ],
        }
    )


def interactive_message(reply_type: str, reply: Dict[str, Any], wamid: str) -> Dict[str, Any]:
    return notification(
        {
            "contacts": contacts(),
            "messages": [
                {
                    "context": {
                        "from": "15550783881",
                        "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA",
                    },
                    "from": PHONE,
                    "id": wamid,
                    "timestamp": now(),
                    "type": "interactive",
                    "interactive": {"type": reply_type, reply_type: reply},
                }
            ],
        }
    )


def image_message(wamid: str = "wamid.image1") -> Dict[str, Any]:
    return notification(
        {
            "contacts": contacts(),
            "messages": [
                {
                    "from": PHONE,
                    "id": wamid,
                    "timestamp": now(),
                    "type": "image",
                    "image": {
                        "caption": "Hoe heet dit beroep?",
                        "mime_type": "image/jpeg",
                        "sha256": "SBmDNWS/AT0WkEoXHJmEeBKsH8bHkQdKZEnOkq+GhJ8=",
                        "id": "1003383421387256",
                    },
                }
            ],
        }
    )


def status_update(status: str = "delivered") -> Dict[str, Any]:
    return notification(
        {
            "statuses": [
                {
                    "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA",
                    "status": status,
                    "timestamp": now(),
                    "recipient_id": PHONE,
                    "conversation": {"id": "6ceb9d929c1c6b6d8d8b4a7e9b3a1f04", "origin": {"type": "service"}},
                    "pricing": {"billable": True, "pricing_model": "PMP", "category": "service"},
                }
            ],
        }
    )


def sign(raw: bytes, secret: str = APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()


async def post(served, payload: Any, signature: Optional[str] = "auto", raw: Optional[bytes] = None):
    body = raw if raw is not None else json.dumps(payload).encode("utf-8")
    headers = {"Content-Type": "application/json"}
    if signature == "auto":
        headers["X-Hub-Signature-256"] = sign(body)
    elif signature is not None:
        headers["X-Hub-Signature-256"] = signature
    async with served.session.post(served.url + WEBHOOK, data=body, headers=headers) as resp:
        text = await resp.text()
        return resp.status, text
