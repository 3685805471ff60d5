"""The reader: cue patterns and the stated time, a learned model that reads sentences, and the
named precedence rules, with calibrated confidence.

Each sentence is embedded (MiniLM) and scored by a sentence model trained on every sentence of
the labelled replies (each sentence carries its message's label, weighed so that every message
counts once). A message model then reads, per category, the strongest and the mean sentence
score beside the cue features: one decisive sentence is not drowned by polite boilerplate, and
that sentence is shown as the evidence.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

from coach.embeddings import Embedder
from coach.reading.banks import Example, checksum, load_examples
from coach.reading.cues import families
from coach.reading.precedence import Rule, decide
from coach.reading.signals import Signals, cue_features, read_signals
from coach.reading.softmax import probabilities, softmax, train_softmax
from coach.schemas import CATEGORIES, Category
from coach.text.cleaning import clean_reply
from coach.text.injection import strip_injection
from coach.text.sentences import Sentence, split_sentences

log = logging.getLogger(__name__)

SHIPPED = Path(__file__).with_name("model.npz")
TRAINED_ON = date(2026, 11, 26)  # the "received" day the training replies are read against
MAX_SENTENCES = 40  # a pasted essay is read by its first 40 sentences
RULE_CONFIDENCE = 0.9  # what a precedence rule's category gets before it is measured
# A precedence rule decides only if it was right at least this often on held-out sources;
# a rule that did worse leaves the reading to the learned model.
TRUST_RULES_FROM = 0.75
# How much more a real message counts in training than one written for the project (measured
# on held-out sources: 1 -> macro-F1 0.721, 3 -> 0.713, 6 -> 0.706).
REAL_WEIGHT = 1.0
# The message model also reads the message's mean sentence vector, at this scale (held-out
# sources: 0 -> macro-F1 0.711, 1 -> 0.723, 3 -> 0.720).
MESSAGE_VECTOR = 1.0
# Bumped whenever the features change, so an older cached model is never loaded.
FEATURES_VERSION = "4"


@dataclass(frozen=True)
class Modes:
    """Which parts of the reader are used: for the ablation in bench/replies.py."""

    cues: bool = True
    sentences: bool = True
    rules: bool = True


@dataclass
class Prepared:
    """A text ready for the models: its signals, sentences and their feature rows."""

    signals: Signals
    sentences: list[Sentence]
    sentence_rows: np.ndarray  # one row per sentence
    mean_vector: np.ndarray  # the normalised mean sentence embedding (for corrections)


@dataclass
class Reading:
    """What the reader made of one text."""

    probs: dict[Category, float]
    signals: Signals
    rule: Rule | None
    sentences: list[Sentence]
    sentence_probs: np.ndarray  # sentences x categories
    prepared: Prepared | None = None
    raw: dict[Category, float] = field(default_factory=dict)  # the learned model's, uncalibrated

    @property
    def category(self) -> Category:
        """The most probable category."""
        return max(self.probs, key=lambda c: self.probs[c])

    @property
    def ranked(self) -> list[Category]:
        """Categories, likeliest first."""
        return sorted(CATEGORIES, key=lambda c: -self.probs[c])

    def decisive_sentence(self, category: Category, at_least: float = 0.35
                          ) -> Sentence | None:
        """The sentence that reads most strongly as `category`, if any reads so at all."""
        if not self.sentences or not len(self.sentence_probs):
            return None
        column = self.sentence_probs[:, CATEGORIES.index(category)]
        best = int(column.argmax())
        return self.sentences[best] if column[best] >= at_least else None


@dataclass
class ReaderModel:
    """The trained weights, the calibration (a temperature, then a map from the top
    probability to how often such readings were right) and what they were trained on."""

    sentence_w: np.ndarray
    message_w: np.ndarray
    temperature: float
    key: str
    modes: Modes = field(default_factory=Modes)
    cal_x: np.ndarray = field(default_factory=lambda: np.zeros(0))
    cal_y: np.ndarray = field(default_factory=lambda: np.zeros(0))
    # Each precedence rule's record on held-out sources: how often it fired, how often right.
    rule_names: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=str))
    rule_fired: np.ndarray = field(default_factory=lambda: np.zeros(0))
    rule_right: np.ndarray = field(default_factory=lambda: np.zeros(0))

    def save(self, path: Path) -> None:
        """Write the model as one .npz file (atomically)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial.npz")
        np.savez(partial, sentence_w=self.sentence_w, message_w=self.message_w,
                 temperature=np.array(self.temperature), key=np.array(self.key),
                 cal_x=self.cal_x, cal_y=self.cal_y, rule_names=self.rule_names,
                 rule_fired=self.rule_fired, rule_right=self.rule_right)
        partial.replace(path)

    @classmethod
    def load(cls, path: Path) -> ReaderModel:
        """Read a model written by save()."""
        with np.load(path) as data:
            return cls(data["sentence_w"], data["message_w"], float(data["temperature"]),
                       str(data["key"]), cal_x=data["cal_x"], cal_y=data["cal_y"],
                       rule_names=data["rule_names"], rule_fired=data["rule_fired"],
                       rule_right=data["rule_right"])

    def calibrate(self, readings: Sequence[Reading], labels: Sequence[Category]) -> None:
        """Measure each precedence rule, and fit the temperature and the confidence map of
        the learned model, on held-out readings made by fresh (uncalibrated) models."""
        names = sorted({r.rule.name for r in readings if r.rule})
        self.rule_names = np.array(names, dtype=str)
        self.rule_fired = np.array([sum(1 for r in readings if r.rule and r.rule.name == n)
                                    for n in names], dtype=float)
        self.rule_right = np.array([sum(1 for r, y in zip(readings, labels, strict=True)
                                        if r.rule and r.rule.name == n and r.category == y)
                                    for n in names], dtype=float)
        learned = [(r, y) for r, y in zip(readings, labels, strict=True)
                   if r.rule is None or self.rule_trust(r.rule.name) is None]
        if len(learned) < 20:
            return
        probs = np.array([[r.raw[c] for c in CATEGORIES] for r, _ in learned])
        y = np.array([CATEGORIES.index(c) for _, c in learned])
        self.temperature = fit_temperature(probs, y)
        tempered = softmax(np.log(np.clip(probs, 1e-9, 1)), self.temperature)
        self.cal_x, self.cal_y = fit_confidence_map(tempered, y)

    def rule_trust(self, name: str) -> float | None:
        """How far to trust a precedence rule: its smoothed held-out precision, or None when
        that is below TRUST_RULES_FROM (an unmeasured model trusts every rule)."""
        if not len(self.rule_names):
            return RULE_CONFIDENCE
        hits = np.flatnonzero(self.rule_names == name)
        if not len(hits):
            return RULE_CONFIDENCE
        precision = (self.rule_right[hits[0]] + 1) / (self.rule_fired[hits[0]] + 2)
        return float(precision) if precision >= TRUST_RULES_FROM else None

    def calibrated(self, probs: np.ndarray) -> np.ndarray:
        """Uncalibrated probabilities -> calibrated ones (the top one mapped, the rest scaled)."""
        probs = softmax(np.log(np.clip(probs, 1e-9, 1)), self.temperature)
        if not len(self.cal_x):
            return probs
        top = int(probs.argmax())
        mapped = float(np.interp(probs[top], self.cal_x, self.cal_y))
        rest = np.delete(probs, top)
        rest = rest / max(rest.sum(), 1e-9) * (1 - mapped)
        # The top reading stays on top: at worst it ties the runner-up.
        mapped = max(mapped, float(rest.max()) if len(rest) else mapped)
        rest = rest / max(rest.sum(), 1e-9) * (1 - mapped)
        return np.insert(rest, top, mapped)


def body_of(text: str) -> tuple[str, str, list[str]]:
    """The reply's own words (cleaned, quotes and instructions to a model left out), its
    language and notes for the user."""
    cleaned = clean_reply(text)
    body, injected = strip_injection(cleaned.text)
    notes = list(cleaned.notes)
    if injected:
        notes.append("Lines that gave instructions to an AI were ignored; the reply was read "
                     "on its content.")
    return body, cleaned.language, notes


class Featurizer:
    """Turns texts into Prepared inputs; embeds sentences in one batch, remembering vectors."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self._memo: dict[str, np.ndarray] = {}
        self._memo_lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors for texts (those seen before are not embedded again); safe to call
        from several threads."""
        with self._memo_lock:
            found = {t: self._memo[t] for t in texts if t in self._memo}
        todo = list(dict.fromkeys(t for t in texts if t not in found))
        for start in range(0, len(todo), 256):
            batch = todo[start:start + 256]
            for t, v in zip(batch, self.embedder.embed(batch), strict=True):
                found[t] = np.asarray(v, dtype=np.float32)
        with self._memo_lock:
            if len(self._memo) > 50_000:  # a long-running app must not grow without bound
                self._memo.clear()
            self._memo.update(found)
        return np.array([found[t] for t in texts]) if texts else np.zeros((0, 384))

    def prepare(self, body: str, received: date, language: str) -> Prepared:
        """Signals, sentences and sentence feature rows of a cleaned body."""
        signals = read_signals(body, received, language)
        sentences = split_sentences(body)[:MAX_SENTENCES] or [Sentence(0, len(body), body)]
        vectors = self.embed([s.text for s in sentences])
        names = families()
        rows = []
        for s, v in zip(sentences, vectors, strict=True):
            inside = {h.family for h in signals.hits if s.start <= h.start < s.end}
            timed = signals.deadline is not None and body.find(signals.deadline.phrase,
                                                                 s.start) in range(s.start, s.end)
            rows.append(np.concatenate([v, [1.0 if f in inside else 0.0 for f in names],
                                        [1.0 if timed else 0.0, 1.0]]))
        mean = vectors.mean(axis=0)
        mean = mean / max(float(np.linalg.norm(mean)), 1e-9)
        return Prepared(signals, sentences, np.array(rows), mean)


def _sentence_inputs(rows: np.ndarray, modes: Modes) -> np.ndarray:
    if modes.cues:
        return rows
    return np.hstack([rows[:, :-len(families()) - 2], rows[:, -1:]])  # embedding and bias only


def _message_row(p: Prepared, sentence_p: np.ndarray, modes: Modes) -> np.ndarray:
    parts: list[np.ndarray] = []
    if modes.cues:
        parts.append(cue_features(p.signals))
    if modes.sentences:
        parts += [sentence_p.max(axis=0), sentence_p.mean(axis=0),
                  np.array([np.log1p(len(p.sentences)) / 4, 1.0])]
        if MESSAGE_VECTOR:
            parts.append(p.mean_vector * MESSAGE_VECTOR)
    return np.concatenate(parts)


def _balanced(labels: np.ndarray) -> np.ndarray:
    counts = np.bincount(labels, minlength=len(CATEGORIES)).astype(float)
    return (counts.sum() / np.maximum(counts, 1) / len(CATEGORIES))[labels]


def _folds(groups: Sequence[str], k: int) -> list[np.ndarray]:
    """k folds of row indices, whole groups together, balanced by size (largest first)."""
    sizes: dict[str, int] = {}
    for g in groups:
        sizes[g] = sizes.get(g, 0) + 1
    load = [0] * k
    fold_of: dict[str, int] = {}
    for g in sorted(sizes, key=lambda g: (-sizes[g], g)):
        i = load.index(min(load))
        fold_of[g] = i
        load[i] += sizes[g]
    return [np.array([n for n, g in enumerate(groups) if fold_of[g] == i], dtype=int)
            for i in range(k)]


def fit(prepared: Sequence[Prepared], labels: Sequence[Category], groups: Sequence[str],
        modes: Modes = Modes(), key: str = "") -> ReaderModel:
    """Train the sentence and message models on prepared texts (temperature 1)."""
    y = np.array([CATEGORIES.index(c) for c in labels])
    classes = len(CATEGORIES)
    origin_w = np.array([1.0 if g.startswith("written:") else REAL_WEIGHT for g in groups])

    def sentence_model(rows: Sequence[int]) -> np.ndarray:
        x = np.vstack([_sentence_inputs(prepared[i].sentence_rows, modes) for i in rows])
        ys = np.concatenate([[y[i]] * len(prepared[i].sentences) for i in rows])
        per_message = np.concatenate([np.full(len(prepared[i].sentences),
                                              origin_w[i] / len(prepared[i].sentences))
                                      for i in rows])
        return train_softmax(x, ys, classes, lam=1e-3, epochs=250,
                             weights=per_message * _balanced(ys))

    all_rows = list(range(len(prepared)))
    sentence_w = sentence_model(all_rows) if modes.sentences else np.zeros((1, classes))
    # The message model learns from sentence scores the sentence model made without seeing
    # those messages (4 folds by source), so it learns how far to trust them on new text.
    out_of_fold: dict[int, np.ndarray] = {}
    if modes.sentences:
        for held in _folds(groups, 4):
            held_set = set(held.tolist())
            w = sentence_model([i for i in all_rows if i not in held_set])
            for i in held:
                rows_i = _sentence_inputs(prepared[i].sentence_rows, modes)
                out_of_fold[i] = probabilities(rows_i, w)
    x = np.array([_message_row(prepared[i], out_of_fold.get(i, np.zeros((1, classes))), modes)
                  for i in all_rows])
    message_w = train_softmax(x, y, classes, lam=3e-3, epochs=400,
                              weights=_balanced(y) * origin_w)
    return ReaderModel(sentence_w, message_w, 1.0, key, modes)


def predict(model: ReaderModel, p: Prepared) -> Reading:
    """The reading of one prepared text (calibrated by the model's temperature)."""
    modes = model.modes
    classes = len(CATEGORIES)
    sentence_p = (probabilities(_sentence_inputs(p.sentence_rows, modes), model.sentence_w)
                  if modes.sentences else np.zeros((len(p.sentences), classes)))
    logits = _message_row(p, sentence_p if modes.sentences else np.zeros((1, classes)),
                          modes) @ model.message_w
    raw = softmax(logits)
    rule = decide(p.signals) if modes.rules else None
    trust = model.rule_trust(rule.name) if rule is not None else None
    if rule is not None and trust is not None:
        j = CATEGORIES.index(rule.category)
        rest = np.delete(raw, j)
        rest = rest / max(rest.sum(), 1e-9) * (1 - trust)
        probs = np.insert(rest, j, trust)
    else:
        rule = None  # not a rule that holds on real messages: the learned model reads it
        probs = model.calibrated(raw)
    return Reading({c: float(v) for c, v in zip(CATEGORIES, probs, strict=True)}, p.signals, rule,
                   p.sentences, sentence_p, p,
                   raw={c: float(v) for c, v in zip(CATEGORIES, raw, strict=True)})


def fit_temperature(probs: np.ndarray, labels: np.ndarray) -> float:
    """The temperature that minimises the log-loss of these held-out probabilities."""
    logp = np.log(np.clip(probs, 1e-9, 1))
    best, best_loss = 1.0, float("inf")
    for t in np.exp(np.linspace(np.log(0.3), np.log(5.0), 120)):
        q = softmax(logp, float(t))
        loss = -float(np.mean(np.log(np.clip(q[np.arange(len(labels)), labels], 1e-12, 1))))
        if loss < best_loss:
            best, best_loss = float(t), loss
    return best


def fit_confidence_map(probs: np.ndarray, labels: np.ndarray, bins: int = 12
                       ) -> tuple[np.ndarray, np.ndarray]:
    """A monotone map from the top probability to the share of such readings that were right
    (equal-count bins, pooled where a higher bin did worse than a lower one)."""
    top = probs.max(axis=1)
    right = (probs.argmax(axis=1) == labels).astype(float)
    order = np.argsort(top)
    groups = [g for g in np.array_split(order, min(bins, max(1, len(order) // 20))) if len(g)]
    pools = [[float(top[g].mean()), float(right[g].mean()), len(g)] for g in groups]
    merged: list[list[float]] = []
    for pool in pools:  # pool adjacent violators
        merged.append(pool)
        while len(merged) > 1 and merged[-2][1] > merged[-1][1]:
            b, a = merged.pop(), merged.pop()
            n = a[2] + b[2]
            merged.append([(a[0] * a[2] + b[0] * b[2]) / n, (a[1] * a[2] + b[1] * b[2]) / n, n])
    x = np.array([m[0] for m in merged])
    # Smoothed (one right and one wrong added): a bin that was always right still is not sure.
    y = np.array([(m[1] * m[2] + 1) / (m[2] + 2) for m in merged])
    return np.concatenate([[0.0], x, [1.0]]), np.concatenate([[min(y[0], 0.2)], y, [y[-1]]])


def cross_source_models(prepared: Sequence[Prepared], examples: Sequence[Example], k: int = 5,
                        modes: Modes = Modes()) -> list[tuple[list[int], ReaderModel]]:
    """k models, each trained without one fold of whole sources of the real rows (written rows
    always train), with the real rows it never saw."""
    real = [i for i, e in enumerate(examples) if e.origin == "real"]
    written = [i for i, e in enumerate(examples) if e.origin != "real"]
    out = []
    for held in _folds([examples[i].group for i in real], k):
        held_rows = [real[j] for j in held]
        held_set = set(held_rows)
        train = written + [i for i in real if i not in held_set]
        model = fit([prepared[i] for i in train], [examples[i].label for i in train],
                    [examples[i].group for i in train], modes)
        out.append((held_rows, model))
    return out


def cross_source(prepared: Sequence[Prepared], examples: Sequence[Example], k: int = 5,
                 modes: Modes = Modes()) -> list[tuple[int, Reading]]:
    """Readings of every real example by a model that never saw its source."""
    out = [(i, predict(model, prepared[i]))
           for held, model in cross_source_models(prepared, examples, k, modes) for i in held]
    return sorted(out, key=lambda t: t[0])


class Reader:
    """The reply reader of one knowledge folder: loads its trained model (shipped, or cached
    under cache_dir, keyed by the banks' checksum) or trains and calibrates one."""

    def __init__(self, knowledge_dir: Path, embedder: Embedder, cache_dir: Path | None = None,
                 progress: Callable[[str], None] | None = None) -> None:
        self.bank_dir = knowledge_dir / "replies"
        self.featurizer = Featurizer(embedder)
        self.cache_dir = cache_dir
        self.progress = progress or (lambda message: log.info(message))
        self._model: ReaderModel | None = None
        self._lock = threading.Lock()

    @property
    def key(self) -> str:
        """The cache key: features version, embedder and banks' checksum."""
        return f"{FEATURES_VERSION}-{self.featurizer.embedder.name}-{checksum(self.bank_dir)}"

    @property
    def model(self) -> ReaderModel:
        """The trained model (loaded or trained on first use)."""
        with self._lock:
            if self._model is None:
                self._model = self._load_or_train()
            return self._model

    def use(self, model: ReaderModel) -> None:
        """Read with this model from now on (the bench reads with held-out models)."""
        with self._lock:
            self._model = model

    def _load_or_train(self) -> ReaderModel:
        if not self.bank_dir.is_dir() and SHIPPED.exists():
            return ReaderModel.load(SHIPPED)  # installed without the banks: what was shipped
        key = self.key
        cached = self.cache_dir / f"reader-{key}.npz" if self.cache_dir else None
        for path in (SHIPPED, cached):
            if path is not None and path.exists():
                try:
                    model = ReaderModel.load(path)
                except (OSError, ValueError, KeyError):
                    continue
                if model.key == key:
                    return model
        self.progress("Training the reply reader on the labelled replies (once; about a "
                      "minute)…")
        model = self.train()
        if cached is not None:
            model.save(cached)
        return model

    def prepare_examples(self, examples: Sequence[Example]) -> list[Prepared]:
        """Every example cleaned and featurised, read against the training day."""
        out = []
        for e in examples:
            body, language, _ = body_of(e.text)
            out.append(self.featurizer.prepare(body or e.text, TRAINED_ON, language))
        return out

    def train(self) -> ReaderModel:
        """Fit on every example, calibrated on cross-source readings."""
        examples = load_examples(self.bank_dir)
        prepared = self.prepare_examples(examples)
        model = fit(prepared, [e.label for e in examples], [e.group for e in examples],
                    key=self.key)
        if sum(e.origin == "real" for e in examples) >= 50:
            held = cross_source(prepared, examples)  # uncalibrated: fresh models
            model.calibrate([r for _, r in held], [examples[i].label for i, _ in held])
        return model

    def read(self, body: str, received: date, language: str = "en") -> Reading:
        """The reading of a cleaned body."""
        return predict(self.model, self.featurizer.prepare(body, received, language))


_DEFAULT: dict[Path, Reader] = {}
_DEFAULT_LOCK = threading.Lock()


def default_reader(knowledge_dir: Path | None = None, cache_dir: Path | None = None) -> Reader:
    """One reader per knowledge folder for the whole process, with MiniLM, whose sentence
    vectors the shipped model was trained on (`cache_dir` keeps a model trained for a changed
    knowledge folder; it counts for the first call only)."""
    from coach.config import KNOWLEDGE_DIR
    from coach.embeddings import default_embedder

    folder = knowledge_dir or KNOWLEDGE_DIR
    with _DEFAULT_LOCK:
        if folder not in _DEFAULT:
            _DEFAULT[folder] = Reader(folder, default_embedder(), cache_dir)
        return _DEFAULT[folder]
