/**
 * The bundles replace five @stdlib modules by the built-ins they pick in any modern engine (webpack.config.js,
 * scripts/stdlib-native/): each stand-in must be exactly what @stdlib itself exports here, so the math is unchanged.
 */
import path from "path";

const NAMES = ["array-float64", "array-uint8", "array-uint16", "array-uint32", "utils-define-property"];

describe("@stdlib built-ins the bundles take directly", () => {
  it.each(NAMES)("@stdlib/%s is the built-in it stands in for", (name) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const stdlib = require(`@stdlib/${name}`) as unknown;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const native = require(path.join(__dirname, "..", "..", "scripts", "stdlib-native", `${name}.js`)) as unknown;
    expect(native).toBe(stdlib);
  });
});
