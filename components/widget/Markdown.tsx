import { parseMarkdown } from '@/lib/playbook/markdown';

/** Playbook text with the safe markdown subset, rendered as text nodes (never as HTML). */
export function Markdown({ source }: { source: string }) {
  return (
    <>
      {parseMarkdown(source).map((t, i) => {
        switch (t.kind) {
          case 'bold':
            return <strong key={i}>{t.text}</strong>;
          case 'italic':
            return <em key={i}>{t.text}</em>;
          case 'link':
            return (
              <a key={i} href={t.href} target="_blank" rel="noopener noreferrer">
                {t.text}
              </a>
            );
          default:
            return t.text;
        }
      })}
    </>
  );
}
