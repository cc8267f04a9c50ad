/**
 * The short seeded fuzz budget of issue 15 §2 (the long one: npm run fuzz). 40 mutated real workbooks through the
 * command line, each in a child process with a limit of 20 s of CPU time and 512 MB: every case is a clean refusal (one sentence,
 * exit 1, no file) or a success whose written parts are well-formed, schema-valid and correctly typed, within the
 * 5 s target. A failing case is reproduced with `npm run fuzz -- --seed 15 --from <id> --cases 1`.
 */
import { fuzz, refusalProblem } from "./harness";

const SEED = 15;
const CASES = 40;

test(`${CASES} seeded cases: every one a clean refusal or a valid success`, async () => {
  const summary = await fuzz({ seed: SEED, cases: CASES, jobs: 1, timeoutMs: 20_000, memoryMB: 512 });
  const c = summary.counts;
  console.log(
    `fuzz seed ${SEED}: ${summary.results.length} cases, ${c.refusal} refusals, ${c.success} successes, ` +
      `${summary.failures.length} failures; memory peak ${summary.peakMB} MB, slowest ${summary.slowestMs} ms`,
  );
  expect(summary.failures.map((f) => `#${f.id} ${f.outcome} [${f.kind}: ${f.note}]: ${f.detail}`)).toEqual([]);
  // the budget reaches both outcomes (a harness that only ever refused would prove nothing)
  expect(c.refusal).toBeGreaterThan(10);
  expect(c.success).toBeGreaterThan(10);
  expect(summary.peakMB).toBeLessThanOrEqual(512);
}, 180_000);

describe("the harness can fail", () => {
  it("calls library wording, stack traces and several lines a bad refusal", () => {
    expect(
      refusalProblem("growth-signals: x.xlsx is a damaged .xlsx file (its zip structure cannot be read).\n"),
    ).toBeNull();
    expect(refusalProblem("growth-signals: unexpected error (Invalid code point 1114112). Run with …\n")).toMatch(
      /unexpected/,
    );
    expect(refusalProblem("growth-signals: x.xlsx: Corrupted zip or bug: unexpected signature.\n")).toMatch(/library/);
    expect(refusalProblem("growth-signals: one.\nat Object.<anonymous>\n")).toMatch(/2 lines/);
    expect(refusalProblem("Error: boom\n")).toMatch(/form/);
  });
});
