/**
 * The colour-blind-safe palette stays distinguishable for deuteranopes and protanopes; the seed palette stays the
 * default. Simulation: Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of Color
 * Vision Deficiency", IEEE TVCG 15(6), severity 1.0 matrices (as tabulated in colour-science's
 * CVD_MATRICES_MACHADO2010), applied to linear sRGB. Difference: CIEDE2000 (Sharma, Wu & Dalal 2005) in CIELAB D65.
 * Criterion: every pair of the three fills differs by ΔE00 ≥ 10 under normal vision and under both simulations
 * (ΔE00 ≈ 1 is a just-noticeable difference side by side; 10 keeps cells apart at a glance across a sheet).
 */
import { DEFAULT_FILLS, PALETTES, WARNING_COLOURS, paletteOf, type WarningColour } from "../../src/core/colours";
import { DEFAULT_CONFIG, validateConfig } from "../../src/core/rules/config";

type Vec = [number, number, number];
type Mat = [Vec, Vec, Vec];

const PROTANOPIA: Mat = [
  [0.152286, 1.052583, -0.204868],
  [0.114503, 0.786281, 0.099216],
  [-0.003882, -0.048116, 1.051998],
];
const DEUTERANOPIA: Mat = [
  [0.367322, 0.860646, -0.227968],
  [0.280085, 0.672501, 0.047413],
  [-0.01182, 0.04294, 0.968881],
];

/** sRGB hex → linear RGB (IEC 61966-2-1). */
function linear(hex: string): Vec {
  return [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Vec;
}

function simulate(m: Mat | null, v: Vec): Vec {
  if (!m) return v;
  return m.map((r) => Math.min(1, Math.max(0, r[0] * v[0] + r[1] * v[1] + r[2] * v[2]))) as Vec;
}

/** Linear sRGB → CIELAB (D65 white, 2°). */
function lab([r, g, b]: Vec): Vec {
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIEDE2000 colour difference (Sharma, Wu & Dalal 2005, equations 1–17). */
function deltaE00([L1, a1, b1]: Vec, [L2, a2, b2]: Vec): number {
  const rad = Math.PI / 180;
  const cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(cBar ** 7 / (cBar ** 7 + 25 ** 7)));
  const a1p = (1 + g) * a1;
  const a2p = (1 + g) * a2;
  const c1 = Math.hypot(a1p, b1);
  const c2 = Math.hypot(a2p, b2);
  const hue = (a: number, b: number) => (a === 0 && b === 0 ? 0 : (Math.atan2(b, a) / rad + 360) % 360);
  const h1 = hue(a1p, b1);
  const h2 = hue(a2p, b2);
  let dh = 0;
  if (c1 * c2 !== 0) {
    dh = h2 - h1;
    if (dh > 180) dh -= 360;
    else if (dh < -180) dh += 360;
  }
  const dH = 2 * Math.sqrt(c1 * c2) * Math.sin((dh / 2) * rad);
  const lBar = (L1 + L2) / 2;
  const cBarP = (c1 + c2) / 2;
  let hBar = h1 + h2;
  if (c1 * c2 !== 0) {
    if (Math.abs(h1 - h2) > 180) hBar += hBar < 360 ? 360 : -360;
    hBar /= 2;
  }
  const t =
    1 -
    0.17 * Math.cos((hBar - 30) * rad) +
    0.24 * Math.cos(2 * hBar * rad) +
    0.32 * Math.cos((3 * hBar + 6) * rad) -
    0.2 * Math.cos((4 * hBar - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hBar - 275) / 25) ** 2));
  const rc = 2 * Math.sqrt(cBarP ** 7 / (cBarP ** 7 + 25 ** 7));
  const sl = 1 + (0.015 * (lBar - 50) ** 2) / Math.sqrt(20 + (lBar - 50) ** 2);
  const sc = 1 + 0.045 * cBarP;
  const sh = 1 + 0.015 * cBarP * t;
  const rt = -Math.sin(2 * dTheta * rad) * rc;
  const dL = L2 - L1;
  const dC = c2 - c1;
  return Math.sqrt((dL / sl) ** 2 + (dC / sc) ** 2 + (dH / sh) ** 2 + rt * (dC / sc) * (dH / sh));
}

/** The smallest ΔE00 between two of the three fills, as seen with matrix `m` (null: normal vision). */
function closestPair(fills: Readonly<Record<WarningColour, string>>, m: Mat | null): number {
  const seen = WARNING_COLOURS.map((c) => lab(simulate(m, linear(fills[c]))));
  let min = Infinity;
  for (let i = 0; i < seen.length; i++)
    for (let j = i + 1; j < seen.length; j++) min = Math.min(min, deltaE00(seen[i], seen[j]));
  return min;
}

const MIN_DELTA_E = 10;

describe("colour-blind-safe palette", () => {
  it("computes CIEDE2000 as Sharma, Wu & Dalal's published test pairs", () => {
    // Sharma et al. 2005, Table 1, pairs 1, 7 and 17.
    expect(deltaE00([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE00([50, 0, 0], [50, -1, 2])).toBeCloseTo(2.3669, 4);
    expect(deltaE00([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
  });

  it("keeps every pair of the Okabe–Ito preset ΔE00 ≥ 10 under deuteranopia and protanopia", () => {
    const fills = PALETTES["okabe-ito"];
    for (const [name, m] of [
      ["normal", null],
      ["deuteranopia", DEUTERANOPIA],
      ["protanopia", PROTANOPIA],
    ] as const) {
      expect({ name, ok: closestPair(fills, m) >= MIN_DELTA_E }).toEqual({ name, ok: true });
    }
  });

  it("records why the preset exists: the seed's red and orange come within ΔE00 10 for deuteranopes", () => {
    expect(closestPair(DEFAULT_FILLS, DEUTERANOPIA)).toBeLessThan(MIN_DELTA_E);
  });

  it("keeps the seed palette the default and recognises each preset", () => {
    expect(DEFAULT_CONFIG.fills).toEqual(DEFAULT_FILLS);
    expect(paletteOf(DEFAULT_FILLS)).toBe("seed");
    expect(paletteOf({ red: "#d55e00", orange: "#e69f00", yellow: "#f0e442" })).toBe("okabe-ito");
    expect(paletteOf({ ...DEFAULT_FILLS, red: "#000000" })).toBeNull();
  });

  it('takes "palette" in a config file; explicit fills beside it refine the preset', () => {
    expect(validateConfig({ palette: "okabe-ito" })).toEqual({
      config: { ...DEFAULT_CONFIG, fills: { ...PALETTES["okabe-ito"] } },
      errors: [],
    });
    const mixed = validateConfig({ fills: { red: "#112233" }, palette: "okabe-ito" });
    expect(mixed.config.fills).toEqual({ ...PALETTES["okabe-ito"], red: "#112233" });
    const bad = validateConfig({ palette: "rainbow" });
    expect(bad.config.fills).toEqual(DEFAULT_FILLS);
    expect(bad.errors.map((e) => e.field)).toEqual(["palette"]);
  });
});
