import type { Language, Messages, Translate } from './contract';

export const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const STORAGE_KEY = 'tradeflow.language';

/** The language the person chose before, else the browser's (Chinese → zh-CN), else English. */
export function preferredLanguage(
  stored: string | null,
  browser: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): Language {
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  return browser.some((tag) => tag.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export const storedLanguage = (): Language => preferredLanguage(safeStorage()?.getItem(STORAGE_KEY) ?? null);
export const saveLanguage = (language: Language) => safeStorage()?.setItem(STORAGE_KEY, language);

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** One catalog per language, merged from the shell's messages and every page's. */
export function mergeCatalogs(catalogs: readonly Record<Language, Messages>[]): Record<Language, Messages> {
  const merged = { en: {}, 'zh-CN': {} } as Record<Language, Messages>;
  for (const catalog of catalogs)
    for (const language of LANGUAGES) Object.assign(merged[language], catalog[language]);
  return merged;
}

/**
 * `t(key, values)`: the text in the language, `{name}` placeholders filled; the English text when the
 * language lacks the key, and the key itself when no language has it (a missing message is visible).
 */
export function translator(catalogs: Record<Language, Messages>, language: Language): Translate {
  return (key, values) => {
    const text = catalogs[language][key] ?? catalogs.en[key] ?? key;
    if (!values) return text;
    return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      Object.hasOwn(values, name) ? String(values[name]) : placeholder,
    );
  };
}

/** Keys one language has and the other lacks (the unit test requires none). */
export function missingKeys(messages: Record<Language, Messages>): { language: Language; key: string }[] {
  const missing: { language: Language; key: string }[] = [];
  for (const language of LANGUAGES)
    for (const other of LANGUAGES)
      for (const key of Object.keys(messages[other]))
        if (!Object.hasOwn(messages[language], key)) missing.push({ language, key });
  return missing;
}

/** A role's name in the language, or the role itself for one the catalog does not know yet. */
export function roleName(t: Translate, role: string): string {
  const key = `role.${role}`;
  const name = t(key);
  return name === key ? role : name;
}
