import { describe, expect, it } from 'vitest';
import { widgetDirection } from '../../../lib/guides/direction';

const doc = (html: string, body = '') => ({ documentElement: { dir: html }, body: { dir: body } }) as unknown as Document;

describe('the widget text direction', () => {
  it('follows the playbook when it says ltr or rtl', () => {
    expect(widgetDirection('rtl', doc('ltr'), 'en-US')).toBe('rtl');
    expect(widgetDirection('ltr', doc('rtl'), 'ar')).toBe('ltr');
  });

  it('follows the page when the playbook says auto', () => {
    expect(widgetDirection('auto', doc('rtl'), 'en-US')).toBe('rtl');
    expect(widgetDirection('auto', doc('', 'rtl'), 'en-US')).toBe('rtl');
    expect(widgetDirection('auto', doc('ltr'), 'he-IL')).toBe('ltr');
  });

  it('falls back to the browser language', () => {
    expect(widgetDirection('auto', doc(''), 'ar-EG')).toBe('rtl');
    expect(widgetDirection('auto', doc(''), 'fa')).toBe('rtl');
    expect(widgetDirection('auto', doc(''), 'fr-FR')).toBe('ltr');
  });
});
