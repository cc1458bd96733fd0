// Preloaded into the CLI by bench/bench.ts (NODE_OPTIONS=--require): on exit, writes the process's
// resource usage (CPU time, peak RSS) to the file named by COOP_BENCH_USAGE. Nothing else changes.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
    const file = process.env.COOP_BENCH_USAGE;
    if (file) writeFileSync(file, JSON.stringify(process.resourceUsage()));
});
