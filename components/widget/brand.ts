const CHANNELS: [number, number][] = [
  [16, 0.2126],
  [8, 0.7152],
  [0, 0.0722],
];

/** WCAG relative luminance of a "#rrggbb" colour, plus the formula's 0.05 flare. */
function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  let y = 0.05;
  for (const [shift, weight] of CHANNELS) {
    const c = ((n >> shift) & 255) / 255;
    y += weight * (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  }
  return y;
}

export function contrast(a: string, b: string): number {
  const x = luminance(a);
  const y = luminance(b);
  return x > y ? x / y : y / x;
}

/** The card backgrounds of widget.css (light, dark): brand-coloured text must read on both. */
export const CARD_BG = ['#ffffff', '#1f242b'] as const;

/**
 * The widget's colour variables for a playbook's brand colour, which can be any colour:
 * text on a brand surface in black or white, whichever contrasts more (always >= 4.5:1),
 * and the brand darkened (light cards) or lightened (dark cards) just enough for text.
 */
export function brandVars(brand: string): Record<string, string> {
  const n = Number.parseInt(brand.slice(1), 16);
  const readable = (bg: string, to: number) => {
    let c = brand;
    for (let t = 0; contrast(c, bg) < 4.5; t += 0.1) {
      c = `#${CHANNELS.map(([s]) => (256 + Math.round(((n >> s) & 255) * (1 - t) + to * t)).toString(16).slice(1)).join('')}`;
    }
    return c;
  };
  return {
    '--brand': brand,
    '--on-brand': contrast(brand, '#000000') > contrast(brand, '#ffffff') ? '#000000' : '#ffffff',
    '--brand-l': readable(CARD_BG[0], 0),
    '--brand-d': readable(CARD_BG[1], 255),
  };
}
