import { useTranslation } from 'react-i18next';
import { useRoom } from './room';

/** The meeting's phases in order, the current one marked (aria-current="step"). */
export function PhaseStepper() {
  const { t } = useTranslation();
  const { s } = useRoom();
  const current = s.meeting.currentPhaseIndex;
  return (
    <nav aria-label={t('meeting.phases')} className="stepper">
      <ol>
        {s.phases.map((p) => (
          <li
            key={p.id}
            className={p.index === current ? 'step step--current' : p.index < current ? 'step step--done' : 'step'}
            aria-current={p.index === current ? 'step' : undefined}
          >
            <span className="step-n" aria-hidden="true">
              {p.index + 1}
            </span>
            <span className="step-title">{p.title}</span>
            <span className="visually-hidden">
              {' '}
              ({t(`phaseKinds.${p.kind}`)}
              {p.index === current ? `, ${t('meeting.current')}` : p.index < current ? `, ${t('meeting.done')}` : ''})
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
