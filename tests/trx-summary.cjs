// Prints, from the TRX files in the folder given as the first argument, the 15 slowest tests and then every test
// that did not pass with the first lines of its message and stack trace, so that a CI log cut to its last lines
// still names the failure.
const fs = require("node:fs");
const path = require("node:path");

const folder = process.argv[2];
const decode = (text) =>
  text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#xD;/g, "").replace(/&#xA;/g, "\n").replace(/&amp;/g, "&");
const attribute = (tag, name) => decode((tag.match(new RegExp(` ${name}="([^"]*)"`)) ?? [])[1] ?? "");
const element = (xml, name) => decode((xml.match(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`)) ?? [])[1] ?? "");

const results = [];
for (const file of fs.readdirSync(folder).filter((name) => name.endsWith(".trx"))) {
  const xml = fs.readFileSync(path.join(folder, file), "utf8");
  for (const match of xml.matchAll(/<UnitTestResult\b([^>]*?)(\/>|>([\s\S]*?)<\/UnitTestResult>)/g)) {
    const [h, m, s] = attribute(match[1], "duration").split(":").map(Number);
    results.push({
      name: attribute(match[1], "testName"),
      outcome: attribute(match[1], "outcome"),
      seconds: (h || 0) * 3600 + (m || 0) * 60 + (s || 0),
      message: element(match[3] ?? "", "Message"),
      stack: element(match[3] ?? "", "StackTrace"),
    });
  }
}

console.log("The 15 slowest tests:");
for (const result of [...results].sort((a, b) => b.seconds - a.seconds).slice(0, 15)) {
  console.log(`${result.seconds.toFixed(1).padStart(8)} s  ${result.name}`);
}

const failures = results.filter((result) => !["Passed", "NotExecuted"].includes(result.outcome));
if (failures.length > 0) {
  console.log(`Did not pass (${failures.length}):`);
  for (const failure of failures) {
    console.log(`  ${failure.outcome}: ${failure.name} after ${failure.seconds.toFixed(1)} s`);
    const lines = `${failure.message}\n${failure.stack}`.split("\n").map((line) => line.trimEnd()).filter(Boolean);
    for (const line of lines.slice(0, 12)) {
      console.log(`    ${line}`);
    }
  }
}
