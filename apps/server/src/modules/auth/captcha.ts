import { randomInt } from 'node:crypto';
import svgCaptchaModule from 'svg-captcha';
import type { ServiceContext } from '../../context';
import { AppError } from '../../lib/app-error';
import { iso, MINUTE, plus } from '../../lib/clock';
import { newId, safeEqual, sha256Hex } from '../../lib/crypto';
import { challengesRepository } from './challenges.repository';

/** Characters that cannot be confused with one another (no 0/O, 1/I/l). */
const CAPTCHA_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CAPTCHA_TTL_MS = 5 * MINUTE;

export function defaultCaptchaText(): string {
  return Array.from({ length: 4 }, () => CAPTCHA_ALPHABET[randomInt(CAPTCHA_ALPHABET.length)]).join('');
}

/** svg-captcha's main export renders a given text (its typings declare only the named helpers). */
const renderSvg = svgCaptchaModule as unknown as (
  text: string,
  options?: {
    width?: number;
    height?: number;
    fontSize?: number;
    noise?: number;
    color?: boolean;
    background?: string;
  },
) => string;

const answerHash = (id: string, answer: string) => sha256Hex(`${id}:${answer.trim().toUpperCase()}`);

/**
 * A new image captcha: the text comes from the injected generator, only a hash of the answer (salted with the
 * challenge id) is stored, and it lives 5 minutes.
 */
export async function createCaptcha(ctx: ServiceContext): Promise<{ id: string; image: string }> {
  const text = ctx.captchaText();
  const id = newId();
  const now = ctx.clock.now();
  await challengesRepository.insertCaptcha(ctx.db, {
    id,
    answer_hash: answerHash(id, text),
    expires_at: iso(plus(now, CAPTCHA_TTL_MS)),
    used: 0,
  });
  const svg = renderSvg(text, {
    width: 120,
    height: 40,
    fontSize: 44,
    noise: 2,
    color: true,
    background: '#f4f6f8',
  });
  return { id, image: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/** Checks and consumes a challenge: any attempt, right or wrong, uses it up. */
export async function verifyCaptcha(
  ctx: ServiceContext,
  id: string | undefined,
  answer: string | undefined,
): Promise<void> {
  const fail = () =>
    new AppError('CAPTCHA_INVALID', { fields: [{ path: 'captchaAnswer', message: 'e.CAPTCHA_INVALID' }] });
  if (!id || !answer) throw fail();
  const row = await challengesRepository.takeCaptcha(ctx.db, id, iso(ctx.clock.now()));
  if (!row || !safeEqual(row.answer_hash, answerHash(id, answer))) throw fail();
}
