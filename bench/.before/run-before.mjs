import * as esbuild from 'esbuild';
const root = '/work/main/';
const plugin = { name: 'before', setup(build) {
  build.onResolve({ filter: /^coop-language$/ }, () => ({ path: root + 'bench/.before/language/src/index.ts' }));
  build.onResolve({ filter: /^coop-language\/compat$/ }, () => ({ path: root + 'bench/.before/language/compat/object-group-by.mjs' }));
} };
const common = { bundle: true, platform: 'node', logLevel: 'warning', mainFields: ['module', 'main'], plugins: [plugin] };
await esbuild.build({ ...common, entryPoints: [root + 'bench/bench.ts'], format: 'esm', outfile: '/tmp/ab/bench-before.mjs',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
await esbuild.build({ ...common, entryPoints: [root + 'packages/cli/src/main.ts'], format: 'cjs', outfile: '/tmp/ab/coop-before.cjs', define: { COOP_VERSION: '"before"' } });
console.log('built');
