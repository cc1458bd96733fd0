// Entry point of the `coop` command (bundled to packages/cli/dist/coop.cjs by scripts/bundle.mjs).
import 'coop-language/compat';
import { run } from './program.js';

// A reader that stops early (`coop rules | head`) is not an error: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw error;
    });
}

run(process.argv.slice(2), {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text)
}).then(code => {
    process.exitCode = code;
});
