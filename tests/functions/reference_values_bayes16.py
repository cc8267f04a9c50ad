"""Reference values of issue 16 for ABTEST_PROB_BEAT and ABTEST_BAYES (tests/functions/bayesQuadrature.test.ts):
fractional priors on both arms (Jeffreys Beta(1/2, 1/2)), few conversions at large counts, tiny probabilities,
and control without conversions (tiny priors and counts past 10^9: reference_values_bayes16_cf.py).

Run: /usr/bin/python3 tests/functions/reference_values_bayes16.py > tests/functions/referenceValuesBayes16.ts &&
     npx prettier --write tests/functions/referenceValuesBayes16.ts
(mpmath 1.3; not needed to run the tests: the output is committed.)

Method, independent of what the code does for each case (the code sums only when a whole parameter gives at most
10^4 terms, and integrates otherwise, by Gauss-Kronrod with Loader's density):
  where a_A or a_B is a whole number up to 10^5: Evan Miller's sum in 60 digits, every term from mpmath.beta, and the
  risks by the shifted-Beta identities (the cancellation is harmless at 60 digits);
  otherwise numeric integration:
  P(p_B > p_A)            = int f_A(u) P(p_B > u) du
  E[max(p_B/p_A - 1, 0)]  = int f_A(u) E[(p_B - u)+] / u du
  E[max(1 - p_B/p_A, 0)]  = int f_A(u) E[(u - p_B)+] / u du
by mpmath.quad (tanh-sinh) over p_A, split at both posteriors' means +- k standard deviations. The inner tail P(p_B > u)
and the partial moments E[(p_B - u)+] = int_u^1 (y - u) f_B(y) dy come from mpmath.betainc (hypergeometric series,
exact) when a_B + b_B <= 1e7 or a_B <= 1e4, and otherwise from a second mpmath.quad of the density itself (its hypergeometric
series does not converge in reasonable time there). Densities in 30-digit arithmetic straight from the definition
x^(a-1) (1-x)^(b-1) / B(a, b) with log B from mpmath.loggamma.
"""
import mpmath as mp

import sys
import time

mp.mp.dps = 30

STEPS = [0, 2, 6, 16, 40]


class Beta:
    def __init__(self, a, b):
        self.a, self.b = mp.mpf(a), mp.mpf(b)
        s = self.a + self.b
        self.mean = self.a / s
        self.sd = mp.sqrt(self.a * self.b / (s * s * (s + 1)))
        self.logB = mp.loggamma(self.a) + mp.loggamma(self.b) - mp.loggamma(s)

    def pdf(self, u):
        if u <= 0 or u >= 1:
            return mp.mpf(0)
        return mp.exp((self.a - 1) * mp.log(u) + (self.b - 1) * mp.log1p(-u) - self.logB)

    def points(self, lo, hi):
        ps = {lo, hi}
        for k in STEPS:
            for sgn in (-1, 1):
                p = self.mean + sgn * k * self.sd
                if lo < p < hi:
                    ps.add(p)
        return sorted(ps)


def upper_tail(B, u):
    """[P(p_B > u), E[(p_B - u)+]]."""
    if B.a + B.b <= 1e7 or B.a <= 1e4:
        m = B.mean
        p0 = mp.betainc(B.a, B.b, u, 1, regularized=True)
        p1 = mp.betainc(B.a + 1, B.b, u, 1, regularized=True)
        return p0, m * p1 - u * p0
    pts = B.points(u, min(mp.mpf(1), B.mean + 80 * B.sd) if u < B.mean + 80 * B.sd else mp.mpf(1))
    p0 = mp.quad(B.pdf, pts)
    p1 = mp.quad(lambda y: (y - u) * B.pdf(y), pts)
    return p0, p1


def lower_tail(B, u):
    """[P(p_B < u), E[(u - p_B)+]]."""
    if B.a + B.b <= 1e7 or B.a <= 1e4:
        m = B.mean
        p0 = mp.betainc(B.a, B.b, 0, u, regularized=True)
        p1 = mp.betainc(B.a + 1, B.b, 0, u, regularized=True)
        return p0, u * p0 - m * p1
    pts = B.points(max(mp.mpf(0), B.mean - 80 * B.sd) if u > B.mean - 80 * B.sd else mp.mpf(0), u)
    p0 = mp.quad(B.pdf, pts)
    p1 = mp.quad(lambda y: (u - y) * B.pdf(y), pts)
    return p0, p1


def miller(aA, bA, aB, bB):
    """P(X_B > X_A), X ~ Beta, aB whole: Evan Miller's sum, every term from mpmath.beta (short sums only)."""
    lb = mp.log(mp.beta(aA, bA))
    return mp.fsum(mp.exp(mp.log(mp.beta(aA + i, bA + bB)) - mp.log(bB + i) - mp.log(mp.beta(1 + i, bB)) - lb)
                   for i in range(int(aB)))


def whole(v):
    return v == int(v) and v <= 1e5


def compare(aA, bA, aB, bB):
    """P(p_B > p_A), E[max(L, 0)] (None when a_A <= 1: infinite), E[max(-L, 0)]."""
    aA, bA, aB, bB = map(mp.mpf, (aA, bA, aB, bB))
    K = aB / (aB + bB) * (aA + bA - 1) / (aA - 1) if aA > 1 else None
    if aA > 1 and (whole(aA) or whole(aB)):
        # Exact sums (no integration) in 50 digits, where a short one exists: over a_A for P(p_A > p_B) (then
        # P(p_B > p_A) = 1 - it, harmless at 50 digits), or over a_B; the risks by the shifted-Beta identities
        # E[max(L,0)] = K P(p'_B > p'_A) - P(p_B > p_A), E[max(-L,0)] = P(p_A > p_B) - K P(p'_A > p'_B).
        with mp.workdps(60):
            if whole(aA):
                def greater(a1, b1, a2, b2):  # P(Beta(a2, b2) > Beta(a1, b1)) through the sum over a1
                    return 1 - miller(a2, b2, a1, b1)
            else:
                def greater(a1, b1, a2, b2):
                    return miller(a1, b1, a2, b2)
            win = greater(aA, bA, aB, bB)
            win_shift = greater(aA - 1, bA, aB + 1, bB)
            lose_shift = 1 - win_shift
            return win, K * win_shift - win, (1 - win) - K * lose_shift
    A, B = Beta(aA, bA), Beta(aB, bB)
    pts = sorted(set(A.points(mp.mpf(0), mp.mpf(1))) | set(B.points(mp.mpf(0), mp.mpf(1))))
    # P(p_B > p_A) or its complement, whichever is smaller, directly; the other as 1 - it.
    if A.mean >= B.mean:
        win = mp.quad(lambda u: A.pdf(u) * upper_tail(B, u)[0], pts)
    else:
        win = 1 - mp.quad(lambda u: A.pdf(u) * lower_tail(B, u)[0], pts)
    gain = mp.quad(lambda u: A.pdf(u) * upper_tail(B, u)[1] / u, pts) if A.a > 1 else None
    loss = mp.quad(lambda u: A.pdf(u) * lower_tail(B, u)[1] / u, pts)
    return win, gain, loss


def fmt(x):
    return "null" if x is None else repr(float(x))


# (nc, xc, nv, xv, prior_alpha, prior_beta)
CASES = [
    (100, 49, 100, 51, 0.5, 0.5),  # Jeffreys on both arms
    (1000, 3, 1000, 9, 0.5, 0.5),
    (1000, 0, 1000, 3, 0.5, 0.5),  # control without conversions, Jeffreys: gain infinite, loss finite
    (1000, 0, 1000, 3, 1, 1),  # the 0.018955 +- 3e-5 (Monte Carlo); here by integration
    (20, 0, 20, 3, 1, 1),
    (45, 45, 17246784, 9506270, 1, 2.5),  # the tiny P: 9.6130e-11, not 1 - (a sum near 1)
    (5000, 120, 4800, 150, 0.7, 1.3),
    (1e6, 5, 1e6, 12, 0.5, 0.5),  # few conversions, large counts (the sums that hung)
]
if __name__ == "__main__":
    print("// Generated by tests/functions/reference_values_bayes16.py (mpmath numeric integration, 30 digits); do not edit.")
    print("export type Bayes16Case = { args: number[]; win: number; gain: number | null; loss: number };")
    for name, cases in (("BAYES16", CASES),):
        print(f"export const {name}: Bayes16Case[] = [")
        for nc, xc, nv, xv, a0, b0 in cases:
            t0 = time.time()
            try:
                w, g, l = compare(xc + a0, nc - xc + b0, xv + a0, nv - xv + b0)
            except (mp.libmp.NoConvergence, ValueError) as err:
                # mpmath.betainc's series does not converge for b_B ~ 1e6 and more with a fractional a_B: such cases
                # have no reference here (the committed file holds the cases that did converge).
                print(f"{(nc, xc, nv, xv, a0, b0)} skipped: {type(err).__name__}", file=sys.stderr, flush=True)
                continue
            print(f"{(nc, xc, nv, xv, a0, b0)} {time.time() - t0:.1f} s", file=sys.stderr, flush=True)
            args = ", ".join(repr(float(v)) if not float(v).is_integer() else str(int(v)) for v in (nc, xc, nv, xv, a0, b0))
            print(f"  {{ args: [{args}], win: {fmt(w)}, gain: {fmt(g)}, loss: {fmt(l)} }},", flush=True)
        print("];", flush=True)
