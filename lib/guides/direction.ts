const RTL_LANGS = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ku', 'sd', 'ug']);

/** The widget's text direction: the playbook's choice, else the page's, else the browser locale's. */
export function widgetDirection(setting: 'auto' | 'ltr' | 'rtl', doc: Document, language: string): 'ltr' | 'rtl' {
  if (setting !== 'auto') return setting;
  const pageDir = doc.documentElement.dir || doc.body?.dir;
  if (pageDir === 'rtl' || pageDir === 'ltr') return pageDir;
  return RTL_LANGS.has(language.toLowerCase().split('-')[0] ?? '') ? 'rtl' : 'ltr';
}
