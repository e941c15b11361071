// Starts and stops a real VS Code (code-server) for one test run, with a fresh state folder so that nothing from an
// earlier run (settings, hot-exit buffers, trust decisions) leaks into this one.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';

/** Settings that keep code-server quiet and offline, merged under the test's own settings. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'editor.hover.delay': 100,
  'window.restoreWindows': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'editor.stickyScroll.enabled': false,
  'editor.minimap.enabled': false,
};

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * One code-server instance. `home` is the fresh state folder: HOME and every XDG folder point into it.
 * `codeServerBin` is node_modules/.bin/code-server of an install made with Node 24; `nodeBin` is that Node's bin folder.
 */
export class CodeServer {
  constructor({ codeServerBin, nodeBin, home, port, workspaceTrust = false }) {
    this.codeServerBin = codeServerBin;
    this.workspaceTrust = workspaceTrust;
    this.home = home;
    this.port = port;
    this.userDataDir = path.join(home, 'user-data');
    this.extensionsDir = path.join(home, 'extensions');
    this.configFile = path.join(home, 'config.yaml');
    this.logFile = path.join(home, 'code-server.log');
    mkdirSync(path.join(this.userDataDir, 'User'), { recursive: true });
    mkdirSync(this.extensionsDir, { recursive: true });
    writeFileSync(this.configFile, '');
    this.env = {
      ...process.env,
      PATH: `${nodeBin}:${process.env.PATH}`,
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, 'config'),
      XDG_DATA_HOME: path.join(home, 'data'),
      XDG_CACHE_HOME: path.join(home, 'cache'),
      XDG_STATE_HOME: path.join(home, 'state'),
      EXTENSIONS_GALLERY: '{}',
    };
    this.process = undefined;
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  commonArgs() {
    return [
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      ...(this.workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--user-data-dir', this.userDataDir,
      '--extensions-dir', this.extensionsDir,
      '--config', this.configFile,
    ];
  }

  writeUserSettings(settings) {
    writeFileSync(
      path.join(this.userDataDir, 'User', 'settings.json'),
      JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2),
    );
  }

  installExtension(vsix) {
    const result = spawnSync(this.codeServerBin, [...this.commonArgs(), '--install-extension', vsix], {
      env: this.env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (result.status !== 0) {
      throw new Error(`code-server --install-extension failed (${result.status}): ${result.stderr || result.stdout}`);
    }
  }

  async start(timeoutMs = 60_000) {
    const log = openSync(this.logFile, 'a');
    // detached: the server gets its own process group, so that stop() also ends its file watchers and extension hosts.
    this.process = spawn(this.codeServerBin, [...this.commonArgs(), '--bind-addr', `127.0.0.1:${this.port}`], {
      env: this.env,
      detached: true,
      stdio: ['ignore', log, log],
    });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.process.exitCode !== null) {
        throw new Error(`code-server exited with ${this.process.exitCode}; see ${this.logFile}`);
      }
      try {
        const response = await fetch(`${this.url}/healthz`);
        if (response.ok) {
          return;
        }
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms; see ${this.logFile}`);
  }

  async stop() {
    const child = this.process;
    this.process = undefined;
    if (child === undefined || child.exitCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
    // Children that outlived the main process (watchers) share its group.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Nothing left.
    }
  }
}
