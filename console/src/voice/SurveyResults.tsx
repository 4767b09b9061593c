import { Button, MessagePlugin } from 'tdesign-react';
import type { SurveyResults } from '../../../bff/src/api-types';
import { api } from '../api';
import { BarChart } from '../lib/bar-chart';
import { useLoad } from '../lib/use-load';
import { ErrorState, LoadingState } from '../states';
import { permille } from './labels';
import type { SurveySide } from './Surveys';

/**
 * A survey's results, live (#31; GET /api/staff|committee/surveys/:id/results): coverage (units answered ÷ units
 * targeted), a bar chart per choice question and of the stars with their average, and the free text
 * without names. Read again every 10 s while shown, so the coverage moves as residents answer.
 */
export function SurveyResultsView({
  id,
  side,
  onBack,
  canSaveTemplate = false,
  onTemplateSaved,
}: {
  id: string;
  /** Read through the office's or the committee's results (both without names). */
  side: SurveySide;
  onBack: () => void;
  /** A company admin keeps this survey as the company's template (存为公司模板). */
  canSaveTemplate?: boolean;
  onTemplateSaved?: () => void;
}) {
  const r = useLoad(() => api.get<SurveyResults>(`/api/${side}/surveys/${id}/results`), `${side}:${id}`);
  const saveTemplate = async () => {
    try {
      await api.post('/api/company/survey-templates', { surveyId: id });
      void MessagePlugin.success('已存为公司模板，各小区可从模板新建');
      onTemplateSaved?.();
    } catch (e) {
      void MessagePlugin.error((e as Error).message);
    }
  };
  return (
    <div className="wyt-page wyt-mgr" data-testid="survey-results">
      <div className="wyt-mgr__bar">
        <Button variant="outline" onClick={onBack}>
          返回问卷列表
        </Button>
        <Button variant="text" onClick={() => void r.reload()}>
          刷新
        </Button>
        {canSaveTemplate && (
          <Button variant="outline" onClick={() => void saveTemplate()}>
            存为公司模板
          </Button>
        )}
      </div>
      {r.error ? (
        <ErrorState error={r.error} retry={() => void r.reload()} />
      ) : !r.data ? (
        <LoadingState />
      ) : (
        <Results data={r.data} />
      )}
    </div>
  );
}

function Results({ data }: { data: SurveyResults }) {
  return (
    <>
      <h1>{data.title}</h1>
      <div className="wyt-voice__figures" data-testid="survey-coverage">
        <div>
          覆盖率<strong>{permille(data.coveragePermille)}</strong>
        </div>
        <div>
          已答户数<strong>{data.answeredUnits}</strong>
        </div>
        <div>
          调查户数<strong>{data.targetedUnits}</strong>
        </div>
      </div>
      {data.questions.map((q, i) => (
        <section key={i} className="wyt-voice__question" aria-label={`第 ${i + 1} 题`}>
          <h2>
            {i + 1}. {q.title}
          </h2>
          {'counts' in q && (
            <BarChart
              title={`第 ${i + 1} 题 各选项人数`}
              bars={q.options.map((o, j) => ({ label: o, value: q.counts[j] ?? 0, text: `${q.counts[j] ?? 0}` }))}
            />
          )}
          {'distribution' in q && (
            <>
              <p>平均 {q.averageHundredths === null ? '—' : (q.averageHundredths / 100).toFixed(2)} 星</p>
              <BarChart
                title={`第 ${i + 1} 题 星级分布`}
                bars={q.distribution.map((n, j) => ({ label: `${j + 1} 星`, value: n, text: `${n}` }))}
              />
            </>
          )}
          {'texts' in q &&
            (q.texts.length === 0 ? (
              <p className="wyt-mgr__note">还没有填写</p>
            ) : (
              <ul className="wyt-voice__texts" data-testid="survey-texts">
                {q.texts.map((t, j) => (
                  <li key={j}>{t}</li>
                ))}
              </ul>
            ))}
        </section>
      ))}
    </>
  );
}
