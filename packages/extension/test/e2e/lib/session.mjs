// One editor session for the e2e drivers: a code-server (VS Code 1.100 server + workbench) on a
// free loopback port with throw-away profile folders, and a headless Chromium page on it, driven
// by playwright-core. Everything it starts is stopped by `close()`, which the drivers call in a
// `finally` and on SIGINT/SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVER_START_MS = 30_000;
const STOP_MS = 5_000;

/** Time since the session was created, for the logs. */
function since(start) {
    return `${((Date.now() - start) / 1000).toFixed(1)} s`;
}

export class EditorSession {
    /**
     * @param {{ codeServer: string; playwrightCore: string; chromium: string }} tools
     * @param {{ log?: (line: string) => void; keep?: boolean }} [options]
     */
    constructor(tools, options = {}) {
        this.tools = tools;
        this.log = options.log ?? (line => console.log(line));
        this.keep = options.keep ?? false;
        this.start = Date.now();
        // Short base path: code-server puts a unix socket in the user-data-dir (limit ~108 bytes).
        this.base = mkdtempSync(join(tmpdir(), 'coop-e2e-'));
        this.dirs = {
            userData: join(this.base, 'u'),
            extensions: join(this.base, 'x'),
            config: join(this.base, 'cfg'),
            data: join(this.base, 'data'),
            cache: join(this.base, 'cache'),
            workspace: join(this.base, 'ws')
        };
        Object.values(this.dirs).forEach(dir => mkdirSync(dir, { recursive: true }));
        // Nothing in the user's home: code-server, VS Code and Chromium all follow XDG_*.
        this.env = {
            ...process.env,
            XDG_CONFIG_HOME: this.dirs.config,
            XDG_DATA_HOME: this.dirs.data,
            XDG_CACHE_HOME: this.dirs.cache
        };
        /** @type {import('node:child_process').ChildProcess | undefined} */
        this.server = undefined;
        this.serverOutput = [];
        this.browser = undefined;
        this.page = undefined;
        this.port = undefined;
        this.closed = false;
    }

    elapsed() {
        return since(this.start);
    }

    /** User settings of the profile: a quiet workbench, nothing to click away. */
    writeUserSettings(extra = {}) {
        const dir = join(this.dirs.userData, 'User');
        mkdirSync(dir, { recursive: true });
        const settings = {
            'workbench.startupEditor': 'none',
            'workbench.tips.enabled': false,
            'workbench.enableExperiments': false,
            'security.workspace.trust.enabled': false,
            'telemetry.telemetryLevel': 'off',
            'extensions.autoCheckUpdates': false,
            'extensions.autoUpdate': false,
            'extensions.ignoreRecommendations': true,
            'update.mode': 'none',
            'chat.disableAIFeatures': true,
            'git.enabled': false,
            'editor.minimap.enabled': false,
            'window.commandCenter': false,
            // The web workbench saves after a delay by default (the desktop does not): tests that
            // edit a file then revert it would otherwise leave it changed on disk.
            'files.autoSave': 'off',
            ...extra
        };
        writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
    }

    codeServerArgs() {
        return [
            this.tools.codeServer,
            '--auth', 'none',
            '--disable-telemetry',
            '--disable-update-check',
            '--disable-workspace-trust',
            '--disable-getting-started-override',
            '--config', join(this.dirs.config, 'code-server.yaml'),
            '--user-data-dir', this.dirs.userData,
            '--extensions-dir', this.dirs.extensions
        ];
    }

    /** Runs a code-server command to completion (e.g. --install-extension). */
    runCodeServer(args, timeoutMs = 60_000) {
        const result = spawnSync(process.execPath, [...this.codeServerArgs(), ...args], { env: this.env, encoding: 'utf8', timeout: timeoutMs });
        if (result.error) throw result.error;
        if (result.status !== 0) throw new Error(`code-server ${args.join(' ')} exited with ${result.status}:\n${result.stdout}\n${result.stderr}`);
        return result.stdout;
    }

    /**
     * Starts the server on 127.0.0.1 with a port chosen by the system; resolves with the port
     * once it listens.
     * @param {Record<string, string>} env extra environment (reaches the extension host)
     */
    async startServer(env = {}) {
        const server = spawn(process.execPath, [...this.codeServerArgs(), '--bind-addr', '127.0.0.1:0', this.dirs.workspace], {
            env: { ...this.env, ...env },
            stdio: ['ignore', 'pipe', 'pipe'],
            // Own process group: close() stops the extension host and the language server with it.
            detached: true
        });
        this.server = server;
        const port = await new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`code-server did not listen within ${SERVER_START_MS} ms:\n${this.serverOutput.join('')}`)), SERVER_START_MS);
            const onData = chunk => {
                const text = chunk.toString();
                this.serverOutput.push(text);
                const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(this.serverOutput.join(''));
                if (match) {
                    clearTimeout(timer);
                    resolve(Number(match[1]));
                }
            };
            server.stdout.on('data', onData);
            server.stderr.on('data', onData);
            server.once('exit', code => {
                clearTimeout(timer);
                reject(new Error(`code-server exited (${code}) before listening:\n${this.serverOutput.join('')}`));
            });
        });
        this.port = port;
        this.log(`e2e: code-server ${port} prêt (${this.elapsed()})`);
        return port;
    }

    /** `vscode-remote://` URI of a path on this machine, as the workbench sees it. */
    remoteUri(path) {
        return `vscode-remote://127.0.0.1:${this.port}${path}`;
    }

    workbenchUrl(payload) {
        const url = new URL(`http://127.0.0.1:${this.port}/`);
        url.searchParams.set('folder', this.dirs.workspace);
        if (payload) url.searchParams.set('payload', JSON.stringify(payload));
        return url.toString();
    }

    /** Launches headless Chromium and opens a page (not yet navigated). */
    async openPage() {
        const require = createRequire(join(this.tools.playwrightCore, 'package.json'));
        const { chromium } = require('playwright-core');
        this.browser = await chromium.launch({
            executablePath: this.tools.chromium,
            headless: true,
            env: this.env,
            timeout: 30_000,
            args: ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--lang=en-US']
        });
        this.page = await this.browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
        this.page.setDefaultTimeout(30_000);
        // code-server registers its own service worker (an offline-app helper, scope `/`). Its
        // webviews are served from the workbench's origin, so that worker can end up controlling
        // a webview's frame instead of the webview's resource worker: the webview then waits for
        // a controller change (« Found unexpected service worker controller ») and its page's
        // scripts never load. The desktop editor has no such worker; keep it out.
        await this.page.addInitScript(() => {
            const container = navigator.serviceWorker;
            if (!container) return;
            const register = container.register.bind(container);
            container.register = (url, options) => String(url).includes('/_static/out/browser/serviceWorker.js')
                ? Promise.reject(new Error('code-server service worker disabled by the e2e driver'))
                : register(url, options);
        });
        return this.page;
    }

    /** Stops the browser and the server (whole process group), then removes the temporary folders. */
    async close() {
        if (this.closed) return;
        this.closed = true;
        if (this.browser) {
            await Promise.race([this.browser.close().catch(() => undefined), new Promise(resolve => setTimeout(resolve, STOP_MS))]);
        }
        const server = this.server;
        if (server && server.exitCode === null && server.signalCode === null) {
            const exited = new Promise(resolve => server.once('exit', resolve));
            killGroup(server.pid, 'SIGTERM');
            const timer = setTimeout(() => killGroup(server.pid, 'SIGKILL'), STOP_MS);
            await Promise.race([exited, new Promise(resolve => setTimeout(resolve, STOP_MS + 1_000))]);
            clearTimeout(timer);
        }
        // Children that outlive their parent (file watcher…) are still in the group.
        if (server?.pid) killGroup(server.pid, 'SIGKILL');
        if (this.keep) this.log(`e2e: dossiers conservés dans ${this.base}`);
        else rmSync(this.base, { recursive: true, force: true, maxRetries: 3 });
    }
}

function killGroup(pid, signal) {
    if (!pid) return;
    try {
        process.kill(-pid, signal);
    } catch {
        // Already gone.
    }
}
