import { ApiError } from '../../../lib/api-client';

/** A file download of a GET answer (the session cookie goes along). */
export async function download(url: string, language: string, fallbackName: string) {
  const res = await fetch(url, { credentials: 'same-origin', headers: { 'accept-language': language } });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(
      res.status,
      (body.code as ApiError['code']) ?? 'INTERNAL',
      body.message ?? res.statusText,
    );
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const name = star ? decodeURIComponent(star) : fallbackName;
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
