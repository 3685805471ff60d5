"""Voice practice: offline speech-to-text of a spoken turn and its delivery measures."""

from coach.voice.delivery import Delivery, DeliverySummary, compare, measure, summarize
from coach.voice.transcribe import Transcriber, Transcript, VoiceError, VoiceUnavailable, Word

__all__ = ["Delivery", "DeliverySummary", "Transcriber", "Transcript", "VoiceError",
           "VoiceUnavailable", "Word", "compare", "measure", "summarize"]
