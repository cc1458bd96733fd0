// Entry point of the `coop` command (bundled to packages/cli/dist/coop.cjs by scripts/bundle.mjs).
// The same bundle is the script of the validation threads (validate.ts): started as a worker with
// a validation task, it validates and posts the reports instead of running the command line.
import 'coop-language/compat';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { run } from './program.js';
import { runValidationWorker, setWorkerEntry } from './validate.js';

if (!isMainThread && parentPort && (workerData as { coopValidateWorker?: boolean } | undefined)?.coopValidateWorker) {
    runValidationWorker(parentPort);
} else {
    // In the bundle (CommonJS) __filename is the bundle itself: the validation threads run it.
    setWorkerEntry(typeof __filename === 'string' ? __filename : undefined);

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
}
