import { STEERING_LIMITS, type PhaseView, type PlanItemDto } from '@tillit/protocol';
import { useId, useState } from 'react';
import { PeopleChecklist } from '../PeopleChecklist';
import { formatDay, namesList, useSteeringT } from '../steering.i18n';
import { DayControl } from './DayControl';
import { useSteeringRoom } from './room';

type View = Extract<PhaseView, { kind: 'steering-plan' }>;

/** Today's plan: what, when, where, who — absences and who has no assignment yet, in plain sight. */
export function PlanPhase({ phase }: { phase: View }) {
  const t = useSteeringT();
  const { room, st, people, today, inputs } = useSteeringRoom();
  if (!st) return null;
  const present = people.filter((p) => !st.absences.includes(p.userId));
  const unassigned = present.filter((p) => !today.some((i) => i.assigneeIds.includes(p.userId)));
  const form = inputs ? <PlanForm /> : null;
  return (
    <div className="stack">
      <DayControl />
      {phase.settings.prompt && <p className="prompt">{phase.settings.prompt}</p>}
      {room.layout === 'phone' && form}
      <h3 id={`plan-${phase.id}`}>{t('plan.list')}</h3>
      {today.length === 0 ? (
        <p className="muted">{t('plan.none')}</p>
      ) : (
        <ul className="item-list" aria-labelledby={`plan-${phase.id}`}>
          {today.map((item) => (
            <PlanRow key={item.id} item={item} />
          ))}
        </ul>
      )}
      <p className={unassigned.length ? 'notice unassigned' : 'muted unassigned'}>
        {unassigned.length
          ? t('plan.unassigned', {
              names: namesList(
                unassigned.map((p) => p.userId),
                room.nameOf,
              ),
            })
          : t('plan.allAssigned')}
      </p>
      <Absences />
      {room.layout === 'laptop' && form}
    </div>
  );
}

/** A plan item: its people as toggles (tap or keyboard), live for everyone. */
export function PlanRow({ item, children }: { item: PlanItemDto; children?: React.ReactNode }) {
  const t = useSteeringT();
  const { room, st, people, inputs } = useSteeringRoom();
  const mayDelete = inputs && (item.authorId === room.me || room.isFacilitator);
  const where = [item.time, item.place].filter(Boolean).join(' · ');
  const absent = new Set(st?.absences ?? []);
  const [editing, setEditing] = useState(false);
  const fromDay = item.carriedFromId ? st?.planItems.find((i) => i.id === item.carriedFromId)?.day : undefined;
  if (editing) {
    return (
      <li className="item plan-item" data-plan-id={item.id}>
        <PlanEditForm item={item} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li className={`item plan-item plan-item--${item.status}`} data-plan-id={item.id}>
      <div className="item-body">
        <p className="item-text">{item.title}</p>
        <p className="item-meta">
          {where && <span>{where} · </span>}
          <span className="muted">
            {item.assigneeIds.length ? namesList(item.assigneeIds, room.nameOf) : t('plan.nobody')}
          </span>
          {item.status !== 'open' && <span className="muted"> · {t(`plan.status.${item.status}`)}</span>}
          {item.carryReason && <span className="muted"> · {t('plan.reason', { reason: item.carryReason })}</span>}
          {fromDay && <span className="muted"> · {t('plan.from', { date: formatDay(fromDay) })}</span>}
        </p>
        {item.notes && <p className="notes-text">{item.notes}</p>}
      </div>
      {children}
      {inputs && !children && (
        <div className="button-row assign" role="group" aria-label={t('plan.people')}>
          {people.map((p) => {
            const on = item.assigneeIds.includes(p.userId);
            return (
              <button
                key={p.userId}
                type="button"
                className={on ? 'small' : 'secondary small'}
                aria-pressed={on}
                aria-label={t('plan.assign', { name: p.displayName, title: item.title })}
                onClick={() =>
                  room.send({
                    type: 'plan.assign',
                    payload: { planItemId: item.id, ...(on ? { remove: [p.userId] } : { add: [p.userId] }) },
                  })
                }
              >
                {p.displayName}
                {absent.has(p.userId) ? ` (${t('plan.absent').toLowerCase()})` : ''}
              </button>
            );
          })}
          <button
            type="button"
            className="secondary small"
            aria-label={t('plan.editNamed', { title: item.title })}
            onClick={() => setEditing(true)}
          >
            {t('plan.edit')}
          </button>
          {mayDelete && (
            <button
              type="button"
              className="secondary small"
              aria-label={t('plan.deleteNamed', { title: item.title })}
              onClick={() => room.send({ type: 'plan.delete', payload: { planItemId: item.id } })}
            >
              {t('plan.delete')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

function PlanForm() {
  const t = useSteeringT();
  const { room, people } = useSteeringRoom();
  const id = useId();
  const [title, setTitle] = useState('');
  const [time, setTime] = useState('');
  const [place, setPlace] = useState('');
  const [notes, setNotes] = useState('');
  const [who, setWho] = useState<string[]>([]);
  return (
    <form
      className="stack plan-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim()) return;
        room.send({
          type: 'plan.add',
          payload: {
            title: title.trim(),
            ...(time.trim() ? { time: time.trim() } : {}),
            ...(place.trim() ? { place: place.trim() } : {}),
            ...(notes.trim() ? { notes: notes.trim() } : {}),
            ...(who.length ? { assigneeIds: who } : {}),
          },
        });
        setTitle('');
        setTime('');
        setPlace('');
        setNotes('');
        setWho([]);
      }}
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-w`}>{t('plan.what')}</label>
          <input
            id={`${id}-w`}
            type="text"
            value={title}
            maxLength={STEERING_LIMITS.planTitle}
            autoComplete="off"
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="field field--narrow">
          <label htmlFor={`${id}-t`}>{t('plan.when')}</label>
          <input
            id={`${id}-t`}
            type="text"
            value={time}
            maxLength={STEERING_LIMITS.planTime}
            onChange={(e) => setTime(e.target.value)}
          />
        </div>
        <div className="field field--narrow">
          <label htmlFor={`${id}-p`}>{t('plan.where')}</label>
          <input
            id={`${id}-p`}
            type="text"
            value={place}
            maxLength={STEERING_LIMITS.planPlace}
            onChange={(e) => setPlace(e.target.value)}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-n`}>{t('plan.notes')}</label>
        <input
          id={`${id}-n`}
          type="text"
          value={notes}
          maxLength={STEERING_LIMITS.planNotes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </div>
      <PeopleChecklist legend={t('plan.people')} people={people} chosen={who} onChange={setWho} />
      <div className="button-row">
        <button type="submit" disabled={!title.trim()}>
          {t('plan.add')}
        </button>
      </div>
    </form>
  );
}

/** Who is absent today: yourself by a tap, anyone when you facilitate. */
function Absences() {
  const t = useSteeringT();
  const { room, st, people, inputs } = useSteeringRoom();
  const id = useId();
  if (!st) return null;
  if (!inputs) {
    return (
      <p className="muted">
        {st.absences.length
          ? t('plan.absentList', { names: namesList(st.absences, room.nameOf) })
          : t('plan.noneAbsent')}
      </p>
    );
  }
  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('plan.absentHeading')}</h3>
      <div className="button-row" role="group" aria-labelledby={`${id}-h`}>
        {people.map((p) => {
          const absent = st.absences.includes(p.userId);
          const may = p.userId === room.me || room.isFacilitator;
          return (
            <button
              key={p.userId}
              type="button"
              className={absent ? 'small' : 'secondary small'}
              aria-pressed={absent}
              disabled={!may}
              onClick={() => room.send({ type: 'absence.set', payload: { userId: p.userId, absent: !absent } })}
            >
              {t('plan.absentToggle', { name: p.displayName })}
            </button>
          );
        })}
      </div>
      <p className="muted">
        {st.absences.length
          ? t('plan.absentList', { names: namesList(st.absences, room.nameOf) })
          : t('plan.noneAbsent')}
      </p>
      <p className="visually-hidden">{formatDay(st.day)}</p>
    </section>
  );
}

/** Change what, when, where and the note of a plan item (anyone in the team: co-leadership). */
function PlanEditForm({ item, onDone }: { item: PlanItemDto; onDone: () => void }) {
  const t = useSteeringT();
  const { room } = useSteeringRoom();
  const id = useId();
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const value = (k: string) => String(data.get(k) ?? '').trim();
        if (!value('title')) return;
        room.send({
          type: 'plan.edit',
          payload: {
            planItemId: item.id,
            title: value('title'),
            time: value('time'),
            place: value('place'),
            notes: value('notes'),
          },
        });
        onDone();
      }}
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-w`}>{t('plan.what')}</label>
          <input
            id={`${id}-w`}
            name="title"
            type="text"
            defaultValue={item.title}
            maxLength={STEERING_LIMITS.planTitle}
            required
            autoFocus
          />
        </div>
        <div className="field field--narrow">
          <label htmlFor={`${id}-t`}>{t('plan.when')}</label>
          <input id={`${id}-t`} name="time" type="text" defaultValue={item.time} maxLength={STEERING_LIMITS.planTime} />
        </div>
        <div className="field field--narrow">
          <label htmlFor={`${id}-p`}>{t('plan.where')}</label>
          <input
            id={`${id}-p`}
            name="place"
            type="text"
            defaultValue={item.place}
            maxLength={STEERING_LIMITS.planPlace}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-n`}>{t('plan.notes')}</label>
        <input
          id={`${id}-n`}
          name="notes"
          type="text"
          defaultValue={item.notes}
          maxLength={STEERING_LIMITS.planNotes}
        />
      </div>
      <div className="button-row">
        <button type="submit">{t('plan.save')}</button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('plan.cancel')}
        </button>
      </div>
    </form>
  );
}
