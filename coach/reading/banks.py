"""The labelled replies the reader learns from: real messages people received
(coach/knowledge/replies/real/*.jsonl, origin "real") and banks written for the project
(coach/knowledge/replies/bank*.jsonl, origin "written")."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from coach.errors import KnowledgeError
from coach.schemas import CATEGORIES, Category


@dataclass(frozen=True)
class Example:
    """One labelled reply."""

    id: str
    text: str
    label: Category
    origin: str  # "real" or "written"
    source: str
    group: str  # the independent source it belongs to: a site, a repository or a bank file
    lang: str = "en"


def read_banks(files: Sequence[Path], what: str) -> list[dict[str, Any]]:
    """Every JSON object, one per line, in these files; `what` names them in the error for an
    unreadable one."""
    rows: list[dict[str, Any]] = []
    for path in files:
        try:
            rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip()]
        except (OSError, ValueError) as exc:
            raise KnowledgeError(f"Cannot read the {what} {path}: {exc}") from exc
    return rows


# Hosts of many independent blogs: the blog (its subdomain), not the host, is the source.
BLOG_HOSTS = ("blogspot.com", "wordpress.com", "livejournal.com", "typepad.com", "tumblr.com",
              "substack.com", "medium.com", "canalblog.com", "over-blog.com", "blogs.sapo.pt",
              "dreamwidth.org", "kinja.com", "ameblo.jp", "blogsome.com", "yolasite.com")


def source_group(source: str) -> str:
    """The independent source of a row: a repository for github:owner/repo:..., else the site
    (its registered domain, so mirrors under one site stay together)."""
    if source.startswith("github:"):
        return source.split(":")[1].lower()
    host = urlparse(source if "//" in source else f"//{source}").hostname or source
    host = re.sub(r"^(?:www|m|mobile|old|amp)\.", "", host.lower())
    if any(host.endswith("." + h) for h in BLOG_HOSTS):  # each blog on a host is its own source
        return host
    parts = host.split(".")
    if len(parts) >= 3 and len(parts[-2]) <= 3 and len(parts[-1]) == 2:  # glassdoor.co.uk
        return ".".join(parts[-3:-2]).split(".")[0]
    if len(parts) >= 2:
        return parts[-2] if not parts[-2].isdigit() else host
    return host


def bank_files(folder: Path) -> list[Path]:
    """Written banks, then the real corpus files."""
    return sorted(folder.glob("bank*.jsonl")) + sorted((folder / "real").glob("*.jsonl"))


def load_examples(folder: Path) -> list[Example]:
    """Every labelled reply under folder (written banks and the real corpus), deduplicated."""
    files = bank_files(folder)
    if not files:
        raise KnowledgeError(f"No reply examples (bank*.jsonl or real/*.jsonl) in {folder}.")
    seen: set[str] = set()
    out: list[Example] = []
    for path in files:
        for row in read_banks([path], "reply examples"):
            text, label = row.get("text"), row.get("label")
            if label not in CATEGORIES or not isinstance(text, str) or not text.strip():
                continue
            key = " ".join(re.findall(r"\w+", text.lower()))
            if key in seen:
                continue
            seen.add(key)
            origin = row.get("origin") or ("real" if path.parent.name == "real" else "written")
            source = str(row.get("source") or f"{path.name}")
            group = source_group(source) if origin == "real" else f"written:{path.stem}"
            out.append(Example(str(row.get("id", len(out))), text, label, origin, source, group,
                               str(row.get("lang") or "en")))
    return out


def checksum(folder: Path) -> str:
    """A digest of every bank file and cue pattern file: the trained reader's cache key."""
    from coach.reading.cues import PATTERNS_DIR

    digest = hashlib.sha256()
    for path in [*bank_files(folder), *sorted(PATTERNS_DIR.glob("*.jsonl"))]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
