import * as esbuild from 'esbuild';
const root = '/work/main/';
const snap = root + 'bench/.snap/language/';
const plugin = { name: 'snap', setup(build) {
  build.onResolve({ filter: /^coop-language$/ }, () => ({ path: snap + 'src/index.ts' }));
  build.onResolve({ filter: /^coop-language\/compat$/ }, () => ({ path: snap + 'compat/object-group-by.mjs' }));
  build.onResolve({ filter: /packages\/language\/src\// }, args => ({ path: snap + 'src/' + args.path.split('packages/language/src/')[1].replace(/\.js$/, '.ts') }));
} };
const common = { bundle: true, platform: 'node', logLevel: 'warning', mainFields: ['module', 'main'], plugins: [plugin] };
await esbuild.build({ ...common, entryPoints: [root + 'bench/bench.ts'], format: 'esm', outfile: '/tmp/ab/bench-snap.mjs',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
await esbuild.build({ ...common, entryPoints: [root + 'packages/cli/src/main.ts'], format: 'cjs', target: 'node20', outfile: '/tmp/ab/coop-snap.cjs', define: { COOP_VERSION: '"snapshot"' } });
console.log('built');
