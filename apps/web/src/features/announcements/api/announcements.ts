import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AnnouncementDetail, announcementListResponseSchema } from '@ccc/domain';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';

export type PublicAnnouncementList = z.infer<typeof announcementListResponseSchema>;

/** Published announcements, pinned first (the administration's pages invalidate ['announcements']). */
export function usePublicAnnouncements(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['announcements', 'public', { page, pageSize }],
    queryFn: () => api.get<PublicAnnouncementList>(`/api/announcements?page=${page}&pageSize=${pageSize}`),
    placeholderData: keepPreviousData,
  });
}

export function usePublicAnnouncement(id: string | undefined) {
  return useQuery({
    queryKey: ['announcements', 'public', 'detail', id],
    queryFn: () => api.get<AnnouncementDetail>(`/api/announcements/${encodeURIComponent(id!)}`),
    enabled: Boolean(id),
  });
}

export const attachmentUrl = (announcementId: string, attachmentId: string) =>
  `/api/announcements/${encodeURIComponent(announcementId)}/attachments/${encodeURIComponent(attachmentId)}`;
