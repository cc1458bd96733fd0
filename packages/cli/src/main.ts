// Entry point of the `coop` command (bundled to packages/cli/dist/coop.cjs by scripts/bundle.mjs).
import 'coop-language/compat';
import { run } from './program.js';

run(process.argv.slice(2), {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text)
}).then(code => {
    process.exitCode = code;
});
