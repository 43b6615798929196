import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AnnouncementBody,
  AnnouncementDetail,
  AnnouncementStatus,
  announcementAttachmentSchema,
  announcementListResponseSchema,
} from '@ccc/domain';
import type { z } from 'zod';
import { api, uploadFile } from '../../../lib/api-client';
import { toQueryString } from './query-string';

export type AnnouncementList = z.infer<typeof announcementListResponseSchema>;
export type AnnouncementAttachment = z.infer<typeof announcementAttachmentSchema>;

export interface AnnouncementQuery {
  q?: string;
  status?: AnnouncementStatus;
  page: number;
  pageSize: number;
}

const base = '/api/admin/announcements';
const listKey = ['admin', 'announcements'] as const;
const detailKey = (id: string) => ['admin', 'announcement', id] as const;
const path = (id: string, rest = '') => `${base}/${encodeURIComponent(id)}${rest}`;

export function useAnnouncements(query: AnnouncementQuery) {
  return useQuery({
    queryKey: [...listKey, query],
    queryFn: () => api.get<AnnouncementList>(`${base}${toQueryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

export function useAnnouncement(id: string | undefined) {
  return useQuery({
    queryKey: detailKey(id ?? ''),
    queryFn: () => api.get<AnnouncementDetail>(path(id!)),
    enabled: Boolean(id),
  });
}

/** After any change: the list, this announcement, and the public lists the home page shows. */
function useRefresh() {
  const qc = useQueryClient();
  return async (detail?: AnnouncementDetail | string) => {
    if (detail && typeof detail !== 'string') qc.setQueryData(detailKey(detail.id), detail);
    else if (detail) await qc.invalidateQueries({ queryKey: detailKey(detail) });
    await qc.invalidateQueries({ queryKey: listKey });
    await qc.invalidateQueries({ queryKey: ['announcements'] });
  };
}

export function useSaveAnnouncement() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: AnnouncementBody }) =>
      id ? api.put<AnnouncementDetail>(path(id), body) : api.post<AnnouncementDetail>(base, body),
    onSuccess: (detail) => refresh(detail),
  });
}

export type AnnouncementAction = 'publish' | 'unpublish' | 'pin' | 'unpin' | 'delete';

/** The state changes of the list and the editor; each answers with the announcement (delete: nothing). */
export function useAnnouncementAction() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({
      id,
      action,
      publishAt,
    }: {
      id: string;
      action: AnnouncementAction;
      /** 定时发布: the future instant (ISO) the announcement becomes public; none publishes now. */
      publishAt?: string;
    }) => {
      switch (action) {
        case 'publish':
          return api.post<AnnouncementDetail>(path(id, '/publish'), publishAt ? { publishAt } : {});
        case 'unpublish':
          return api.post<AnnouncementDetail>(path(id, '/unpublish'));
        case 'pin':
        case 'unpin':
          return api.post<AnnouncementDetail>(path(id, '/pin'), { pinned: action === 'pin' });
        case 'delete':
          await api.delete(path(id));
          return undefined;
      }
    },
    onSuccess: (detail, { id }) => refresh(isDetail(detail) ? detail : id),
  });
}

function isDetail(v: unknown): v is AnnouncementDetail {
  return typeof v === 'object' && v !== null && 'bodyHtml' in v;
}

export function useUploadAttachment() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, file, onProgress }: { id: string; file: File; onProgress: (p: number) => void }) =>
      uploadFile<unknown>(path(id, '/attachments'), file, onProgress),
    onSuccess: (_res, { id }) => refresh(id),
  });
}

export function useDeleteAttachment() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, attachmentId }: { id: string; attachmentId: string }) =>
      api.delete(path(id, `/attachments/${encodeURIComponent(attachmentId)}`)),
    onSuccess: (_res, { id }) => refresh(id),
  });
}
