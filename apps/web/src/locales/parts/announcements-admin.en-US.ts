import type { announcementsAdminZhCN } from './announcements-admin.zh-CN';

/** Texts of one feature, English; every key of ./announcements-admin.zh-CN.ts. */
export const announcementsAdminEnUS: Record<keyof typeof announcementsAdminZhCN, string> = {
  'annadm.status.scheduled': 'Scheduled',
  'annadm.schedule': 'Schedule',
  'annadm.reschedule': 'Change publication time',
  'annadm.publishNow': 'Publish now',
  'annadm.scheduleAt': 'Publication time',
  'annadm.scheduleOk': 'OK',
  'annadm.scheduleHint':
    'At the publication time the announcement appears in the home page list by itself; until then you can change the time, publish now or withdraw it.',
  'annadm.schedulePast': 'Choose a time in the future',
  'annadm.scheduled': 'The announcement will be published at {time}',
  'annadm.scheduledOn': 'Scheduled for {time}',
} as const;
