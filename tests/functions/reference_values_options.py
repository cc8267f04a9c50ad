"""Reference values for the options of issue 11 §2 (tests/functions/optionsAccuracy.test.ts), from the sources.

Run: /usr/bin/python3 tests/functions/reference_values_options.py > tests/functions/referenceValuesOptions.ts &&
     npx prettier --write tests/functions/referenceValuesOptions.ts
Needs R (Rscript: prop.test, power.prop.test), scipy 1.10, statsmodels 0.13.5 and mpmath (Debian python3-scipy,
python3-statsmodels, python3-mpmath, r-base-core); the tests only read the committed output.
Each case records where its expected value comes from:
  R prop.test            Yates-corrected pooled test (p) and its Wald + Yates interval (conf.int)
  R power.prop.test      sample size n, power and detectable p2 at ratio 1 (strict = FALSE, uniroot tol 1e-14)
  statsmodels            test_proportions_2indep (wald with value), confint_proportions_2indep(compare='ratio',
                         method='log'), samplesize_proportions_2indep_onetail, power_proportions_2indep (ratio != 1)
  scipy                  ttest_ind_from_stats (equal_var True/False; a null difference as a shifted mean), chisquare
  mpmath                 where no package computes our definition (the Farrington-Manning score test at a non-zero
                         null: statsmodels 0.13.5 forces its N/(N-1) factor and fits the restricted rates with a wrong
                         cubic, statsmodels #10269; the inversion of the corrected tests): 60-digit evaluation, the
                         restricted MLE by bisection on the score of the restricted likelihood (no cubic).
"""
import json
import subprocess

import mpmath as mp
import numpy as np
from scipy import optimize, stats
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    power_proportions_2indep,
    samplesize_proportions_2indep_onetail,
    test_proportions_2indep,
)

mp.mp.dps = 60
cases = []  # (fn, args, expected, source)


def add(fn, args, expected, source):
    cases.append((fn, list(args), float(expected), source))


def r_eval(expr):
    """Evaluates R expressions, each printing one number with 17 significant digits."""
    out = subprocess.run(["Rscript", "-e", expr], check=True, capture_output=True, text=True).stdout.split()
    return [float(x) for x in out]


def r_num(expr):
    return r_eval(f'cat(sprintf("%.17g", {expr}), "\\n")')


# ---- ABTEST_SIG continuity (pooled, null 0) = R prop.test(c(xv, xc), c(nv, nc), correct = TRUE) -----------------
SIG_CC = [(1000, 100, 1000, 120, 2), (1000, 100, 1000, 130, 2), (5000, 500, 500, 65, 2), (20, 1, 30, 10, 2),
          (50000, 5000, 50000, 5400, 2), (1e6, 1e5, 1e6, 1.02e5, 2), (1e6, 1e5, 1e6, 1.16e5, 2),
          (1000, 100, 1000, 120, 1), (1000, 130, 1000, 100, 1), (40, 3, 60, 2, 2), (100, 10, 100, 11, 2),
          (300, 30, 700, 90, 1)]
for nc, xc, nv, xv, tails in SIG_CC:
    alt = "two.sided" if tails == 2 else "greater"
    p = r_num(f'prop.test(c({xv:.17g}, {xc:.17g}), c({nv:.17g}, {nc:.17g}), correct = TRUE, alternative = "{alt}")$p.value')[0]
    add("sigContinuity", (nc, xc, nv, xv, tails), p, "R prop.test(correct = TRUE)")

# ---- ABTEST_SUMMARY "unpooled" + continuity interval = R prop.test's conf.int (when |d| >= ½(1/nc + 1/nv)) --------
for nc, xc, nv, xv, conf in [(1000, 100, 1000, 120, 0.95), (5000, 500, 500, 65, 0.95), (1000, 100, 1000, 120, 0.8),
                             (20, 1, 30, 10, 0.9), (1e6, 1e5, 1e6, 1.02e5, 0.99)]:
    assert abs(xv / nv - xc / nc) >= 0.5 * (1 / nc + 1 / nv)
    lo, hi = r_eval(f'r <- prop.test(c({xv:.17g}, {xc:.17g}), c({nv:.17g}, {nc:.17g}), correct = TRUE, '
                    f'conf.level = {conf}); cat(sprintf("%.17g", r$conf.int), "\\n")')
    add("summaryUnpooledCcLow", (nc, xc, nv, xv, conf), lo, "R prop.test(correct = TRUE) conf.int")
    add("summaryUnpooledCcHigh", (nc, xc, nv, xv, conf), hi, "R prop.test(correct = TRUE) conf.int")
    lo1 = r_eval(f'r <- prop.test(c({xv:.17g}, {xc:.17g}), c({nv:.17g}, {nc:.17g}), correct = TRUE, '
                 f'alternative = "greater", conf.level = {conf}); cat(sprintf("%.17g", r$conf.int[1]), "\\n")')[0]
    add("summaryUnpooledCcLowOneSided", (nc, xc, nv, xv, conf), lo1, 'R prop.test(correct = TRUE, alternative = "greater")')


# ---- Farrington-Manning score test at a null difference (mpmath, restricted MLE by bisection; not statsmodels #10269) -
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


def yates(dist, nc, nv):
    c = (1 / mp.mpf(nc) + 1 / mp.mpf(nv)) / 2
    return mp.sign(dist) * max(mp.mpf(0), abs(dist) - c)


def z_at(nc, xc, nv, xv, d, method="pooled", cc=False, mn_factor=False):
    d = mp.mpf(d)
    pc_hat, pv_hat = mp.mpf(xc) / nc, mp.mpf(xv) / nv
    dist = pv_hat - pc_hat - d
    if method == "pooled":
        pc, pv = restricted(nc, xc, nv, xv, d)
        var = pv * (1 - pv) / nv + pc * (1 - pc) / nc
        if mn_factor:
            var *= mp.mpf(nc + nv) / (nc + nv - 1)
    else:
        var = pc_hat * (1 - pc_hat) / nc + pv_hat * (1 - pv_hat) / nv
    if cc:
        dist = yates(dist, nc, nv)
    if dist == 0:
        return mp.mpf(0)
    if var == 0:
        return mp.sign(dist) * mp.inf
    return dist / mp.sqrt(var)


def q(z):
    return mp.erfc(z / mp.sqrt(2)) / 2


def p_of(z, tails):
    return 2 * q(abs(z)) if tails == 2 else q(z)


SIG_NULL = [(1000, 100, 1000, 120, 2, 0.01), (1000, 100, 1000, 120, 1, -0.02), (5000, 500, 5000, 540, 1, -0.005),
            (20000, 2000, 20000, 2300, 1, 0.005), (1000, 100, 1000, 120, 2, -0.03), (300, 30, 700, 90, 2, 0.1)]
for nc, xc, nv, xv, tails, d in SIG_NULL:
    alt = "two-sided" if tails == 2 else "larger"
    # statsmodels' score test is not a reference at d != 0: its restricted MLE uses a cubic whose linear coefficient
    # has count0 where nobs0 belongs (statsmodels #10269), so it is no longer asserted here.
    add("sigScoreNull", (nc, xc, nv, xv, tails, d), p_of(z_at(nc, xc, nv, xv, d), tails),
        "mpmath Farrington-Manning: restricted MLE by bisection on the score of the restricted likelihood")
    wald = test_proportions_2indep(xv, nv, xc, nc, value=d, method="wald", compare="diff", alternative=alt).pvalue
    assert abs(float(p_of(z_at(nc, xc, nv, xv, d, method="unpooled"), tails)) - wald) <= 1e-12 * wald
    add("sigWaldNull", (nc, xc, nv, xv, tails, d), wald, "statsmodels test_proportions_2indep(method='wald', value)")
    for method in ("pooled", "unpooled"):
        add("sigAllOptions", (nc, xc, nv, xv, tails, 0 if method == "pooled" else 1, d),
            p_of(z_at(nc, xc, nv, xv, d, method=method, cc=True), tails),
            "mpmath: Yates-corrected distance over the score/Wald standard error (R prop.test's correction at δ)")


# ---- the interval that inverts each corrected test (mpmath bisection) ----------------------------------------------
def invert(nc, xc, nv, xv, conf, tails, method, cc):
    alpha = 1 - mp.mpf(conf)
    est = mp.mpf(xv) / nv - mp.mpf(xc) / nc

    def rejects(d):
        return p_of(z_at(nc, xc, nv, xv, d, method=method, cc=cc), tails) < alpha

    def bisect(out, inside):
        if not rejects(out):
            return out
        for _ in range(120):
            mid = (out + inside) / 2
            if rejects(mid):
                out = mid
            else:
                inside = mid
        return (out + inside) / 2

    lo = bisect(mp.mpf(-1), est)
    hi = bisect(mp.mpf(1), est) if tails == 2 else mp.mpf(1)
    return lo, hi


for nc, xc, nv, xv, conf, tails in [(1000, 100, 1000, 120, 0.95, 2), (5000, 500, 500, 65, 0.95, 2),
                                    (20, 1, 30, 10, 0.9, 2), (1000, 100, 1000, 120, 0.95, 1)]:
    lo, hi = invert(nc, xc, nv, xv, conf, tails, "pooled", True)
    add("summaryPooledCcLow", (nc, xc, nv, xv, conf, tails), lo, "mpmath inversion of the Yates-corrected score test")
    if tails == 2:
        add("summaryPooledCcHigh", (nc, xc, nv, xv, conf, tails), hi, "mpmath inversion of the Yates-corrected score test")

# ---- relative-lift interval: Katz log interval = statsmodels confint_proportions_2indep(compare='ratio', 'log') ---
for nc, xc, nv, xv, conf in [(1000, 100, 1000, 120, 0.95), (5000, 500, 500, 65, 0.95), (20, 1, 30, 10, 0.9),
                             (1e6, 1e5, 1e6, 1.02e5, 0.95), (400, 40, 400, 20, 0.8)]:
    lo, hi = confint_proportions_2indep(xv, nv, xc, nc, compare="ratio", method="log", alpha=1 - conf)
    add("summaryRelativeLow", (nc, xc, nv, xv, conf), lo - 1, "statsmodels confint_proportions_2indep(compare='ratio', method='log') − 1")
    add("summaryRelativeHigh", (nc, xc, nv, xv, conf), hi - 1, "statsmodels confint_proportions_2indep(compare='ratio', method='log') − 1")
    lo1, _ = confint_proportions_2indep(xv, nv, xc, nc, compare="ratio", method="log", alpha=2 * (1 - conf))
    add("summaryRelativeLowOneSided", (nc, xc, nv, xv, conf), lo1 - 1,
        "statsmodels confint_proportions_2indep(compare='ratio', method='log', alpha = 2(1 − conf)) − 1")


# ---- ABTEST_TTEST: scipy ttest_ind_from_stats (mpmath checks scipy) -------------------------------------------------
def t_upper(t, df):
    t, df = mp.mpf(t), mp.mpf(df)
    if t < 0:
        return 1 - t_upper(-t, df)
    return mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True) / 2


def ttest_mp(mc, sc, nc, mv, sv, nv, tails, equal, d):
    mc, sc, nc, mv, sv, nv, d = map(mp.mpf, (mc, sc, nc, mv, sv, nv, d))
    if equal:
        sp2 = ((nc - 1) * sc**2 + (nv - 1) * sv**2) / (nc + nv - 2)
        se, df = mp.sqrt(sp2 * (1 / nc + 1 / nv)), nc + nv - 2
    else:
        vc, vv = sc**2 / nc, sv**2 / nv
        se, df = mp.sqrt(vc + vv), (vc + vv) ** 2 / (vc**2 / (nc - 1) + vv**2 / (nv - 1))
    t = (mv - mc - d) / se
    return 2 * t_upper(abs(t), df) if tails == 2 else t_upper(t, df)


T_CASES = [(52.1, 30.2, 400, 55.8, 31, 410, 2, True, 0), (52.1, 30.2, 400, 55.8, 31, 410, 1, True, 0),
           (10, 2, 5, 12, 3, 4, 2, True, 0), (10, 2, 5, 12, 3, 4, 2, False, 0), (100, 50, 1e6, 100.3, 50, 1e6, 2, True, 0),
           (0, 1, 3, 10, 1, 2, 2, True, 0), (52.1, 30.2, 400, 55.8, 31, 410, 2, False, 1.5),
           (52.1, 30.2, 400, 55.8, 31, 410, 1, True, -2), (52.1, 30.2, 400, 55.8, 31, 410, 1, False, -2),
           (3.2, 10, 1e6, 3.25, 12, 2e6, 1, True, 0.01), (20, 4, 3, 5, 1, 1000, 2, True, -10)]
for mc, sc, nc, mv, sv, nv, tails, equal, d in T_CASES:
    alt = "two-sided" if tails == 2 else "greater"
    p = stats.ttest_ind_from_stats(mv - d, sv, nv, mc, sc, nc, equal_var=equal, alternative=alt).pvalue
    ref = ttest_mp(mc, sc, nc, mv, sv, nv, tails, equal, d)
    assert abs(float(ref) - p) <= 1e-11 * p, (mc, sc, nc, mv, sv, nv, tails, equal, d, ref, p)
    add("tTest", (mc, sc, nc, mv, sv, nv, tails, 1 if equal else 0, d), p,
        "scipy ttest_ind_from_stats(equal_var, alternative), null difference as a shifted mean")

# ---- sample size, power, detectable effect -----------------------------------------------------------------------
# ratio 1: R power.prop.test; ratio != 1: statsmodels (prop2 = the variant, nobs2 = ratio * nobs1 = control n).
DESIGN = [(0.1, 0.2, 0.05, 0.8, 2, 1), (0.2, 0.25, 0.05, 0.8, 2, 1), (0.05, 0.1, 0.05, 0.9, 1, 1),
          (0.5, -0.1, 0.01, 0.8, 2, 1), (0.03, 0.05, 0.1, 0.8, 1, 1), (0.1, 0.2, 0.05, 0.8, 2, 2),
          (0.1, 0.2, 0.05, 0.8, 1, 0.5), (0.02, 0.15, 0.05, 0.9, 2, 3), (0.6, -0.05, 0.05, 0.8, 2, 1.5)]
for p1, mde, alpha, power, tails, ratio in DESIGN:
    p2 = p1 * (1 + mde)
    alt_r = "two.sided" if tails == 2 else "one.sided"
    if ratio == 1:
        n = r_num(f'power.prop.test(p1 = {p1!r}, p2 = {p2!r}, power = {power!r}, sig.level = {alpha!r}, '
                  f'alternative = "{alt_r}", tol = 1e-14)$n')[0]
        src = "R power.prop.test(p1, p2, power, tol = 1e-14)$n"
    else:
        n = samplesize_proportions_2indep_onetail(p1 - p2, p2, power, ratio=ratio, alpha=alpha,
                                                  alternative="two-sided" if tails == 2 else "larger")
        src = "statsmodels samplesize_proportions_2indep_onetail(ratio)"
    add("sampleSizeExact", (p1, mde, alpha, power, tails, ratio), n, src)
    for n_test in (round(n), 2 * round(n), 137):
        if ratio == 1:
            pw = r_num(f'power.prop.test(n = {n_test}, p1 = {p1!r}, p2 = {p2!r}, sig.level = {alpha!r}, '
                       f'alternative = "{alt_r}")$power')[0]
            src = "R power.prop.test(n, p1, p2)$power"
        else:
            side = "smaller" if p2 > p1 else "larger"
            pw = power_proportions_2indep(p1 - p2, p2, n_test, ratio=ratio, alpha=alpha / tails, alternative=side).power
            src = "statsmodels power_proportions_2indep(ratio), one tail at alpha/tails"
        add("power", (p1, mde, n_test, alpha, tails, ratio), pw, src)
for p1, n, alpha, power, tails, ratio in [(0.1, 3841, 0.05, 0.8, 2, 1), (0.2, 1000, 0.05, 0.8, 2, 1),
                                          (0.05, 20000, 0.05, 0.9, 1, 1), (0.5, 50, 0.05, 0.9, 2, 1),
                                          (0.02, 100000, 0.01, 0.8, 2, 1), (0.1, 3000, 0.05, 0.8, 2, 2),
                                          (0.3, 500, 0.1, 0.8, 1, 0.5)]:
    alt_r = "two.sided" if tails == 2 else "one.sided"
    if ratio == 1:
        p2 = r_num(f'power.prop.test(n = {n}, p1 = {p1!r}, power = {power!r}, sig.level = {alpha!r}, '
                   f'alternative = "{alt_r}", tol = 1e-14)$p2')[0]
        src = "R power.prop.test(n, p1, power, tol = 1e-14)$p2"
    else:
        f = lambda x: power_proportions_2indep(p1 - x, x, n, ratio=ratio, alpha=alpha / tails,
                                               alternative="smaller").power - power
        p2 = optimize.brentq(f, p1 + 1e-9, 1 - 1e-12, xtol=1e-15, rtol=4 * np.finfo(float).eps)
        src = "brentq on statsmodels power_proportions_2indep(ratio)"
    add("mde", (p1, n, alpha, power, tails, ratio), (p2 - p1) / p1, src)

# R's documented example outputs (?power.prop.test, 7 significant digits): kept in optionsAccuracy.test.ts.

# ---- ABTEST_SRM with k arms: scipy.stats.chisquare ---------------------------------------------------------------
SRM = [([500, 500, 600], None), ([1000, 1010, 990, 1005], None), ([30000, 30500, 29800, 30100, 29950], None),
       ([1e7, 1.0001e7, 0.9995e7], None), ([250, 250, 560], [1, 1, 2]), ([100, 200, 300], [1, 2, 3]),
       ([5000, 5200], None), ([300, 700], [0.3, 0.7]), ([12, 3, 0, 5, 9, 30, 14, 2], None),
       ([480, 510, 1050, 2020], [0.125, 0.125, 0.25, 0.5]), (list(range(100, 120)), None)]
for counts, shares in SRM:
    k = len(counts)
    w = np.array(shares if shares else [1] * k, dtype=float)
    expected = np.sum(counts) * w / w.sum()
    p = stats.chisquare(np.array(counts, dtype=float), expected).pvalue
    add("srmK" if shares is None else "srmKShares", counts + (list(shares) if shares else []), p,
        "scipy.stats.chisquare(counts, N·shares)")

# ---- the chi-square tail behind ABTEST_SRM's k arms, deep tails and many arms (mpmath regularised gamma) ----------
for x, k in [(0.5, 1), (3, 1), (100, 1), (12.5, 2), (1000, 2), (7, 3), (200, 3), (50, 10), (10, 25), (30, 25),
             (900, 999), (1100, 999), (5000, 999), (1e-3, 4), (1400, 5), (1e-12, 7), (60, 60), (3000, 4)]:
    add("chiSquareTail", (x, k), mp.gammainc(mp.mpf(k) / 2, mp.mpf(x) / 2, mp.inf, regularized=True),
        "mpmath gammainc(k/2, x/2, ∞, regularized) = scipy chi2.sf")

print("// Generated by tests/functions/reference_values_options.py (R, statsmodels, scipy, mpmath); do not edit by hand.")
print("export type OptionsCase = { fn: string; args: number[]; expected: number; source: string };")
print("export const OPTIONS_REFERENCE_VALUES: OptionsCase[] = [")
for fn, args, val, src in cases:
    a = ", ".join(repr(float(x)) if not float(x).is_integer() else str(int(x)) for x in args)
    print(f'  {{ fn: "{fn}", args: [{a}], expected: {val!r}, source: {json.dumps(src, ensure_ascii=False)} }},')
print("];")
