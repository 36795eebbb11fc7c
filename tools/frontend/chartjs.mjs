// npm run chartjs: copies Chart.js (the version in package-lock.json) and its licence into
// src/Almelo.Perspectief.Web/wwwroot/lib/chart.js/, where the site serves it. Run it after upgrading chart.js here
// (npm install chart.js@VERSION) and commit both; a test checks that the copy is the version in package-lock.json.
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const source = path.join(here, "node_modules", "chart.js");
const target = path.resolve(here, "..", "..", "src", "Almelo.Perspectief.Web", "wwwroot", "lib", "chart.js");

await mkdir(target, { recursive: true });
await copyFile(path.join(source, "dist", "chart.umd.min.js"), path.join(target, "chart.umd.min.js"));
await copyFile(path.join(source, "LICENSE.md"), path.join(target, "LICENSE.md"));
console.log(`Copied Chart.js to ${path.relative(path.resolve(here, "..", ".."), target)}.`);
