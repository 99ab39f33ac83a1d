/**
 * The "no VC" checklist as it stood when a note was saved, beside today's when one is given: five
 * boxes, each with its verdict (and the evidence as then said, or the user's own verdict), and the
 * score n/5. Self-contained: `then` is the note's snapshot, `now` the contract §8 answer.
 */
import { CHECKLIST_BOXES, type ChecklistSnapshot } from '@/utils/checklist/types';
import { t } from '@/utils/i18n';
import type { ChecklistNow } from './api';
import { boxLabel, boxVerdictLabel, dateTime } from './words';

export interface ChecklistCompareProps {
  then: ChecklistSnapshot | undefined;
  now: ChecklistNow | undefined;
}

export function ChecklistCompare({ then, now }: ChecklistCompareProps) {
  if (!then && !now) return null;
  return (
    <table class="checklist">
      <caption>{then ? t('notesChecklistAsOf', dateTime(then.at)) : t('notesChecklistThen')}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">{t('notesChecklistThen')}</th>
          {now ? <th scope="col">{t('notesChecklistNow')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {CHECKLIST_BOXES.map((box) => {
          const a = then?.boxes.find((b) => b.box === box);
          const b = now?.boxes.find((x) => x.box === box);
          return (
            <tr key={box} data-box-row={box}>
              <th scope="row">{boxLabel(box)}</th>
              <td class={`verdict-${a?.verdict ?? 'none'}`} data-then={a?.verdict ?? ''}>
                {a ? (
                  <>
                    {boxVerdictLabel(a.verdict)}
                    {a.override ? (
                      <span class="meta"> {t('notesYourVerdict', a.override.reason)}</span>
                    ) : a.evidence ? (
                      <span class="meta"> {a.evidence}</span>
                    ) : null}
                  </>
                ) : (
                  <span class="meta">{t('notesNotRecorded')}</span>
                )}
              </td>
              {now ? (
                <td class={`verdict-${b?.verdict ?? 'none'}`} data-now={b?.verdict ?? ''}>
                  {b ? boxVerdictLabel(b.verdict) : '—'}
                  {b?.override ? <span class="meta"> {t('notesYourVerdict', b.override.reason)}</span> : null}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('notesScore')}</th>
          <td>{then ? `${then.score}/5` : '—'}</td>
          {now ? <td>{`${now.score}/5`}</td> : null}
        </tr>
      </tfoot>
    </table>
  );
}
