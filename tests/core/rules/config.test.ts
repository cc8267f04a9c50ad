import { DEFAULT_CONFIG, validateConfig } from "../../../src/core/rules/config";

describe("default thresholds", () => {
  it("are the seed article's", () => {
    expect(DEFAULT_CONFIG).toEqual({
      roiBenchmark: 1.5,
      roiRunLength: 3,
      complaintRateMax: 0.01,
      trafficDropRatio: 0.3,
      trafficWindow: 7,
      // issue 12: the traffic baseline knows weekly rhythms by default
      trafficBaseline: "auto",
      complaintEvidence: "rate",
      repurchaseDeclineWeeks: 2,
      // issue 18: a red repurchase decline needs evidence that it is not sampling noise
      repurchaseEvidence: "test",
      repurchaseSignificance: 0.001,
      repurchaseMinDrop: 0.03,
      ltvCacMin: 1.5,
      ltvCacWeeks: 2,
      fills: { yellow: "#FFD966", orange: "#F4B183", red: "#FF7C80" },
    });
  });
});

describe("validateConfig", () => {
  it("fills missing fields with the defaults", () => {
    expect(validateConfig(undefined)).toEqual({ config: DEFAULT_CONFIG, errors: [] });
    expect(validateConfig({})).toEqual({ config: DEFAULT_CONFIG, errors: [] });
    const { config, errors } = validateConfig({ roiBenchmark: 2, fills: { red: "#ff0000" } });
    expect(errors).toEqual([]);
    expect(config).toEqual({ ...DEFAULT_CONFIG, roiBenchmark: 2, fills: { ...DEFAULT_CONFIG.fills, red: "#FF0000" } });
  });

  it("accepts numbers typed as text, as a form gives them", () => {
    expect(validateConfig({ ltvCacMin: " 1.8 ", roiRunLength: "4" }).config).toMatchObject({
      ltvCacMin: 1.8,
      roiRunLength: 4,
    });
  });

  it.each([
    ["roiBenchmark", 0, "greater than 0"],
    ["roiBenchmark", "abc", "ROI benchmark"],
    ["roiBenchmark", Infinity, "number"],
    ["roiBenchmark", NaN, "number"],
    ["roiRunLength", 2.5, "whole number"],
    ["roiRunLength", 0, "at least 1"],
    ["complaintRateMax", 1, "0.01 = 1%"],
    ["complaintRateMax", -0.01, "at least 0"],
    ["trafficDropRatio", 30, "0.3 = a 30% drop"],
    ["trafficWindow", 0, "at least 1"],
    ["repurchaseDeclineWeeks", 1.5, "whole number"],
    ["repurchaseSignificance", 0, "greater than 0"],
    ["repurchaseSignificance", 1, "0.001 = 0.1%"],
    ["repurchaseMinDrop", 3, "0.03 = 3% lower than the week before"],
    ["repurchaseEvidence", "t-test", '"test", "drop", "none"'],
    ["ltvCacWeeks", "two", "LTV/CAC"],
    ["ltvCacMin", null, "LTV/CAC minimum"],
  ])("rejects %s = %p with a message in English and Chinese, keeping the default", (field, value, words) => {
    const { config, errors } = validateConfig({ [field]: value });
    expect(errors).toHaveLength(1);
    expect(errors[0].field).toBe(field);
    expect(errors[0].message.en).toContain(words);
    expect(errors[0].message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(config[field as keyof typeof config]).toEqual(DEFAULT_CONFIG[field as keyof typeof DEFAULT_CONFIG]);
  });

  it("takes the repurchase evidence settings from a --config file (issue 18)", () => {
    const { config, errors } = validateConfig({
      repurchaseEvidence: "drop",
      repurchaseMinDrop: "0.05",
      repurchaseSignificance: 0.01,
    });
    expect(errors).toEqual([]);
    expect(config).toMatchObject({ repurchaseEvidence: "drop", repurchaseMinDrop: 0.05, repurchaseSignificance: 0.01 });
  });

  it("accepts a run length of 1 (any single period)", () => {
    expect(validateConfig({ roiRunLength: 1, ltvCacWeeks: 1 }).errors).toEqual([]);
  });

  it("checks colours are written #RRGGBB", () => {
    const { config, errors } = validateConfig({
      fills: { red: "red", yellow: "#12345", orange: "abcdef", pink: "#FFFFFF" },
    });
    expect(errors.map((e) => e.field)).toEqual(["fills.red", "fills.yellow", "fills.pink"]);
    expect(errors[0].message.en).toContain("#RRGGBB");
    expect(config.fills).toEqual({ red: "#FF7C80", yellow: "#FFD966", orange: "#ABCDEF" });
    expect(validateConfig({ fills: "red" }).errors[0].field).toBe("fills");
  });

  it("reports unknown settings (typos) but not $schema", () => {
    const { errors } = validateConfig({ roiBenchmrk: 2, $schema: "x" });
    expect(errors.map((e) => e.field)).toEqual(["roiBenchmrk"]);
    expect(errors[0].message.en).toContain("roiBenchmark");
  });

  it("rejects settings that are not an object", () => {
    for (const bad of [42, "x", [1, 2], true]) {
      const { config, errors } = validateConfig(bad);
      expect(errors[0].field).toBe("");
      expect(config).toEqual(DEFAULT_CONFIG);
    }
  });

  it("never changes the defaults", () => {
    const { config } = validateConfig({ fills: { red: "#000000" } });
    config.fills.yellow = "#000000";
    expect(DEFAULT_CONFIG.fills.red).toBe("#FF7C80");
    expect(DEFAULT_CONFIG.fills.yellow).toBe("#FFD966");
  });
});
