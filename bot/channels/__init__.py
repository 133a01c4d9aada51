"""Custom Rasa input channels: the widget's REST channel with the project's input limits,
WhatsApp Cloud API (Meta) and WhatsApp via Twilio.

Register them in credentials.yml (see docs/security.md, docs/whatsapp.md)::

    bot.channels.rest.KansrijkRestInput:
    bot.channels.whatsapp.WhatsAppInput:
    bot.channels.twilio_whatsapp.TwilioWhatsAppInput:
"""

from bot.channels.rest import KansrijkRestInput
from bot.channels.twilio_whatsapp import TwilioWhatsAppInput, twilio_whatsapp_status
from bot.channels.whatsapp import WhatsAppInput, whatsapp_status

__all__ = [
    "KansrijkRestInput",
    "WhatsAppInput",
    "TwilioWhatsAppInput",
    "whatsapp_status",
    "twilio_whatsapp_status",
]
