import { api } from '../api';

/** A photo (a signed paper ballot, a written proxy, a candidate's portrait) uploaded as the phone does (`file`). */
export async function uploadPhoto(file: File): Promise<string> {
  const form = new FormData();
  form.append('file', file);
  return (await api.post<{ id: string }>('/api/uploads', form)).id;
}
