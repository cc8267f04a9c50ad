/**
 * Deployment as in Microsoft's templates (urlDev → urlProd): a production build given ADDIN_URL rewrites the
 * development origin in the manifest and the help URLs, and dist/ holds only what Excel loads.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { buildAddin } from "../helpers/build";

const URL_PROD = "https://addins.example.com/growth-signals";

describe("production build with ADDIN_URL", () => {
  let dir = "";

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "gs-dist-prod-"));
    await buildAddin(dir, { ADDIN_URL: URL_PROD });
  }, 240_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const read = (f: string) => fs.readFileSync(path.join(dir, f), "utf8");

  it("points every manifest URL at the production URL", () => {
    const manifest = read("manifest.xml");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain(`<SourceLocation DefaultValue="${URL_PROD}/taskpane.html"/>`);
    expect(manifest).toContain(`<AppDomain>${URL_PROD}</AppDomain>`);
  });

  it("points every function's help URL at the production reference page", () => {
    for (const f of ["functions.json", "functions.zh-CN.json"]) {
      const fns = JSON.parse(read(f)).functions as { id: string; helpUrl: string }[];
      expect(fns.length).toBeGreaterThan(10);
      for (const fn of fns) expect(fn.helpUrl).toBe(`${URL_PROD}/functions-reference.html#${fn.id}`);
    }
    expect(read("functions-reference.html")).not.toContain("localhost:3000");
  });

  it("ships neither the simulated host nor the preview page", () => {
    const files = fs.readdirSync(dir);
    expect(files).toEqual(expect.arrayContaining(["taskpane.html", "taskpane.js", "functions.js", "manifest.xml"]));
    expect(files.filter((f) => /office-sim|preview/.test(f))).toEqual([]);
  });
});
