import { useMutation } from '@tanstack/react-query';
import type { ApplicationAttachment } from '@ccc/domain';
import { api, uploadFile } from '../../../lib/api-client';
import { useRefetchApplication } from './applications';

const path = (applicationId: string, typeCode: string) =>
  `/api/applications/${encodeURIComponent(applicationId)}/attachments/${encodeURIComponent(typeCode)}`;

/** 查看: the file opens in the browser (a new tab). */
export const attachmentFileUrl = (applicationId: string, typeCode: string) =>
  `${path(applicationId, typeCode)}/file`;

/** 上传附件 (replaces the current file), with the upload's progress in percent. */
export function useUploadAttachment(applicationId: string) {
  const refetch = useRefetchApplication();
  return useMutation({
    mutationFn: ({
      typeCode,
      file,
      onProgress,
    }: {
      typeCode: string;
      file: File;
      onProgress: (percent: number) => void;
    }) => uploadFile<ApplicationAttachment>(path(applicationId, typeCode), file, onProgress),
    onSuccess: () => refetch(applicationId),
  });
}

/** 删除附件. */
export function useDeleteAttachment(applicationId: string) {
  const refetch = useRefetchApplication();
  return useMutation({
    mutationFn: (typeCode: string) => api.delete<{ ok: true }>(path(applicationId, typeCode)),
    onSuccess: () => refetch(applicationId),
  });
}
