import { Image } from '@tarojs/components';
import { bff, fileUrl } from '../../session';
import { useRequest } from '../../hooks/use-request';
import { alt } from '../../components/a11y';

/** A candidate's posted photo (signed URL, fetched when shown); nothing while it loads or if there is none. */
export function CandidatePhoto({ uploadId, name }: { uploadId: string | null; name: string }) {
  const photo = useRequest(() => (uploadId ? bff.photo(uploadId) : Promise.resolve(null)), [uploadId]);
  const src = photo.data?.thumbUrl ?? photo.data?.url;
  if (!src) return null;
  return <Image className="vote-choice__photo" src={fileUrl(src)} mode="aspectFill" {...alt(`候选人${name}的照片`)} />;
}
