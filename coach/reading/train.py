"""Train the reply reader on coach/knowledge/replies and write coach/reading/model.npz, the
model the package ships (run after changing a bank or a cue pattern:
`python -m coach.reading.train`).

The app never needs this step: a reader whose banks changed trains itself once and caches the
result; shipping the trained file keeps the first start fast.
"""

from __future__ import annotations

import sys
import time

from coach.config import KNOWLEDGE_DIR
from coach.embeddings import default_embedder
from coach.reading.reader import SHIPPED, Reader


def main() -> int:
    """Train, calibrate and save; print what was done."""
    started = time.perf_counter()
    reader = Reader(KNOWLEDGE_DIR, default_embedder(),
                    progress=lambda message: print(message, file=sys.stderr))
    model = reader.train()
    model.save(SHIPPED)
    print(f"Trained in {time.perf_counter() - started:.0f} s (temperature "
          f"{model.temperature:.2f}, key {model.key}) -> {SHIPPED}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
