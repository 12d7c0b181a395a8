// What a text value is made of, read without regular expressions, charCodeAt
// or codePointAt, which APPSYNC_JS does not offer
// (https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html):
// `split('')` yields UTF-16 code units as one-character strings, and strings
// compare by code unit, so each unit is classified by range comparisons.
// Lengths count Unicode code points: an emoji such as 🎉 is one character,
// not the two UTF-16 units JavaScript's `length` counts. (Grapheme clusters,
// e.g. a flag or a family emoji as one, need Unicode's segmentation tables,
// which neither Intl nor APPSYNC_JS provide.)

type UnitRange = readonly [string, string];

const HIGH_SURROGATES: UnitRange = ['\uD800', '\uDBFF'];
const LOW_SURROGATES: UnitRange = ['\uDC00', '\uDFFF'];

/** C0 controls, DEL and C1 controls: Unicode's general category Cc. */
const CONTROLS: UnitRange[] = [
  ['\u0000', '\u001F'],
  ['\u007F', '\u009F'],
];

/**
 * Characters that show nothing: whitespace (Unicode's White_Space beyond the
 * controls) and format characters such as the soft hyphen, zero-width space
 * and joiners, bidi marks, embeddings, overrides and isolates, word joiner,
 * variation selectors and the byte order mark. Inside visible text they are
 * kept (a zero-width joiner builds emoji, a right-to-left mark orders Arabic
 * or Hebrew); a value made only of them is refused.
 */
const SHOWS_NOTHING: UnitRange[] = [
  [' ', ' '],
  ['\u00A0', '\u00A0'],
  ['\u00AD', '\u00AD'],
  ['\u034F', '\u034F'],
  ['\u061C', '\u061C'],
  ['\u115F', '\u1160'],
  ['\u1680', '\u1680'],
  ['\u17B4', '\u17B5'],
  ['\u180B', '\u180F'],
  ['\u2000', '\u200F'],
  ['\u2028', '\u202F'],
  ['\u205F', '\u206F'],
  ['\u3000', '\u3000'],
  ['\u3164', '\u3164'],
  ['\uFE00', '\uFE0F'],
  ['\uFEFF', '\uFEFF'],
  ['\uFFA0', '\uFFA0'],
];

/** The high surrogate of U+E0000 to U+E03FF: tag characters and variation selectors 17 to 256, all invisible. */
const INVISIBLE_PLANE_14_HIGH = '\uDB40';

function inRange(unit: string, range: UnitRange): boolean {
  return unit >= range[0] && unit <= range[1];
}

function inAnyRange(unit: string, ranges: UnitRange[]): boolean {
  return ranges.some((range) => inRange(unit, range));
}

export interface TextFacts {
  /** Unicode code points: what every length limit counts */
  length: number;
  /** false when a UTF-16 surrogate stands alone, which no Unicode text contains */
  wellFormed: boolean;
  /** whether it holds a control character other than the allowed ones */
  hasForbiddenControl: boolean;
  /** whether any character is visible: not a control, whitespace or format character */
  hasVisible: boolean;
}

/** Reads `text` once; `allowedControls` are control characters the field keeps (e.g. `\n`). */
export function readText(text: string, allowedControls: string[]): TextFacts {
  const facts: TextFacts = { length: 0, wellFormed: true, hasForbiddenControl: false, hasVisible: false };
  let pendingHigh = '';
  for (const unit of text.split('')) {
    if (pendingHigh !== '' && inRange(unit, LOW_SURROGATES)) {
      facts.length = facts.length + 1;
      facts.hasVisible = facts.hasVisible || pendingHigh !== INVISIBLE_PLANE_14_HIGH;
      pendingHigh = '';
    } else {
      facts.wellFormed = facts.wellFormed && pendingHigh === '';
      pendingHigh = '';
      if (inRange(unit, HIGH_SURROGATES)) {
        pendingHigh = unit;
      } else if (inRange(unit, LOW_SURROGATES)) {
        facts.wellFormed = false;
      } else {
        facts.length = facts.length + 1;
        const isControl = inAnyRange(unit, CONTROLS);
        facts.hasForbiddenControl = facts.hasForbiddenControl || (isControl && allowedControls.indexOf(unit) < 0);
        facts.hasVisible = facts.hasVisible || (!isControl && !inAnyRange(unit, SHOWS_NOTHING));
      }
    }
  }
  facts.wellFormed = facts.wellFormed && pendingHigh === '';
  return facts;
}
