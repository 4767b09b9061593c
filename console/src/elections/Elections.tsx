import type { ScreenProps } from '../shell/screens';
import { ElectionList } from './ElectionList';
import { ElectionDetail } from './ElectionDetail';
import './elections.css';

/** 业委会投票 (docs/console.md §Committee): the list of the community's votes, or one of them (`?id=`). */
export default function Elections({ communityId, route }: ScreenProps) {
  const id = route.params.get('id');
  return id ? <ElectionDetail id={id} route={route} /> : <ElectionList communityId={communityId} route={route} />;
}
