/**
 * Finding the server executable and explaining, in French, why it cannot start. Uses Node's file system only, not the
 * VS Code API, so that the checks are unit-tested on real files.
 */
import { constants as fsConstants, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ServerLocation {
  /** Absolute path of the executable. */
  readonly path: string;
  /** True for the server shipped in the extension, false for `notelsp.server.path`. */
  readonly bundled: boolean;
}

export type ServerCheck = { readonly ok: true } | { readonly ok: false; readonly cause: string };

/**
 * The systems for which a platform package of the extension carries a server (scripts/package-platforms), named as
 * VS Code names its targets. Each package carries only its own system's server.
 */
export const BUNDLED_TARGETS: readonly string[] = ['linux-x64', 'linux-arm64', 'win32-x64', 'darwin-arm64', 'darwin-x64'];

/** Where the extension ships its server for this system, relative to the extension folder; undefined for others. */
export function bundledServerPath(extensionPath: string, platform: string, arch: string): string | undefined {
  const target = `${platform}-${arch}`;
  if (!BUNDLED_TARGETS.includes(target)) {
    return undefined;
  }
  return path.join(extensionPath, 'dist', 'server', target, platform === 'win32' ? 'notelsp.exe' : 'notelsp');
}

/**
 * The executable to start: `notelsp.server.path` when set (`~` expanded, relative paths taken from the first workspace
 * folder), else the bundled one. Undefined when neither exists for this platform.
 */
export function resolveServerLocation(
  configuredPath: unknown,
  extensionPath: string,
  workspaceFolder: string | undefined,
  platform: string = process.platform,
  arch: string = process.arch,
  homeDirectory: string = os.homedir(),
): ServerLocation | undefined {
  const configured = typeof configuredPath === 'string' ? configuredPath.trim() : '';
  if (configured.length > 0) {
    let resolved = configured;
    if (resolved === '~' || resolved.startsWith('~/')) {
      resolved = path.join(homeDirectory, resolved.slice(1));
    }
    if (!path.isAbsolute(resolved)) {
      resolved = path.resolve(workspaceFolder ?? homeDirectory, resolved);
    }
    return { path: resolved, bundled: false };
  }
  const bundled = bundledServerPath(extensionPath, platform, arch);
  return bundled === undefined ? undefined : { path: bundled, bundled: true };
}

/**
 * Checks that the file exists, is a file and may be executed. The bundled server gets its execute bit back first:
 * some ways of unpacking an extension lose it.
 */
export async function checkServerExecutable(location: ServerLocation): Promise<ServerCheck> {
  let stats;
  try {
    stats = await fs.stat(location.path);
  } catch (error) {
    return { ok: false, cause: describeFileError(error) };
  }
  if (!stats.isFile()) {
    return { ok: false, cause: 'ce chemin désigne un dossier, pas le fichier du serveur' };
  }
  if (process.platform === 'win32') {
    return { ok: true };
  }
  try {
    await fs.access(location.path, fsConstants.X_OK);
    return { ok: true };
  } catch {
    if (location.bundled) {
      try {
        await fs.chmod(location.path, 0o755);
        return { ok: true };
      } catch {
        // Falls through to the message below: the extension folder is read-only.
      }
    }
    return { ok: false, cause: 'le fichier n\'est pas exécutable (droit d\'exécution manquant)' };
  }
}

/** The French cause of a failed file access or process start, from its Node error code. */
export function describeFileError(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  switch (code) {
    case 'ENOENT':
      return 'le fichier n\'existe pas';
    case 'EACCES':
    case 'EPERM':
      return 'l\'accès au fichier est refusé';
    case 'ENOTDIR':
      return 'un élément du chemin n\'est pas un dossier';
    case 'ENOEXEC':
      return 'le fichier n\'est pas un programme pour ce système';
    case 'ELOOP':
      return 'le chemin contient une boucle de liens symboliques';
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return `erreur inattendue (${message})`;
    }
  }
}

/** The error shown to the user, with the path and the cause. */
export function serverStartError(serverPath: string, cause: string): string {
  return `Le serveur NoteLsp n'a pas pu démarrer : ${cause}. Chemin utilisé : ${serverPath}. ` +
    'Vérifiez le paramètre « notelsp.server.path » ou réinstallez l\'extension.';
}

/**
 * The error shown when this package of the extension holds no server for this system (an unknown system, or the
 * package of another one) and none is configured.
 */
export function unsupportedPlatformError(platform: string, arch: string): string {
  return `Cette version de l'extension ne contient pas de serveur NoteLsp pour ce système (${platform}-${arch}). ` +
    `Installez le paquet prévu pour votre système (notelsp-${platform}-${arch}.vsix, s'il existe ; systèmes fournis : ` +
    `${BUNDLED_TARGETS.join(', ')}), ou indiquez le chemin d'un serveur notelsp dans le paramètre « notelsp.server.path ».`;
}

/** The French cause of a failed `client.start()`: a spawn error keeps its code, anything else ended the handshake. */
export function describeStartFailure(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return describeFileError(error);
  }
  const message = error instanceof Error ? error.message : String(error);
  const spawnCode = /\b(ENOENT|EACCES|EPERM|ENOEXEC|ENOTDIR)\b/.exec(message)?.[1];
  if (spawnCode !== undefined) {
    return describeFileError({ code: spawnCode });
  }
  return `le serveur s'est arrêté ou n'a pas répondu au démarrage (${message}) ; le canal de sortie « Cnaemo NoteLsp » en dit plus`;
}
