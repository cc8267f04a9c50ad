"""Reference values of issue 16 for ABTEST_PROB_BEAT and ABTEST_BAYES where the first script
(reference_values_bayes16.py) has none: tiny priors (Beta(0.001, .), Beta(., 0.01)) on arms with no conversions or
no failures, and counts past 10^9 per arm up to 2^52 (tests/functions/bayesQuadrature.test.ts).

Run: /usr/bin/python3 tests/functions/reference_values_bayes16_cf.py > tests/functions/referenceValuesBayes16Cf.ts &&
     npx prettier --write tests/functions/referenceValuesBayes16Cf.ts
(mpmath 1.3, 30 to 42 digits; about 10-300 s a case; not needed to run the tests: the output is committed.)

Method "cf" (every case), independent of the code (Gauss-Kronrod in the distance from an end or its log, Loader's
density, closed forms below 1e-17/(a + b)):
  P(p_B > p_A)           = int f_A(x) P(p_B > x) dx
  E[max(p_B/p_A - 1, 0)] = int f_A(x) E[(p_B - x)+] / x dx
  E[max(1 - p_B/p_A, 0)] = int f_A(x) E[(x - p_B)+] / x dx
by mpmath.quad (tanh-sinh) over s = logit(x) on the whole line (mpmath's exponent range holds the x = 1e-4000 a prior
of 0.001 puts mass at), split at both posteriors' means +- k sd and at decades near each end; B's tails by Lentz's
continued fraction for the regularized incomplete beta function (Numerical Recipes 6.4, betacf) in 25 + log10(a + b)
digits (more where a result is below 1e-10: mpmath.quad's tolerance is absolute), each on
the side where it converges (x below (a+1)/(a+b+2), else I_{1-x}(b, a)), the partial moments from
E[(x - p)+] = x I_x(a, b) - a/(a+b) I_x(a+1, b) (it cancels up to log10(a + b) digits: at 30 digits
the risks at 10^15 per arm were off by 2e-9, hence the precision grows with the counts). "check" gives, where a
second independent method applies, the largest relative disagreement with it:
  "miller": Evan Miller's finite sum over a whole a_B (few terms, 60 digits, every term from mpmath.beta), the risks
            by the shifted-Beta identities; exact at any count, 10^15 visitors included;
  "betainc": the logit-space integral by Gauss-Legendre instead of tanh-sinh, with B's tails by the hypergeometric
            series mpmath.betainc sums (x^a 2F1(a, 1-b; a+1; x) / (a B(a, b)), up to 10^6 terms) instead of the
            continued fraction.
"""
import mpmath as mp
import sys
import time

mp.mp.dps = 30


def betacf(a, b, x, maxit=2_000_000):
    """Lentz's continued fraction for I_x(a, b) (Numerical Recipes 6.4), for x < (a+1)/(a+b+2)."""
    tiny = mp.mpf(10) ** (-300)
    eps = mp.mpf(10) ** (-(mp.mp.dps - 5))
    qab, qap, qam = a + b, a + 1, a - 1
    c = mp.mpf(1)
    d = 1 - qab * x / qap
    d = 1 / (tiny if abs(d) < tiny else d)
    h = d
    for m in range(1, maxit):
        m2 = 2 * m
        for aa in (m * (b - m) * x / ((qam + m2) * (a + m2)), -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))):
            d = 1 + aa * d
            d = 1 / (tiny if abs(d) < tiny else d)
            c = 1 + aa / c
            c = tiny if abs(c) < tiny else c
            de = d * c
            h *= de
        if abs(de - 1) < eps:
            return h
    raise mp.libmp.NoConvergence("betacf")


def lbeta(a, b):
    return mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)


def ibeta(a, b, lx, ly):
    """I_x(a, b) from ln x and ln(1 - x) by the continued fraction (x below the switch point)."""
    return mp.exp(a * lx + b * ly - lbeta(a, b)) * betacf(a, b, mp.exp(lx)) / a


def tails(a, b, lx, ly):
    """[P(p < x), E[(x - p)+], P(p > x), E[(p - x)+]] for p ~ Beta(a, b), given ln x and ln(1 - x)."""
    x, y = mp.exp(lx), mp.exp(ly)
    m = a / (a + b)
    if x < (a + 1) / (a + b + 2):
        l0 = ibeta(a, b, lx, ly)
        l1 = x * l0 - m * ibeta(a + 1, b, lx, ly)
        return l0, l1, 1 - l0, l1 + (m - x)
    # p > x <=> z = 1 - p < y with z ~ Beta(b, a): E[(p - x)+] = y I_y(b, a) - b/(a+b) I_y(b + 1, a)
    mz = b / (a + b)
    u0 = ibeta(b, a, ly, lx)
    u1 = y * u0 - mz * ibeta(b + 1, a, ly, lx)
    return 1 - u0, u1 + (mz - y), u0, u1


def logit_points(a, b):
    """Where the Beta(a, b) density turns, in s = logit x: mean +- k sd, and decades near each end."""
    m = a / (a + b)
    sd = mp.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    pts = set()
    for k in (0, 2, 6, 16, 40):
        for sg in (-1, 1):
            x = m + sg * k * sd
            if 0 < x < 1:
                pts.add(mp.log(x) - mp.log1p(-x))
    for q in (mp.mpf(10) ** -6, mp.mpf(10) ** -2, 1, 10, 50):
        if q / b < 0.5:
            pts.add(mp.log(q / b))
        if q / a < 0.5:
            pts.add(-mp.log(q / a))
    return pts


def compare_cf(aA, bA, aB, bB):
    """(P(p_B > p_A), E[max(L, 0)] or None when a_A <= 1 (infinite), E[max(-L, 0)], P(p_B < p_A)), in
    25 + log10(a_B + b_B) digits: the partial moments cancel up to log10 of B's parameters."""
    dps = 25 + int(mp.log10(aB + bB)) + 1
    with mp.workdps(dps):
        out = _compare_cf(mp.mpf(aA), mp.mpf(bA), mp.mpf(aB), mp.mpf(bB))
    # mpmath.quad's tolerance is absolute (~10^-dps): a result of 1e-28 would keep no digits at 30. Again with as many
    # more digits as the smallest result is below 1e-10.
    small = min(abs(v) for v in out if v is not None and v != 0)
    if small < mp.mpf(10) ** -10:
        with mp.workdps(dps - int(mp.log10(small)) - 10):
            out = _compare_cf(mp.mpf(aA), mp.mpf(bA), mp.mpf(aB), mp.mpf(bB))
    return out


RULE = "tanh-sinh"


def _compare_cf(aA, bA, aB, bB):
    lBA = lbeta(aA, bA)
    cache = {}

    def at(s):
        if s not in cache:
            lx = -mp.log1p(mp.exp(-s)) if s > -30 else s - mp.log1p(mp.exp(s))
            ly = -mp.log1p(mp.exp(s)) if s < 30 else -s - mp.log1p(mp.exp(-s))
            w = mp.exp(aA * lx + bA * ly - lBA)  # f_A(x) dx/ds = f_A(x) x (1 - x)
            if w == 0:
                cache[s] = (mp.mpf(0),) * 4
            else:
                l0, l1, u0, u1 = tails(aB, bB, lx, ly)
                ix = mp.exp(-lx)
                cache[s] = (w * u0, w * l0, w * l1 * ix, w * u1 * ix)
        return cache[s]

    pts = sorted(logit_points(aA, bA) | logit_points(aB, bB))
    # a parameter e spreads mass like e^(e s) towards its end: points out to 200/e
    lo = [pts[0] - k / min(aA, aB) for k in (3, 10, 30, 100, 200)]
    hi = [pts[-1] + k / min(bA, bB) for k in (3, 10, 30, 100, 200)]
    grid = [-mp.inf] + sorted(lo) + pts + sorted(hi) + [mp.inf]
    win, less, loss, gain = (mp.quad(lambda s, i=i: at(s)[i], grid, method=RULE) for i in range(4))
    return win, (gain if aA > 1 else None), loss, less


def miller_sum(aA, bA, aB, bB):
    """P(p_B > p_A), a_B whole: Evan Miller's sum, every term from mpmath.beta."""
    lb = lbeta(aA, bA)
    return mp.fsum(mp.exp(lbeta(aA + i, bA + bB) - mp.log(bB + i) - lbeta(1 + i, bB) - lb) for i in range(int(aB)))


def compare_miller(aA, bA, aB, bB):
    """The same three values by Evan Miller's sums (a_A and a_B whole, a_A > 1) and the shifted-Beta identities."""
    with mp.workdps(60):
        K = aB / (aB + bB) * (aA + bA - 1) / (aA - 1)
        win = miller_sum(aA, bA, aB, bB)
        win_shift = miller_sum(aA - 1, bA, aB + 1, bB)
        return win, K * win_shift - win, (1 - win) - K * (1 - win_shift)


def ibeta_series(a, b, lx, ly):
    """I_x(a, b) = x^a 2F1(a, 1 - b; a + 1; x) / (a B(a, b)), mpmath.betainc's formula, with a longer term budget."""
    return mp.exp(a * lx - lbeta(a, b)) * mp.hyp2f1(a, 1 - b, a + 1, mp.exp(lx), maxterms=10**6) / a


def tails_betainc(a, b, lx, ly):
    """tails() with I_x(a, b) by the hypergeometric series in place of the continued fraction."""
    x, y = mp.exp(lx), mp.exp(ly)
    m, mz = a / (a + b), b / (a + b)
    if x < (a + 1) / (a + b + 2):
        l0 = ibeta_series(a, b, lx, ly)
        l1 = x * l0 - m * ibeta_series(a + 1, b, lx, ly)
        return l0, l1, 1 - l0, l1 + (m - x)
    u0 = ibeta_series(b, a, ly, lx)
    u1 = y * u0 - mz * ibeta_series(b + 1, a, ly, lx)
    return 1 - u0, u1 + (mz - y), u0, u1


def compare_betainc(aA, bA, aB, bB):
    """The same three values with B's tails by the hypergeometric series and the outer integral by Gauss-Legendre
    (mpmath.quad method="gauss-legendre") in place of the continued fraction and tanh-sinh."""
    global tails, RULE
    cf, rule = tails, RULE
    tails, RULE = tails_betainc, "gauss-legendre"
    try:
        w, g, l, _ = compare_cf(aA, bA, aB, bB)
    finally:
        tails, RULE = cf, rule
    return w, g, l


def rel(x, y):
    return abs(x - y) / abs(y) if y != 0 else abs(x)


# (nc, xc, nv, xv, prior_alpha, prior_beta, second method or None)
TINY = [
    (776755475, 776755475, 3667585, 3667585, 1000, 0.01, None),  # no failures, prior beta 0.01
    (186439506, 186439506, 177819650, 177819650, 1000, 0.01, None),
    (172, 172, 189, 116, 0.001, 0.01, "betainc"),  # P ~ 1.7e-28
    (1000000, 0, 1000000, 3, 0.01, 1, None),  # no conversions, prior alpha 0.01
    (5000, 0, 7000, 0, 0.001, 0.001, "betainc"),  # U-shaped Beta(0.001, 0.001) prior, both arms empty
]
LARGE = [
    (1e9 + 7, 4, 1e9 + 7, 11, 0.5, 0.5, None),
    (1e12, 30, 1e12, 45, 0.5, 0.5, None),
    (1e15, 7, 1e15, 20, 0.5, 0.5, None),
    (1e15, 999, 1e15, 1100, 1, 1, "miller"),
    (4503599627370495, 3, 4503599627370495, 9, 0.5, 0.5, None),  # 2^52 - 1 visitors per arm
    (4503599627370495, 2, 2251799813685247, 5, 1, 1, "miller"),
    (2524513104290413, 0, 3870340239, 0, 0.01, 1.5, None),  # the slowest input of the last session's search
    (3e12, 2999999999990, 3e12, 2999999999985, 1, 1, None),  # few failures: the sum runs over a_B ~ 3e12; CF only
]


def fmt(x):
    return "null" if x is None else repr(float(x))


print("// Generated by tests/functions/reference_values_bayes16_cf.py (mpmath 25 + log10(n) digits: logit-space quadrature with")
print("// continued-fraction tails; `check` is the largest relative disagreement with a second method); do not edit.")
print(
    "export type Bayes16CfCase = { args: number[]; win: number; gain: number | null; loss: number; "
    "check: string | null; disagreement: number | null };"
)
which = sys.argv[1] if len(sys.argv) > 1 else "both"
for name, cases in (("BAYES16_TINY", TINY), ("BAYES16_LARGE", LARGE)):
    if which not in ("both", name):
        continue
    print(f"export const {name}: Bayes16CfCase[] = [")
    for nc, xc, nv, xv, a0, b0, second in cases:
        t0 = time.time()
        aA, bA, aB, bB = (mp.mpf(xc) + a0, mp.mpf(nc) - xc + b0, mp.mpf(xv) + a0, mp.mpf(nv) - xv + b0)
        w, g, l, _ = compare_cf(aA, bA, aB, bB)
        dis = None
        if second is not None:
            try:
                w2, g2, l2 = (compare_miller if second == "miller" else compare_betainc)(aA, bA, aB, bB)
                dis = max(rel(w, w2), rel(l, l2), 0 if g is None else rel(g, g2))
            except mp.libmp.NoConvergence:
                second = f"{second}: no convergence"
        args = ", ".join(str(int(v)) if float(v).is_integer() else repr(float(v)) for v in (nc, xc, nv, xv, a0, b0))
        print(f"{(nc, xc, nv, xv, a0, b0)} {time.time() - t0:.1f} s, {second}: {dis}", file=sys.stderr, flush=True)
        check = "null" if second is None else f'"{second}"'
        print(
            f"  {{ args: [{args}], win: {fmt(w)}, gain: {fmt(g)}, loss: {fmt(l)}, check: {check}, "
            f"disagreement: {fmt(dis)} }},",
            flush=True,
        )
    print("];", flush=True)
