"""Reference values for tests/functions/accuracy.test.ts, computed with mpmath at 60 significant digits.

Run: python3 tests/functions/reference_values.py > tests/functions/referenceValues.ts
(mpmath 1.3; not needed to run the tests: the output is committed.)
Each value is computed from the textbook definition, independently of the TypeScript code:
  normal tails   Q(z) = erfc(z/sqrt(2))/2, two-sided erfc(|z|/sqrt(2))
  Student t      P(T >= t) = I_{df/(df+t^2)}(df/2, 1/2)/2 (mpmath.betainc, hypergeometric series)
  two-proportion z, Welch, SRM: the same formulas as the issue, evaluated in 60-digit arithmetic
"""
import mpmath as mp

mp.mp.dps = 60
H = mp.mpf(1) / 2


def q(z):
    return mp.erfc(mp.mpf(z) / mp.sqrt(2)) / 2


def t_upper(t, df):
    t, df = mp.mpf(t), mp.mpf(df)
    if t < 0:
        return 1 - t_upper(-t, df)
    return mp.betainc(df / 2, H, 0, df / (df + t * t), regularized=True) / 2


def sig(nc, xc, nv, xv, tails=2):
    nc, xc, nv, xv = map(mp.mpf, (nc, xc, nv, xv))
    p = (xc + xv) / (nc + nv)
    z = (xv / nv - xc / nc) / mp.sqrt(p * (1 - p) * (1 / nc + 1 / nv))
    return 2 * q(abs(z)) if tails == 2 else q(z)


def welch(mc, sc, nc, mv, sv, nv, tails=2):
    mc, sc, nc, mv, sv, nv = map(mp.mpf, (mc, sc, nc, mv, sv, nv))
    vc, vv = sc**2 / nc, sv**2 / nv
    t = (mv - mc) / mp.sqrt(vc + vv)
    df = (vc + vv) ** 2 / (vc**2 / (nc - 1) + vv**2 / (nv - 1))
    return 2 * t_upper(abs(t), df) if tails == 2 else t_upper(t, df)


def srm(c, v, s=H):
    c, v, s = mp.mpf(c), mp.mpf(v), mp.mpf(s)
    n = c + v
    chi2 = (c - n * s) ** 2 / (n * s) + (v - n * (1 - s)) ** 2 / (n * (1 - s))
    return mp.erfc(mp.sqrt(chi2 / 2))


def fmt(x):
    # The double nearest the exact value (shortest round-trip form); values below the double range become 0.
    f = float(x)
    return repr(f) if f != 0 or x == 0 else f"0 /* exact {mp.nstr(x, 5)} underflows */"


cases = []
for z in [0.5, 1, 1.959963984540054, 3, 5, 8.5, 10, 20, 30, 37]:
    cases.append(("normalTwoSided", [z], 2 * q(z)))
    cases.append(("normalUpperTail", [z], q(z)))
    cases.append(("normalUpperTail", [-z], q(-z)))
for t, df in [(0.5, 3), (2, 0.5), (3, 10), (30, 5), (100, 3), (1e5, 1), (1e100, 1), (4, 7.5), (2, 1e9), (5, 2e9),
              (10, 1e9), (37, 1e9), (8, 1e12), (1.5, 1e18), (1e-8, 1e9), (-2, 30), (12, 40), (1e-3, 0.1)]:
    cases.append(("studentTUpperTail", [t, df], t_upper(t, df)))
for args in [(1000, 100, 1000, 120), (1000, 100, 1000, 130), (1000, 100, 1000, 120, 1), (1000, 130, 1000, 100, 1),
             (50000, 5000, 50000, 5400), (1e6, 1e5, 1e6, 1.02e5), (1e9, 1e7, 1e9, 1.0001e7),
             (1e6, 1e5, 1e6, 1.16e5), (2e6, 2e5, 2e6, 2.184e5), (1e7, 1e6, 1e7, 1.0268e6), (1e6, 1e5, 1e6, 1.5e5), (20, 1, 30, 10),
             (1e8, 1e7, 1e8, 1.0153e7), (1e6, 1e5, 1e6, 1.16e5, 1), (5e5, 5e4, 2e6, 2.3e5), (5e5, 5e4, 2e6, 2.3e5, 1),
             (3, 0, 7, 7)]:
    cases.append(("abTestSig", list(args), sig(*args)))
for args in [(52.1, 30.2, 400, 55.8, 31, 410), (52.1, 30.2, 400, 55.8, 31, 410, 1), (10, 2, 5, 12, 3, 4),
             (100, 50, 1e9, 100.01, 50, 1e9), (1, 1, 1e9, 1.002, 1.5, 3e8),
             (0, 1, 3, 100, 1, 2), (5, 0, 10, 6, 2, 10), (3.2, 10, 1e6, 3.25, 10, 1e6, 1), (0, 1, 2, 40, 1, 2),
             (0, 1, 10, 1.5, 1, 10), (0, 1, 1e9, 0.00165, 1, 1e9), (55.8, 31, 410, 52.1, 30.2, 400, 1),
             (0, 1, 1e9, 0.00165, 1, 1e9, 1), (20, 4, 3, 5, 1, 1e9)]:
    cases.append(("abTestTTest", list(args), welch(*args)))
for args in [(5000, 5200), (5000, 5000), (50000, 50700), (1e6, 1.01e6), (1e9, 1.00001e9), (300, 700, 0.3),
             (100, 200, 0.25), (1e6, 1.2e6), (1e6, 1.05e6), (1e6, 1e6, 0.49), (1, 0), (30000, 70900, 0.3)]:
    cases.append(("abTestSrm", list(args), srm(*args)))



# Farrington–Manning score interval of pv − pc (ABTEST_SUMMARY, method "pooled"): the restricted MLE by bisection on
# the score of the restricted log-likelihood (no cubic at all, so neither the code's closed form nor the cubic of
# statsmodels, whose linear coefficient is wrong: statsmodels #10269), and each bound the root of z(δ) = ±z_crit by
# bisection in 60 digits. statsmodels is consulted only where it is right: its score test at δ = 0 (the pooled test,
# where the wrong coefficient is multiplied by δ = 0), with its N/(N − 1) factor, which 0.13.5 forces for compare='diff'.
def restricted(nc, xc, nv, xv, d):
    """The restricted MLE of (pc, pv) under pv − pc = d, found WITHOUT the cubic: the log-likelihood
    ℓ(p) = xc ln p + (nc − xc) ln(1 − p) + xv ln(p + d) + (nv − xv) ln(1 − p − d) is strictly concave on
    (max(0, −d), min(1, 1 − d)), so its maximiser is where the score ℓ'(p) changes sign, found by 300 bisection steps
    in 60-digit arithmetic (or the end of the range where ℓ' keeps one sign). Independent of the code's cubic (and of
    statsmodels', whose linear coefficient has count0 where nobs0 belongs: statsmodels issue #10269)."""
    nc, xc, nv, xv, d = map(mp.mpf, (nc, xc, nv, xv, d))
    lo, hi = max(mp.mpf(0), -d), min(mp.mpf(1), 1 - d)

    def score(p):
        pv = p + d
        s = mp.mpf(0)
        if xc:
            s += xc / p
        if nc - xc:
            s -= (nc - xc) / (1 - p)
        if xv:
            s += xv / pv
        if nv - xv:
            s -= (nv - xv) / (1 - pv)
        return s

    tiny = (hi - lo) * mp.mpf(10) ** -50
    if tiny == 0:  # |d| = 1: a single feasible point
        return lo, lo + d
    if score(lo + tiny) <= 0:
        return lo, lo + d
    if score(hi - tiny) >= 0:
        return hi, hi + d
    a, b = lo + tiny, hi - tiny
    for _ in range(300):
        m = (a + b) / 2
        if score(m) > 0:
            a = m
        else:
            b = m
    pc = (a + b) / 2
    return pc, pc + d


def score_z(nc, xc, nv, xv, d, correction=False):
    pc, pv = restricted(nc, xc, nv, xv, d)
    var = pv * (1 - pv) / nv + pc * (1 - pc) / nc
    if correction:
        var *= mp.mpf(nc + nv) / (nc + nv - 1)
    dist = mp.mpf(xv) / nv - mp.mpf(xc) / nc - d
    if var == 0:
        return mp.sign(dist) * mp.inf
    return dist / mp.sqrt(var)


def score_ci(nc, xc, nv, xv, conf=0.95, tails=2, correction=False):
    alpha = 1 - mp.mpf(conf)
    crit = mp.sqrt(2) * mp.erfinv(1 - alpha) if tails == 2 else mp.sqrt(2) * mp.erfinv(1 - 2 * alpha)
    est = mp.mpf(xv) / nv - mp.mpf(xc) / nc

    def bisect(out, inside, s):
        # z(δ) − s·crit changes sign once between the rejected end `out` and the estimate; 200 halvings < 1e-60.
        if abs(score_z(nc, xc, nv, xv, out, correction)) <= crit:
            return out
        for _ in range(200):
            mid = (out + inside) / 2
            if s * score_z(nc, xc, nv, xv, mid, correction) > crit:
                out = mid
            else:
                inside = mid
        return (out + inside) / 2

    lo = bisect(mp.mpf(-1), est, 1)
    hi = bisect(mp.mpf(1), est, -1) if tails == 2 else mp.mpf(1)
    return lo, hi


def wald_ci(nc, xc, nv, xv, conf=0.95):
    pc, pv = mp.mpf(xc) / nc, mp.mpf(xv) / nv
    se = mp.sqrt(pc * (1 - pc) / nc + pv * (1 - pv) / nv)
    crit = mp.sqrt(2) * mp.erfinv(mp.mpf(conf))
    return pv - pc - crit * se, pv - pc + crit * se


SCORE_CASES = [(1000, 100, 1000, 120), (5000, 500, 500, 65), (1000, 100, 1000, 120, 0.8), (20, 1, 30, 10),
               (100, 0, 100, 5), (5e5, 5e4, 2e6, 2.3e5), (1e6, 1e5, 1e6, 1.02e5), (40, 3, 60, 2, 0.9), (10, 10, 12, 4)]
try:
    from statsmodels.stats.proportion import test_proportions_2indep
    for a in SCORE_CASES:
        nc, xc, nv, xv = a[:4]
        if not (0 < xc < nc and 0 < xv < nv):  # statsmodels divides by a rate of 0
            continue
        sm = test_proportions_2indep(xv, nv, xc, nc, value=0, method="score", compare="diff", correction=True).pvalue
        ours = 2 * q(abs(score_z(nc, xc, nv, xv, 0, correction=True)))
        assert abs(float(ours) - sm) <= 1e-9 * sm, (a, ours, sm)
except ImportError:
    pass
for a in SCORE_CASES:
    conf = a[4] if len(a) > 4 else 0.95
    lo, hi = score_ci(*a[:4], conf)
    cases.append(("summaryScoreLow", [*a[:4], conf], lo))
    cases.append(("summaryScoreHigh", [*a[:4], conf], hi))
for a in [(1000, 100, 1000, 120, 0.95), (5000, 500, 500, 65, 0.95)]:
    lo, _ = score_ci(*a[:4], a[4], tails=1)
    cases.append(("summaryScoreLowOneSided", list(a), lo))
    lo, hi = wald_ci(*a)
    cases.append(("summaryWaldLow", list(a), lo))
    cases.append(("summaryWaldHigh", list(a), hi))

print("// Generated by tests/functions/reference_values.py (mpmath, 60 significant digits); do not edit by hand.")
print("export type ReferenceCase = { fn: string; args: number[]; expected: number };")
print("export const REFERENCE_VALUES: ReferenceCase[] = [")
for fn, args, val in cases:
    a = ", ".join(repr(float(x)) if not float(x).is_integer() else str(int(x)) if abs(x) < 1e21 else repr(float(x)) for x in args)
    print(f'  {{ fn: "{fn}", args: [{a}], expected: {fmt(val)} }},')
print("];")
