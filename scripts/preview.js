#!/usr/bin/env node
/**
 * `npm run preview`: serves the preview build (build/preview/: the add-in plus the simulated host) on http://localhost:PORT (default 3000) so anyone can try the
 * task pane in a browser without Excel. /preview.html shows the simulated workbook as a grid next to the real pane.
 * In taskpane.html the Office.js CDN script is replaced by the simulated host bundle (office-sim.js), so nothing is
 * fetched from the network. No dependencies beyond Node itself.
 */
const fs = require("fs");
const http = require("http");
const path = require("path");
const { URL } = require("url");
const { Buffer } = require("buffer");

const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

/**
 * A static file server for `root`. With `simulateOffice`, HTML pages load office-sim.js in place of Office.js.
 * Only GET/HEAD, only files inside root.
 */
function createStaticServer(root, { simulateOffice = false } = {}) {
  const base = path.resolve(root);
  return http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url || "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end("Bad request");
      return;
    }
    if (pathname === "/") {
      res.writeHead(302, { Location: "/preview.html" }).end();
      return;
    }
    const file = path.resolve(base, "." + pathname);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end("Forbidden");
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
        return;
      }
      const ext = path.extname(file).toLowerCase();
      let body = data;
      if (simulateOffice && ext === ".html")
        body = Buffer.from(data.toString("utf8").split(OFFICE_CDN).join("office-sim.js"));
      res.writeHead(200, {
        "Content-Type": TYPES[ext] || "application/octet-stream",
        "Content-Length": body.length,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    });
  });
}

module.exports = { createStaticServer, OFFICE_CDN };

if (require.main === module) {
  const root = path.join(__dirname, "..", "build", "preview");
  if (!fs.existsSync(path.join(root, "preview.html"))) {
    console.error("build/preview/preview.html is missing: run `npm run build:preview` first (or `npm run preview`).");
    process.exit(1);
  }
  const port = Number(process.env.PORT || 3000);
  const server = createStaticServer(root, { simulateOffice: true });
  server.on("error", (e) => {
    console.error(e.code === "EADDRINUSE" ? `Port ${port} is in use; try PORT=3001 npm run preview.` : e.message);
    process.exit(1);
  });
  server.listen(port, "127.0.0.1", () => {
    console.log(`Growth Signals preview: http://localhost:${port}/preview.html  (Ctrl+C to stop)`);
  });
}
