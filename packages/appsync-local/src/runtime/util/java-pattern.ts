// Java regular expressions (java.util.regex.Pattern) as JavaScript RegExp
// parts. APPSYNC_JS has no regular expressions of its own, but it reads the
// pattern given to `String.prototype.replace` / `replaceAll` and to
// `util.matches` as a Java one:
// https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html (String: "Regular
// expressions are not supported. However, Java-styled regular expression constructs are supported
// in the provided parameter.")
// https://docs.oracle.com/javase/8/docs/api/java/util/regex/Pattern.html
//
// Constructs that mean the same in both are copied; those Java spells or
// means differently are rewritten (`\Q…\E`, `\A`, `\z`, `\Z`, `\h`, `\v`,
// `\R`, `\e`, `\a`, `\0nn`, `\x{h…h}`, POSIX `\p{Alpha}`…, ASCII-only `\s`,
// `.` and `$` with Java's line terminators, leading `(?ims)`). Those with no
// JavaScript equivalent (possessive quantifiers, atomic groups, class union
// and intersection, `\G`, inline flags after the start) are refused by name
// rather than matched differently.

export interface RegExpParts {
  source: string;
  /** JavaScript flags: `i` and `m` */
  flags: string;
}

/** A Java construct this translation has no faithful JavaScript form for. */
export class UnsupportedJavaPatternError extends Error {
  override readonly name = 'UnsupportedJavaPatternError';
  constructor(construct: string, pattern: string) {
    super(
      `The Java regular expression construct ${construct} in ${JSON.stringify(pattern)}` +
        ' is not supported by the local runtime',
    );
  }
}

const LINE_TERMINATORS = '\\n\\r\\u0085\\u2028\\u2029';
const JAVA_SPACE = ' \\t\\n\\x0B\\f\\r';
const HORIZONTAL_SPACE = ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';
const VERTICAL_SPACE = '\\n\\x0B\\f\\r\\x85\\u2028\\u2029';
/** Java's `$` without MULTILINE (and `\Z`): the end of input, or before a line terminator that ends it. */
const END_OF_INPUT_OR_FINAL_TERMINATOR = `(?=(?:\\r\\n|[${LINE_TERMINATORS}])?(?![\\s\\S]))`;

/** The POSIX character classes (US-ASCII only, as Java defines them). */
const POSIX_CLASSES: Readonly<Record<string, string>> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '\\x21-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7E',
  Graph: '\\x21-\\x7E',
  Print: '\\x20-\\x7E',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: JAVA_SPACE,
};

/** Class members (usable inside `[…]`) for the escapes whose meaning differs. */
const CLASS_ESCAPES: Readonly<Record<string, string>> = {
  s: JAVA_SPACE,
  h: HORIZONTAL_SPACE,
  v: VERTICAL_SPACE,
  e: '\\x1B',
  a: '\\x07',
};

const NEGATED_CLASS_ESCAPES: Readonly<Record<string, string>> = { S: JAVA_SPACE, H: HORIZONTAL_SPACE, V: VERTICAL_SPACE };

/** Escapes with no JavaScript equivalent. */
const REFUSED_ESCAPES = new Set(['G', 'X', 'N', 'K']);

const INLINE_FLAGS = /^\(\?([a-zA-Z]+)\)/;

function hexEscape(codePoint: number): string {
  const unit = (value: number) => `\\u${value.toString(16).padStart(4, '0')}`;
  if (codePoint <= 0xffff) {
    return unit(codePoint);
  }
  const offset = codePoint - 0x10000;
  return unit(0xd800 + (offset >> 10)) + unit(0xdc00 + (offset & 0x3ff));
}

function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

class Translation {
  private position = 0;
  private output = '';
  private inClass = false;
  private readonly multiline: boolean;
  private readonly dotAll: boolean;
  readonly flags: string;

  constructor(private readonly pattern: string) {
    const leading = INLINE_FLAGS.exec(pattern);
    const javaFlags = leading?.[1] ?? '';
    const unknown = [...javaFlags].find((flag) => !'ims'.includes(flag));
    if (unknown !== undefined) {
      this.refuse(`(?${unknown})`);
    }
    this.multiline = javaFlags.includes('m');
    this.dotAll = javaFlags.includes('s');
    this.flags = (javaFlags.includes('i') ? 'i' : '') + (this.multiline ? 'm' : '');
    this.position = leading ? leading[0].length : 0;
  }

  private refuse(construct: string): never {
    throw new UnsupportedJavaPatternError(construct, this.pattern);
  }

  private at(offset = 0): string {
    return this.pattern.charAt(this.position + offset);
  }

  translate(): string {
    while (this.position < this.pattern.length) {
      if (this.at() === '\\') {
        this.escape();
      } else if (this.inClass) {
        this.classCharacter();
      } else {
        this.character();
      }
    }
    return this.output;
  }

  private classCharacter(): void {
    const char = this.at();
    if (char === '[') {
      this.refuse('[…[…]] (class union)');
    }
    if (char === '&' && this.at(1) === '&') {
      this.refuse('&& (class intersection)');
    }
    this.inClass = char !== ']';
    this.output += char;
    this.position += 1;
  }

  private character(): void {
    const char = this.at();
    this.position += 1;
    if (char === '[') {
      this.inClass = true;
      this.output += char;
      if (this.at() === '^') {
        this.output += '^';
        this.position += 1;
      }
    } else if (char === '.') {
      this.output += this.dotAll ? '[\\s\\S]' : `[^${LINE_TERMINATORS}]`;
    } else if (char === '$') {
      this.output += this.multiline ? '$' : END_OF_INPUT_OR_FINAL_TERMINATOR;
    } else if (char === '(') {
      this.group();
    } else if (char === '*' || char === '+' || char === '?') {
      this.output += char;
      this.quantifierSuffix();
    } else if (char === '{') {
      const bound = /^\d+(,\d*)?\}/.exec(this.pattern.slice(this.position));
      this.output += char;
      if (bound) {
        this.output += bound[0];
        this.position += bound[0].length;
        this.quantifierSuffix();
      }
    } else {
      this.output += char;
    }
  }

  private quantifierSuffix(): void {
    if (this.at() === '+') {
      this.refuse('a possessive quantifier');
    }
    if (this.at() === '?') {
      this.output += '?';
      this.position += 1;
    }
  }

  private group(): void {
    if (this.at() !== '?') {
      this.output += '(';
      return;
    }
    const rest = this.pattern.slice(this.position + 1);
    const kept = /^(?::|=|!|<=|<!|<[a-zA-Z][a-zA-Z0-9]*>)/.exec(rest);
    if (kept) {
      this.output += `(?${kept[0]}`;
      this.position += 1 + kept[0].length;
    } else if (rest.startsWith('>')) {
      this.refuse('(?>…) (atomic group)');
    } else {
      this.refuse('(?flags) after the start of the pattern');
    }
  }

  private escape(): void {
    const letter = this.at(1);
    this.position += 2;
    if (letter === 'Q') {
      const end = this.pattern.indexOf('\\E', this.position);
      const quoted = this.pattern.slice(this.position, end === -1 ? undefined : end);
      this.position = end === -1 ? this.pattern.length : end + 2;
      this.output += escapeLiteral(quoted);
    } else if (letter in CLASS_ESCAPES) {
      this.output += this.inClass ? CLASS_ESCAPES[letter] : `[${CLASS_ESCAPES[letter]}]`;
    } else if (letter in NEGATED_CLASS_ESCAPES) {
      if (this.inClass) {
        this.refuse(`\\${letter} inside […]`);
      }
      this.output += `[^${NEGATED_CLASS_ESCAPES[letter]}]`;
    } else if (letter === 'p' || letter === 'P') {
      this.posixClass(letter === 'P');
    } else if (letter === '0') {
      const digits =
        /^[0-3]?[0-7]{1,2}/.exec(this.pattern.slice(this.position))?.[0] ?? this.refuse('\\0 without octal digits');
      this.position += digits.length;
      this.output += hexEscape(parseInt(digits, 8));
    } else if (letter === 'x' && this.at() === '{') {
      const end = this.pattern.indexOf('}', this.position);
      const codePoint = parseInt(this.pattern.slice(this.position + 1, end), 16);
      if (end === -1 || Number.isNaN(codePoint)) {
        this.refuse('\\x{…} without hexadecimal digits');
      }
      this.position = end + 1;
      this.output += hexEscape(codePoint);
    } else if (this.inClass) {
      this.output += `\\${letter}`;
    } else {
      this.outsideClassEscape(letter);
    }
  }

  private outsideClassEscape(letter: string): void {
    if (REFUSED_ESCAPES.has(letter)) {
      this.refuse(`\\${letter}`);
    } else if (letter === 'A') {
      this.output += '(?<![\\s\\S])';
    } else if (letter === 'z') {
      this.output += '(?![\\s\\S])';
    } else if (letter === 'Z') {
      this.output += END_OF_INPUT_OR_FINAL_TERMINATOR;
    } else if (letter === 'R') {
      this.output += `(?:\\r\\n|[${VERTICAL_SPACE}])`;
    } else {
      this.output += `\\${letter}`;
    }
  }

  private posixClass(negated: boolean): void {
    const name = /^\{(?:Is)?([A-Za-z]+)\}/.exec(this.pattern.slice(this.position));
    const members = name ? POSIX_CLASSES[name[1]] : undefined;
    if (!name || members === undefined) {
      this.refuse(`\\${negated ? 'P' : 'p'}${name ? name[0] : ''} (only the POSIX classes are supported)`);
    }
    this.position += name[0].length;
    if (this.inClass) {
      this.output += negated ? this.refuse('\\P{…} inside […]') : members;
    } else {
      this.output += `[${negated ? '^' : ''}${members}]`;
    }
  }
}

/** `pattern`, a Java regular expression, as the source and flags of an equivalent JavaScript RegExp. */
export function javaPatternToRegExpParts(pattern: string): RegExpParts {
  const translation = new Translation(pattern);
  return { source: translation.translate(), flags: translation.flags };
}

