import { expect } from 'vitest';
import type { ApplicationDetail } from '@ccc/domain';
import type { TestApp } from '../../helpers/build-test-app';
import { loginOk } from '../../helpers/identity';
import type { TestClient } from '../../helpers/test-client';
import { addProductOk, completeDraft, submitOk } from '../applications/helpers';
import { OFFICER_PW } from '../officers/factories';

/** Factories of the statistics suite: a hand-made history, moved through time with the manual clock. */

/** 10:00 in China on a date. */
export const chinaMorning = (date: string) => `${date}T02:00:00.000Z`;

/** Only weekends are rest days from December 2025 to June 2026 (whatever the shipped calendar says). */
export async function weekendsOnlyCalendar(t: TestApp): Promise<void> {
  const now = new Date().toISOString();
  const db = t.database.db;
  await db
    .deleteFrom('calendar_days')
    .where('date', '>=', '2025-12-01')
    .where('date', '<=', '2026-06-30')
    .execute();
  await db.deleteFrom('calendar_years').where('year', 'in', [2025, 2026]).execute();
  await db
    .insertInto('calendar_years')
    .values(
      [2025, 2026].map((year) => ({
        year,
        published: 1,
        source: 'test',
        modified_by_admin: 1,
        updated_at: now,
      })),
    )
    .execute();
}

export interface Actors {
  sh: TestClient;
  gd: TestClient;
  ent1: TestClient;
  ent2: TestClient;
}

/**
 * Sets the clock and logs everyone in again (sessions expire with the idle limit); each login 10 seconds
 * after the one before, under the login rate limit.
 */
export async function at(t: TestApp, instant: string): Promise<Actors> {
  t.clock.set(instant);
  const login = async (username: string, password?: string) => {
    t.clock.advance(10_000);
    return loginOk(t, username, password);
  };
  return {
    sh: await login('officer1', OFFICER_PW),
    gd: await login('officer2', OFFICER_PW),
    ent1: await login('user1'),
    ent2: await login('user2'),
  };
}

/** The Guangdong fields of an application of organisation 2 (深圳 南山区) to 广东省局. */
export const GUANGDONG = {
  locationDivisionCode: '440305',
  locationAddress: '深圳市南山区科技园1号',
  useDivisionCode: '440305',
  useAddress: '深圳市南山区科技园1号 车间',
  bureauCode: '440000',
};

/** A complete application (one 8414 compressor line, plus `extra` lines), submitted. */
export async function submitted(
  t: TestApp,
  ent: TestClient,
  overrides: Record<string, unknown> = {},
  extra: Record<string, unknown>[] = [],
): Promise<ApplicationDetail> {
  const draft = await completeDraft(t, ent, overrides);
  for (const line of extra) await addProductOk(ent, draft.id, line);
  return submitOk(ent, draft.id);
}

export async function getOk<T>(c: TestClient, url: string): Promise<T> {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}
