import {
  KASAM_DIMENSIONS,
  KASAM_LIMITS,
  KASAM_TEXTS,
  type KasamAggregate,
  type KasamDimension,
  type PhaseView,
} from '@tillit/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoom } from '../meetings/room';
import { KasamTrend } from './KasamTrend';

type ReflectionView = Extract<PhaseView, { kind: 'kasam-reflection' }>;

/**
 * Private reflection: each person rates the three dimensions 1–7 and may write; the answer is anonymous.
 * The aggregate shows only at the facilitator's reveal, and only when at least k answered.
 */
export function KasamReflectionPhase({ phase }: { phase: ReflectionView }) {
  const { t } = useTranslation('kasam');
  const { isFacilitator, send, layout, s } = useRoom();
  const { answered, iAnswered, revealed, result } = phase.state;
  const { k } = phase.settings;
  return (
    <div className="stack kasam">
      {!revealed &&
        layout !== 'wall' &&
        (iAnswered ? <p className="notice">{t('thanks')}</p> : <ReflectionForm phase={phase} />)}
      <p className="kasam-count" aria-live="off">
        <strong>{t('answered', { count: answered })}</strong>
        {!revealed && <> · {t('needK', { k })}</>}
      </p>
      {isFacilitator && !revealed && layout !== 'wall' && (
        <p>
          <button type="button" disabled={answered < k} onClick={() => send({ type: 'kasam.reveal', payload: {} })}>
            {t('reveal')}
          </button>
        </p>
      )}
      {revealed && result && (
        <>
          <p className="muted">{t('closed')}</p>
          <Aggregate result={result} />
          <KasamTrend teamId={s.meeting.teamId} forumId={s.meeting.forumId} refreshKey={phase.id} />
        </>
      )}
    </div>
  );
}

function ReflectionForm({ phase }: { phase: ReflectionView }) {
  const { t } = useTranslation('kasam');
  const { send } = useRoom();
  const id = useId();
  const [ratings, setRatings] = useState<Partial<Record<KasamDimension, number>>>({});
  const [texts, setTexts] = useState<Record<string, string>>({});
  const complete = KASAM_DIMENSIONS.every((d) => ratings[d] !== undefined);
  return (
    <form
      className="stack kasam-form"
      aria-describedby={`${id}-anon`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!complete) return;
        const optional = (k: string) => (texts[k]?.trim() ? texts[k]!.trim() : undefined);
        send({
          type: 'kasam.answer',
          payload: {
            comprehensibility: ratings.comprehensibility!,
            manageability: ratings.manageability!,
            meaningfulness: ratings.meaningfulness!,
            helps: optional('helps'),
            hinders: optional('hinders'),
            important: optional('important'),
          },
        });
      }}
    >
      <p id={`${id}-anon`} className="hint kasam-anon">
        🔒 {t('anonymous', { k: phase.settings.k })}
      </p>
      {KASAM_DIMENSIONS.map((d) => (
        <fieldset key={d} className="rating">
          <legend>
            <strong>{t(`dimensions.${d}`)}</strong>: {t(`prompts.${d}`)}
          </legend>
          <p className="hint">
            {t('scaleLow')} · {t('scaleHigh')}
          </p>
          <div className="rating-scale">
            {[1, 2, 3, 4, 5, 6, 7].map((v) => (
              <label key={v} className="rating-option">
                <input
                  type="radio"
                  name={`${id}-${d}`}
                  value={v}
                  checked={ratings[d] === v}
                  onChange={() => setRatings({ ...ratings, [d]: v })}
                />
                <span>{v}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {KASAM_TEXTS.map((k) => (
        <div className="field" key={k}>
          <label htmlFor={`${id}-${k}`}>{t(`${k}`)}</label>
          <textarea
            id={`${id}-${k}`}
            rows={2}
            maxLength={KASAM_LIMITS.text}
            value={texts[k] ?? ''}
            onChange={(e) => setTexts({ ...texts, [k]: e.target.value })}
          />
        </div>
      ))}
      <p className="hint">{t('onlyOnce')}</p>
      <div>
        <button type="submit" disabled={!complete}>
          {t('send')}
        </button>
      </div>
    </form>
  );
}

/** Distribution (as bars and as a table for screen readers) and median per dimension; texts shuffled. */
export function Aggregate({ result }: { result: KasamAggregate }) {
  const { t } = useTranslation('kasam');
  return (
    <div className="stack kasam-result">
      <Dimensions dimensions={result.dimensions} />
      <h3>{t('texts')}</h3>
      <div className="kasam-texts">
        {KASAM_TEXTS.map((k) => (
          <section key={k} aria-labelledby={`texts-${k}`}>
            <h4 id={`texts-${k}`}>{t(`${k}`).replace(/ \(.*\)$/, '')}</h4>
            {result.texts[k].length === 0 ? (
              <p className="muted">{t('noTexts')}</p>
            ) : (
              <ul className="plain-list">
                {result.texts[k].map((x, i) => (
                  <li key={i}>{x}</li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}

/** Median and distribution (as bars and as a table for screen readers) per dimension. */
export function Dimensions({ dimensions }: { dimensions: KasamAggregate['dimensions'] }) {
  const { t } = useTranslation('kasam');
  return (
    <div className="kasam-dimensions">
      {KASAM_DIMENSIONS.map((d) => {
        const agg = dimensions[d];
        const max = Math.max(1, ...agg.distribution);
        return (
          <figure key={d} className="kasam-dimension">
            <figcaption>
              <strong>{t(`dimensions.${d}`)}</strong> · {t('median', { value: agg.median })}
            </figcaption>
            <div className="bars" aria-hidden="true">
              {agg.distribution.map((n, i) => (
                <div key={i} className="bar-col">
                  <div className="bar" style={{ height: `${(n / max) * 100}%` }} />
                  <span className="bar-label">{i + 1}</span>
                </div>
              ))}
            </div>
            <table className="visually-hidden">
              <caption>{t('distribution', { dimension: t(`dimensions.${d}`) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('value')}</th>
                  <th scope="col">{t('count')}</th>
                </tr>
              </thead>
              <tbody>
                {agg.distribution.map((n, i) => (
                  <tr key={i}>
                    <td>{i + 1}</td>
                    <td>{n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>
        );
      })}
    </div>
  );
}
