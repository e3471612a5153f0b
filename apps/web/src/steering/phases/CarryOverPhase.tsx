import type { PhaseView } from '@tillit/protocol';
import { RiskCard } from '../risks';
import { formatDay, namesList, useSteeringT } from '../steering.i18n';
import { DayControl } from './DayControl';
import { useSteeringRoom } from './room';
import { useRiskActions } from './RisksPhase';

type View = Extract<PhaseView, { kind: 'steering-carry-over' }>;

/** Yesterday's unfinished plan items and the open risks and disturbances, for a quick review. */
export function CarryOverPhase({ phase }: { phase: View }) {
  const t = useSteeringT();
  const { room, st, earlier, nameOf, managers, inputs } = useSteeringRoom();
  const actions = useRiskActions();
  if (!st) return null;
  const risks = st.risks.filter((r) => r.status !== 'resolved' || r.updatedAt >= (room.s.meeting.startedAt ?? ''));
  return (
    <div className="stack">
      <DayControl />
      <h3 id={`carry-${phase.id}`}>{t('carryOver.planHeading')}</h3>
      {earlier.length === 0 ? (
        <p className="muted">{t('carryOver.none')}</p>
      ) : (
        <ul className="item-list" aria-labelledby={`carry-${phase.id}`}>
          {earlier.map((item) => {
            const handled = item.carriedToId
              ? t('carryOver.taken')
              : item.status === 'dropped'
                ? t('carryOver.dropped')
                : null;
            return (
              <li key={item.id} className="item plan-item" data-plan-id={item.id}>
                <div className="item-body">
                  <p className="item-text">{item.title}</p>
                  <p className="item-meta">
                    <span className="muted">{formatDay(item.day)}</span>
                    {item.assigneeIds.length > 0 && (
                      <span className="muted"> · {namesList(item.assigneeIds, room.nameOf)}</span>
                    )}
                    {item.carryReason && (
                      <span className="muted"> · {t('plan.reason', { reason: item.carryReason })}</span>
                    )}
                    {handled && <strong> · {handled}</strong>}
                  </p>
                </div>
                {inputs && !handled && (
                  <div className="button-row">
                    <button
                      type="button"
                      className="small"
                      aria-label={t('carryOver.takeNamed', { title: item.title })}
                      onClick={() =>
                        room.send({ type: 'plan.carry', payload: { planItemId: item.id, action: 'take' } })
                      }
                    >
                      {t('carryOver.take')}
                    </button>
                    <button
                      type="button"
                      className="secondary small"
                      aria-label={t('carryOver.dropNamed', { title: item.title })}
                      onClick={() =>
                        room.send({ type: 'plan.carry', payload: { planItemId: item.id, action: 'drop' } })
                      }
                    >
                      {t('carryOver.drop')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h3 id={`risks-${phase.id}`}>{t('carryOver.risksHeading')}</h3>
      {risks.length === 0 ? (
        <p className="muted">{t('carryOver.noRisks')}</p>
      ) : (
        <ul className="item-list" aria-labelledby={`risks-${phase.id}`}>
          {risks.map((r) => (
            <RiskCard
              key={r.id}
              risk={r}
              escalations={st.escalations.filter((e) => e.riskId === r.id)}
              nameOf={nameOf}
              managers={managers}
              actions={
                inputs
                  ? {
                      onStatus: actions.onStatus(r.id),
                      onReply: actions.onReply,
                      onClose: actions.onClose,
                      mayClose: actions.mayClose,
                    }
                  : {}
              }
              compact={!inputs}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
