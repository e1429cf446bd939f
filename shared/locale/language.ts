/**
 * The languages buyers are written to in (emails, the tracking page). A customer's `language` is any
 * BCP 47 tag; it picks one of these, and everything else falls back to English.
 */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * `zh`, `zh-CN`, `zh-Hans`, `zh-SG`… (Chinese in Simplified script) → `zh-CN`; Chinese in Traditional
 * script (`zh-TW`, `zh-Hant`, `zh-HK`) and every other language → `en`, until they have words of their own.
 */
export function languageFor(tag: string | undefined): Language {
  if (!tag) return 'en';
  try {
    const locale = new Intl.Locale(tag).maximize();
    if (locale.language === 'zh' && locale.script === 'Hans') return 'zh-CN';
  } catch {
    // Not a valid tag: English.
  }
  return 'en';
}
