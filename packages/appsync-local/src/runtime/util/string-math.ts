// `util.str` and `util.math`.
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html

const NORMALIZATION_FORMS = new Set(['nfc', 'nfd', 'nfkc', 'nfkd']);

export const strUtil = Object.freeze({
  /** Unicode normalization; the form is "nfc", "nfd", "nfkc" or "nfkd". */
  normalize(value: string, normalizationType: string): string {
    const form = String(normalizationType).toLowerCase();
    if (!NORMALIZATION_FORMS.has(form)) {
      throw new Error(`util.str.normalize: "${normalizationType}" is not one of nfc, nfd, nfkc, nfkd`);
    }
    return String(value).normalize(form.toUpperCase());
  },
});

export const mathUtil = Object.freeze({
  /** Half up, as Java's Math.round of a double. */
  roundNum: (input: number): number => Math.round(input),
  minVal: (first: number, second: number): number => Math.min(first, second),
  maxVal: (first: number, second: number): number => Math.max(first, second),
  randomDouble: (): number => Math.random(),
  /** An integer from `start` to `end`, both included. */
  randomWithinRange: (start: number, end: number): number => {
    const low = Math.ceil(Math.min(start, end));
    const high = Math.floor(Math.max(start, end));
    return low + Math.floor(Math.random() * (high - low + 1));
  },
});
