"""Settings: one object, built once at start-up, read from COACH_* variables and .env."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
# What the app reads at run time ships inside the package (so a wheel has it too).
PACKAGE_DIR = Path(__file__).resolve().parent
KNOWLEDGE_DIR = PACKAGE_DIR / "knowledge"
PROMPTS_DIR = PACKAGE_DIR / "prompts"


def _default_data_dir() -> Path:
    return Path.home() / ".local" / "share" / "next-steps-coach"


class Settings(BaseSettings):
    """Everything the app can be configured with; see the README's Configuration table."""

    model_config = SettingsConfigDict(
        env_prefix="COACH_",
        env_file=".env",
        env_ignore_empty=True,
        extra="ignore",
    )

    data_dir: Path = Field(
        default_factory=_default_data_dir,
        description="Where the model file, the index and saved sessions live.",
    )
    knowledge_dir: Path = Field(
        default=KNOWLEDGE_DIR, description="Folder of the guide and example banks."
    )

    # Language model
    backend: Literal["local", "openai"] = "local"
    openai_base_url: str = "https://api.openai.com/v1"
    openai_api_key: SecretStr | None = None
    openai_model: str = "gpt-4o-mini"
    openai_context: int = 16384
    fallback_to_local: bool = False
    classify_with_model: bool = True
    llm_timeout: float = 60.0
    llm_max_retries: int = 1
    local_timeout: float = 300.0  # the built-in model on 2 cores can take a minute to answer
    local_threads: int = 2
    # The built-in model's threads run this much "nicer" (Linux) than the web server, so quick
    # requests (interpret, search) preempt token generation on a busy machine; 0 turns it off.
    local_nice: int = Field(default=10, ge=0, le=19)
    local_context: int = 4096

    # Knowledge index
    chroma_host: str | None = None
    chroma_port: int = 8000
    collection: str = "guide"

    # App
    host: str = "127.0.0.1"
    port: int = 7860
    auth: SecretStr | None = None
    # A fixed "today" for the reminders (trying the tracker, tests); unset: the real date.
    today: date | None = None

    @property
    def chroma_path(self) -> Path:
        """Embedded Chroma database folder."""
        return self.data_dir / "chroma"

    @property
    def model_path(self) -> Path:
        """Joined and verified GGUF weights of the embedded model."""
        return self.data_dir / "models" / "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"

    @property
    def whisper_dir(self) -> Path:
        """The speech-to-text model's folder (model.bin joined and verified)."""
        return self.data_dir / "models" / "whisper-base"

    @property
    def tiktoken_cache(self) -> Path:
        """Folder that tiktoken reads its encodings from."""
        return self.data_dir / "tiktoken"
