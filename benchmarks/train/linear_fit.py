"""The standardised logistic regression the capture trainers fit (classifier pass 1, the run model)."""
from __future__ import annotations

import numpy as np
from sklearn.linear_model import LogisticRegression

#: the bias of a model fitted on rows of one class only (a small sample's fold: every gap a non-story one): the
#: logistic's probability of that class, as sure as the trainers' clipped scores get
ONE_CLASS_LOGIT = 12.0


def fit_standardised(X: np.ndarray, y: np.ndarray, w: np.ndarray, c: float) -> dict:
    """Columns scaled to mean 0 and standard deviation 1 (column 0, the bias, left as it is), then an L2
    logistic regression (lbfgs, no intercept of its own: the bias column is it); returns the scaling and the
    coefficients, which the run-time ``LinearModel.standardised`` applies."""
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    mean[0], scale[0] = 0.0, 1.0  # the bias column stays as it is
    if len(np.unique(y)) < 2:   # nothing to separate: a constant model (lbfgs refuses one class)
        coef = np.zeros(X.shape[1])
        coef[0] = ONE_CLASS_LOGIT if y[0] else -ONE_CLASS_LOGIT
        return {"mean": mean, "scale": scale, "coef": coef}
    model = LogisticRegression(C=c, solver="lbfgs", max_iter=5000, fit_intercept=False)
    model.fit((X - mean) / scale, y, sample_weight=w)
    return {"mean": mean, "scale": scale, "coef": model.coef_[0].copy()}
