import type { ApiClient } from '../../api/client';
import type { UploadView } from '../../api/types';

/** Photos: upload one, read one (signed URLs that expire; read again for fresh ones). */
export function uploadEndpoints(api: ApiClient) {
  return {
    uploadPhoto: (filePath: string) => api.upload<UploadView>('/api/uploads', filePath),
    /** A PDF attachment (staff only): its name travels with it. */
    uploadFile: (filePath: string, fileName: string) => api.upload<UploadView>('/api/uploads', filePath, fileName),
    photo: (id: string) => api.get<UploadView>(`/api/uploads/${id}`),
  };
}
