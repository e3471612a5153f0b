import type { EscalationDto, PhaseView, RiskStatus } from '@tillit/protocol';
import { RiskCard, RiskForm, type RiskActions } from '../risks';
import { useSteeringT } from '../steering.i18n';
import { useSteeringRoom } from './room';

type View = Extract<PhaseView, { kind: 'steering-risks' }>;

/** The live commands behind a risk card. */
export function useRiskActions() {
  const { room } = useSteeringRoom();
  const mayClose = (e: EscalationDto) => room.isFacilitator || e.escalatedById === room.me;
  return {
    onStatus: (riskId: string) => (status: RiskStatus) => room.send({ type: 'risk.edit', payload: { riskId, status } }),
    onLearning: (riskId: string) => (learning: string) =>
      room.send({ type: 'risk.edit', payload: { riskId, learning } }),
    onEscalate: (riskId: string) => (note: string) =>
      room.send({ type: 'risk.escalate', payload: { riskId, ...(note ? { note } : {}) } }),
    onReply: (escalationId: string, text: string) =>
      room.send({ type: 'escalation.reply', payload: { escalationId, text } }),
    onClose: (escalationId: string) => room.send({ type: 'escalation.close', payload: { escalationId } }),
    mayClose,
  };
}

/** Risks (might happen) and disturbances (happened): capture, follow, learn, escalate to the manager. */
export function RisksPhase({ phase }: { phase: View }) {
  const t = useSteeringT();
  const { room, st, people, nameOf, managers, inputs } = useSteeringRoom();
  const a = useRiskActions();
  if (!st) return null;
  const form = inputs ? (
    <RiskForm
      people={people}
      categories={st.riskCategories}
      onSubmit={(body) => room.send({ type: 'risk.add', payload: body })}
    />
  ) : null;
  // Newest first: what was just raised is on top.
  const risks = [...st.risks].reverse();
  return (
    <div className="stack">
      {phase.settings.prompt && <p className="prompt">{phase.settings.prompt}</p>}
      {room.layout === 'phone' && form}
      <h3 id={`risklist-${phase.id}`}>{t('risks.heading')}</h3>
      {risks.length === 0 ? (
        <p className="muted">{t('risks.none')}</p>
      ) : (
        <ul className="item-list" aria-labelledby={`risklist-${phase.id}`}>
          {risks.map((r) => {
            const actions: RiskActions = inputs
              ? {
                  onStatus: a.onStatus(r.id),
                  onLearning: a.onLearning(r.id),
                  onEscalate: a.onEscalate(r.id),
                  onReply: a.onReply,
                  onClose: a.onClose,
                  mayClose: a.mayClose,
                }
              : {};
            return (
              <RiskCard
                key={`${r.id}:${r.learning}`}
                risk={r}
                escalations={st.escalations.filter((e) => e.riskId === r.id)}
                nameOf={nameOf}
                managers={managers}
                actions={actions}
                compact={!inputs}
              />
            );
          })}
        </ul>
      )}
      {room.layout === 'laptop' && form}
    </div>
  );
}
