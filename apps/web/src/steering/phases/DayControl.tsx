import { useId, useState } from 'react';
import { formatDay, useSteeringT } from '../steering.i18n';
import { useSteeringRoom } from './room';

/** Which day the meeting plans; the facilitator may move it (a late follow-up, planning ahead). */
export function DayControl() {
  const t = useSteeringT();
  const { room, st } = useSteeringRoom();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [day, setDay] = useState(st?.day ?? '');
  if (!st) return null;
  return (
    <div className="day-control">
      <p className="meeting-day">{t('day.meetingDay', { date: formatDay(st.day) })}</p>
      {room.isFacilitator &&
        room.layout !== 'wall' &&
        room.canInput &&
        (editing ? (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (day && day !== st.day) room.send({ type: 'steering.day', payload: { day } });
              setEditing(false);
            }}
          >
            <div className="field field--narrow">
              <label htmlFor={`${id}-d`}>{t('day.label')}</label>
              <input id={`${id}-d`} type="date" value={day} onChange={(e) => setDay(e.target.value)} required />
            </div>
            <button type="submit">{t('day.setDay')}</button>
          </form>
        ) : (
          <button type="button" className="secondary small" onClick={() => (setDay(st.day), setEditing(true))}>
            {t('day.changeDay')}
          </button>
        ))}
    </div>
  );
}
