"""Custom Rasa input channels: WhatsApp Cloud API (Meta) and WhatsApp via Twilio.

Register them in credentials.yml (see docs/whatsapp.md)::

    bot.channels.whatsapp.WhatsAppInput:
    bot.channels.twilio_whatsapp.TwilioWhatsAppInput:
"""

from bot.channels.twilio_whatsapp import TwilioWhatsAppInput, twilio_whatsapp_status
from bot.channels.whatsapp import WhatsAppInput, whatsapp_status

__all__ = [
    "WhatsAppInput",
    "TwilioWhatsAppInput",
    "whatsapp_status",
    "twilio_whatsapp_status",
]
