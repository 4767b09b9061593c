import type { ScreenProps } from '../shell/screens';
import { SurveysScreen } from './Surveys';

/** 意见征询 (#31): the committee's own surveys — the office's screens through `/api/committee/…`. */
export default function CommitteeSurveys(props: ScreenProps) {
  return <SurveysScreen {...props} side="committee" />;
}
