"""Coefficients of rgflow's float32 sigmoid (org.rgflow.rbm.FastSigmoid).

sigmoid(x) = 1/2 + tanh(x/2)/2, with tanh(y) ~ y P(y^2) / Q(y^2) for |y| <= 9 (clamped beyond), P of degree 6
and Q of degree 3 in y^2, Q(0) = 1. Fitted in float64 by Lawson's iteratively reweighted least squares
(towards minimax) on 20,000 points of (0, 9]; then evaluated in float32 by Horner's rule, as the Java code
does, over 6,000,001 points of [-30, 30] against the float64 sigmoid. Run: python3 docs/derivations/sigmoid-fit.py
(needs numpy). Output of the run used (2026-12-08): max |error| 2.30e-7 (at x = 14.87,
where float32 rounding of the Horner sums dominates; 1.84e-7 on [-12, 12]).
"""
# Fit an odd rational approximation tanh(x) ~ x P(x^2) / Q(x^2) on [0, C], minimax-ish by IRLS (Lawson), float64.
import numpy as np
C = 9.0
nP, nQ = 7, 4   # coefficients of P (t^0..t^6), Q (t^0..t^3)
x = np.concatenate([np.linspace(0, C, 20001)[1:]])
t = x*x
y = np.tanh(x)
w = np.ones_like(x)
for it in range(200):
    # linearised: x P(t) - y Q(t) = 0 with Q(0)=1 -> x P(t) - y (q1 t + ...) = y
    A = np.hstack([np.stack([x*t**k for k in range(nP)],1), -np.stack([y*t**k for k in range(1,nQ)],1)])
    sw = np.sqrt(w)
    # scale columns for conditioning
    s = np.abs(A).max(0)
    c, *_ = np.linalg.lstsq(A/s*sw[:,None], y*sw, rcond=None)
    c = c/s
    p = c[:nP]; q = np.concatenate([[1.0], c[nP:]])
    approx = x*np.polyval(p[::-1], t)/np.polyval(q[::-1], t)
    err = approx - y
    w = w*np.abs(err)/np.abs(err).mean()
    w /= w.mean()
print("max abs err f64", np.abs(err).max())
# float32 evaluation by Horner
pf = p.astype(np.float32); qf = q.astype(np.float32)
xf = np.linspace(-30, 30, 6000001).astype(np.float32)
xc = np.clip(xf, -C, C).astype(np.float32); tf = (xc*xc).astype(np.float32)
P = np.float32(0); 
P = np.zeros_like(xc)
for k in range(nP-1, -1, -1): P = (P*tf + pf[k]).astype(np.float32)
Q = np.zeros_like(xc)
for k in range(nQ-1, -1, -1): Q = (Q*tf + qf[k]).astype(np.float32)
th = (xc*P/Q).astype(np.float32)
sig = (np.float32(0.5) + np.float32(0.5)*np.clip(th, -1, 1)).astype(np.float32)
ref = 1/(1+np.exp(-xf.astype(np.float64)))
# sigmoid(x) = 0.5+0.5 tanh(x/2): evaluate tanh at x/2
xh = np.clip(xf*np.float32(0.5), -C, C).astype(np.float32); th2 = xh*xh
P = np.zeros_like(xh)
for k in range(nP-1, -1, -1): P = (P*th2 + pf[k]).astype(np.float32)
Q = np.zeros_like(xh)
for k in range(nQ-1, -1, -1): Q = (Q*th2 + qf[k]).astype(np.float32)
s2 = (np.float32(0.5) + np.float32(0.5)*np.clip(xh*P/Q, -1, 1)).astype(np.float32)
print("sigmoid f32 max abs err", np.abs(s2-ref).max(), "max rel err", (np.abs(s2-ref)/ref).max())
print("p =", repr(p)); print("q =", repr(q))
