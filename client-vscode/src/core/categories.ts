/**
 * The finding categories and their families, mirrored from rules/Model/Category.cs. The ids are part of the server's
 * contract; the French labels are the ones the server uses too, so that the summary and the status bar speak alike.
 */

export type Family = 'privacy' | 'dignity';

export const FAMILIES: readonly Family[] = ['privacy', 'dignity'];

interface CategoryInfo {
  readonly family: Family;
  readonly label: string;
}

const CATEGORIES: Readonly<Record<string, CategoryInfo>> = {
  identifier: { family: 'privacy', label: 'identifiant' },
  health: { family: 'privacy', label: 'santé' },
  origin: { family: 'privacy', label: 'origine' },
  religion: { family: 'privacy', label: 'religion' },
  'sexual-life': { family: 'privacy', label: 'vie sexuelle' },
  political: { family: 'privacy', label: 'opinions politiques' },
  union: { family: 'privacy', label: 'appartenance syndicale' },
  criminal: { family: 'privacy', label: 'infractions et condamnations' },
  'third-party': { family: 'privacy', label: 'tiers' },
  insult: { family: 'dignity', label: 'insulte' },
  judgement: { family: 'dignity', label: 'jugement de valeur' },
  essentialising: { family: 'dignity', label: 'étiquette' },
  'lay-diagnosis': { family: 'dignity', label: 'diagnostic profane' },
  hearsay: { family: 'dignity', label: 'ouï-dire' },
  generalisation: { family: 'dignity', label: 'généralisation' },
  typography: { family: 'dignity', label: 'typographie' },
  placeholder: { family: 'dignity', label: 'champ à compléter' },
};

/** The categories in the server's declaration order: privacy first, then dignity. */
export const CATEGORY_IDS: readonly string[] = Object.keys(CATEGORIES);

/** The French name of a category; an id the client does not know yet is shown as it is. */
export function categoryLabel(category: string): string {
  return CATEGORIES[category]?.label ?? category;
}

/** The family of a category, or undefined for an id the client does not know. */
export function categoryFamily(category: string): Family | undefined {
  return CATEGORIES[category]?.family;
}

/** The French name of a family, capitalised as in the status bar. */
export function familyLabel(family: Family): string {
  return family === 'privacy' ? 'Confidentialité' : 'Dignité';
}

/** Tells whether a value is one of the two family ids. */
export function isFamily(value: unknown): value is Family {
  return value === 'privacy' || value === 'dignity';
}
