import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, chmod, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  checkServerExecutable,
  describeStartFailure,
  resolveServerLocation,
  serverStartError,
  unsupportedPlatformError,
} from '../../client-vscode/src/core/serverLocation';

describe('which server to start', () => {
  it('uses the bundled server on Linux x64 when no path is configured', () => {
    assert.deepEqual(resolveServerLocation('', '/ext', undefined, 'linux', 'x64', '/home/u'), {
      path: path.join('/ext', 'dist', 'server', 'linux-x64', 'notelsp'),
      bundled: true,
    });
  });

  it('uses the server of its own system in each platform package, with .exe on Windows', () => {
    assert.equal(resolveServerLocation('', '/ext', undefined, 'win32', 'x64', '/home/u')?.path,
      path.join('/ext', 'dist', 'server', 'win32-x64', 'notelsp.exe'));
    assert.equal(resolveServerLocation('', '/ext', undefined, 'darwin', 'arm64', '/home/u')?.path,
      path.join('/ext', 'dist', 'server', 'darwin-arm64', 'notelsp'));
  });

  it('has no bundled server for other systems, and says which setting to use', () => {
    assert.equal(resolveServerLocation(undefined, '/ext', undefined, 'freebsd', 'x64', '/home/u'), undefined);
    assert.equal(resolveServerLocation(undefined, '/ext', undefined, 'win32', 'ia32', '/home/u'), undefined);
    assert.match(unsupportedPlatformError('freebsd', 'x64'), /freebsd-x64.*notelsp\.server\.path/);
  });

  it('expands ~ and resolves relative paths against the workspace folder', () => {
    assert.deepEqual(resolveServerLocation('~/bin/notelsp', '/ext', '/ws', 'linux', 'x64', '/home/u'), {
      path: '/home/u/bin/notelsp',
      bundled: false,
    });
    assert.equal(resolveServerLocation('outils/notelsp', '/ext', '/ws', 'linux', 'x64', '/home/u')?.path, '/ws/outils/notelsp');
  });
});

describe('checking the server file', () => {
  let folder = '';
  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'notelsp-location-'));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('accepts an executable file', async () => {
    const file = path.join(folder, 'notelsp-ok');
    await writeFile(file, '#!/bin/sh\n');
    await chmod(file, 0o755);
    assert.deepEqual(await checkServerExecutable({ path: file, bundled: false }), { ok: true });
  });

  it('says when the file does not exist', async () => {
    assert.deepEqual(await checkServerExecutable({ path: path.join(folder, 'absent'), bundled: false }), {
      ok: false,
      cause: 'le fichier n\'existe pas',
    });
  });

  it('says when the path is a folder', async () => {
    const sub = path.join(folder, 'dossier');
    await mkdir(sub);
    const check = await checkServerExecutable({ path: sub, bundled: false });
    assert.equal(check.ok, false);
  });

  it('gives the bundled server its execute bit back, but not a configured one', async (t) => {
    if (process.getuid?.() === 0) {
      // root may execute a file without execute bits for its owner only in some cases; the bit is what is checked.
      t.diagnostic('running as root: access(X_OK) still needs one execute bit, so the check stays meaningful');
    }
    const bundled = path.join(folder, 'notelsp-bundled');
    await writeFile(bundled, '#!/bin/sh\n');
    await chmod(bundled, 0o644);
    assert.deepEqual(await checkServerExecutable({ path: bundled, bundled: true }), { ok: true });

    const configured = path.join(folder, 'notelsp-configured');
    await writeFile(configured, '#!/bin/sh\n');
    await chmod(configured, 0o644);
    assert.deepEqual(await checkServerExecutable({ path: configured, bundled: false }), {
      ok: false,
      cause: 'le fichier n\'est pas exécutable (droit d\'exécution manquant)',
    });
  });
});

describe('start failure messages', () => {
  it('name the path and the cause', () => {
    assert.equal(
      serverStartError('/opt/notelsp', 'le fichier n\'existe pas'),
      'Le serveur NoteLsp n\'a pas pu démarrer : le fichier n\'existe pas. Chemin utilisé : /opt/notelsp. ' +
        'Vérifiez le paramètre « notelsp.server.path » ou réinstallez l\'extension.',
    );
  });

  it('translate spawn errors and keep other causes readable', () => {
    assert.equal(describeStartFailure(Object.assign(new Error('spawn /x EACCES'), { code: 'EACCES' })), 'l\'accès au fichier est refusé');
    assert.equal(describeStartFailure(new Error('Launching server using command /x failed. Error: spawn /x ENOENT')), 'le fichier n\'existe pas');
    assert.match(describeStartFailure(new Error('Connection closed')), /s'est arrêté ou n'a pas répondu au démarrage \(Connection closed\)/);
  });
});
