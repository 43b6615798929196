import { randomInt } from 'node:crypto';

/** Characters that cannot be confused with one another (no 0/O, 1/I/l). */
const CAPTCHA_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function defaultCaptchaText(): string {
  return Array.from({ length: 4 }, () => CAPTCHA_ALPHABET[randomInt(CAPTCHA_ALPHABET.length)]).join('');
}
