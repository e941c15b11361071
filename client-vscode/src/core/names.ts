/** Helpers of the pseudonymisation command: the default replacement and checks on what the user typed. */

/**
 * Initials of a person's name, as the server computes them by default (Pseudonymiser.Initials): the first letter of
 * each part, parts being separated by white space and hyphens. "Théo Martin" → "T. M.", "Jean-Pierre" → "J.-P.". Both
 * follow tests/contract/initials.tsv.
 */
export function initialsOf(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map((word) =>
      word
        .split('-')
        .filter((part) => part.length > 0)
        .map((part) => `${(part.match(/\p{L}/u)?.[0] ?? Array.from(part)[0]).toLocaleUpperCase('fr')}.`)
        .join('-'),
    )
    .join(' ');
}

/** A French error message for a name that cannot be pseudonymised, or undefined when it is fine. */
export function checkNameToReplace(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed.length === 0) {
    return 'Indiquez le nom à remplacer.';
  }
  if (/[\r\n]/.test(trimmed)) {
    return 'Le nom doit tenir sur une seule ligne.';
  }
  if (trimmed.length > 100) {
    return 'Le nom est trop long (100 caractères au plus).';
  }
  if (!/\p{L}/u.test(trimmed)) {
    return 'Le nom doit contenir au moins une lettre.';
  }
  return undefined;
}

/** Whether a word looks like a person's name: it starts with a capital letter. */
export function looksLikeName(word: string): boolean {
  return /^\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*$/u.test(word.trim());
}
