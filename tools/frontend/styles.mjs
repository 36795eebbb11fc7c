// npm run styles: writes the MudBlazor rules the site's components can use (PurgeCSS, purgecss.config.cjs) to
// src/Almelo.Perspectief.Web/Styles/mudblazor.used.css, from the stylesheet in the MudBlazor package that
// Directory.Packages.props names. Run it after a MudBlazor upgrade and after using a MudBlazor component or class the
// site did not use before; commit the result. Needs the package restored (dotnet restore or build) first.
import { readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PurgeCSS } from "purgecss";
import config from "./purgecss.config.cjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const web = path.join(root, "src", "Almelo.Perspectief.Web");
const target = path.join(web, "Styles", "mudblazor.used.css");

const props = await readFile(path.join(root, "Directory.Packages.props"), "utf8");
const version = /<PackageVersion Include="MudBlazor" Version="([^"]+)"/.exec(props)?.[1];
if (!version) {
  console.error("Directory.Packages.props names no MudBlazor version.");
  process.exit(1);
}
const packages = process.env.NUGET_PACKAGES ?? path.join(homedir(), ".nuget", "packages");
const source = path.join(packages, "mudblazor", version.toLowerCase(), "staticwebassets", "MudBlazor.min.css");
if (!existsSync(source)) {
  console.error(`MudBlazor ${version}'s stylesheet is not at ${source}: run "dotnet restore" in the repository first.`);
  process.exit(1);
}

// The content globs are relative to the web project.
process.chdir(web);
const [result] = await new PurgeCSS().purge({ ...config, css: [source] });
// The first line names the version, so that a test notices when MudBlazor is upgraded without running this again.
const header = `/* MudBlazor ${version}: the rules the site uses, written by tools/frontend (npm run styles). Do not edit. */\n`;
await writeFile(target, header + result.css.replace(/^\uFEFF/, "") + "\n");
console.log(`Wrote ${path.relative(root, target)} (${Buffer.byteLength(result.css)} bytes of MudBlazor ${version}).`);
