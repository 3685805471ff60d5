"""Multinomial logistic regression in plain numpy: small data needs nothing more."""

from __future__ import annotations

import numpy as np

_BLOCK = 128  # rows per matrix product in training


def train_softmax(x: np.ndarray, y: np.ndarray, classes: int, lam: float = 1e-3,
                  epochs: int = 300, lr: float = 1.0, momentum: float = 0.9,
                  weights: np.ndarray | None = None) -> np.ndarray:
    """Weights of a softmax model fitted by gradient descent (Nesterov steps with momentum > 0).

    `weights` weighs the rows (they are normalised to a mean of 1). The products go in blocks
    of rows: each stays small enough for BLAS to run on one thread, which on a busy machine is
    many times faster than its threads waiting for each other.
    """
    x = np.ascontiguousarray(x, dtype=float)
    xt = np.ascontiguousarray(x.T)
    row_w = np.ones(len(x)) if weights is None else np.asarray(weights, dtype=float)
    row_w = row_w / row_w.mean()
    blocks = [slice(i, i + _BLOCK) for i in range(0, len(x), _BLOCK)]
    w = np.zeros((x.shape[1], classes))
    velocity = np.zeros_like(w)
    onehot = np.eye(classes)[y]
    for _ in range(epochs):
        ahead = w + momentum * velocity if momentum else w
        error = (probabilities(x, ahead, blocks) - onehot) * row_w[:, None]
        gradient = sum(xt[:, b] @ error[b] for b in blocks) / len(x) + lam * ahead
        if momentum:
            velocity = momentum * velocity - lr * gradient
            w = w + velocity
        else:
            w = w - lr * gradient
    return w


def probabilities(x: np.ndarray, w: np.ndarray, blocks: list[slice] | None = None
                  ) -> np.ndarray:
    """Row-wise softmax of x @ w (x may be one row)."""
    one = x.ndim == 1
    x2 = x[None, :] if one else x
    blocks = blocks or [slice(i, i + _BLOCK) for i in range(0, len(x2), _BLOCK)]
    z = np.vstack([x2[b] @ w for b in blocks]) if len(x2) else np.zeros((0, w.shape[1]))
    p = softmax(z)
    return p[0] if one else p


def softmax(z: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    """Softmax over the last axis, stable for large logits."""
    z = np.asarray(z, dtype=float) / temperature
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)
