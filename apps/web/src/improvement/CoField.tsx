import { fieldEditor, improvementField, IMPROVEMENT_LIMITS } from '@tillit/protocol';
import { useEffect, useId, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useImprovement } from './actions';
import { useFieldHistory } from './improvement.api';

const SAVE_AFTER_MS = 700;

/**
 * One co-edited text (see apps/api/src/improvement/README.md). Live: focusing claims a lease that everyone
 * sees ("Maja is writing…") and that makes the field read-only for the others; typing saves about once a
 * second, so the others watch the text grow; leaving the field releases it. A save that could not go in
 * (someone else changed the field meanwhile) is kept and shown here as a conflict, with a way to add it.
 */
export function CoField({ fieldKey, label, rows = 3 }: { fieldKey: string; label: string; rows?: number }) {
  const { t } = useTranslation('improvement');
  const a = useImprovement();
  const id = useId();
  const field = improvementField(a.state, fieldKey);
  const [, tick] = useReducer((n: number) => n + 1, 0);
  const editor = fieldEditor(field, a.nowMs());
  const heldByOther = a.live && editor !== null && editor !== a.me;
  const conflicts = a.state.conflicts.filter((c) => c.key === fieldKey);
  const mineCount = conflicts.filter((c) => c.userId === a.me).length;

  const [draft, setDraft] = useState(field.text);
  const draftRef = useRef(field.text);
  const base = useRef(field.rev);
  const focused = useRef(false);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [showHistory, setShowHistory] = useState(false);

  // The server's text, whenever it moves on (or a save of mine was kept as a conflict) and I am not typing.
  useEffect(() => {
    if (focused.current && dirty.current) return;
    draftRef.current = field.text;
    setDraft(field.text);
    if (!focused.current) base.current = field.rev;
  }, [field.rev, field.text, mineCount]);

  // A lease runs out by time alone: look again every few seconds while someone holds one.
  useEffect(() => {
    if (!field.editor) return;
    const h = setInterval(tick, 3000);
    return () => clearInterval(h);
  }, [field.editor]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const flush = (release: boolean) => {
    clearTimeout(timer.current);
    if (dirty.current) {
      a.save(fieldKey, draftRef.current, base.current, release);
      dirty.current = false;
    } else if (release && a.live && editor === a.me) {
      a.release(fieldKey);
    }
  };

  const readOnly = !a.canInput || heldByOther;
  const hintId = `${id}-hint`;
  const hint = heldByOther ? t('editing', { name: a.nameOf(editor) }) : null;

  return (
    <div className={`field co-field${heldByOther ? ' co-field--held' : ''}`} data-field-key={fieldKey}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={draft}
        maxLength={IMPROVEMENT_LIMITS.field}
        readOnly={readOnly}
        aria-describedby={hint ? hintId : undefined}
        onFocus={() => {
          if (readOnly) return;
          focused.current = true;
          base.current = field.rev;
          if (a.live && editor !== a.me) a.claim(fieldKey);
        }}
        onChange={(e) => {
          if (readOnly) return;
          draftRef.current = e.target.value;
          setDraft(e.target.value);
          dirty.current = true;
          a.typing?.(fieldKey);
          if (a.live) {
            clearTimeout(timer.current);
            timer.current = setTimeout(() => flush(false), SAVE_AFTER_MS);
          }
        }}
        onBlur={() => {
          if (!focused.current) return;
          focused.current = false;
          flush(true);
        }}
      />
      <p id={hintId} className="co-field-hint" aria-live="polite">
        {hint}
      </p>
      {conflicts.map((c) => (
        <div key={c.id} className="co-field-conflict" role="note">
          <p>{c.userId === a.me ? t('conflictMine') : t('conflictOther', { name: a.nameOf(c.userId) })}</p>
          <blockquote>{c.text}</blockquote>
          {a.canInput && (c.userId === a.me || a.mayFacilitate) && (
            <div className="button-row">
              <button
                type="button"
                className="secondary small"
                disabled={heldByOther}
                onClick={() => {
                  const merged = field.text ? `${field.text}\n${c.text}` : c.text;
                  a.save(fieldKey, merged, field.rev, true);
                  a.dismissConflict(c.id);
                }}
              >
                {t('useMine')}
              </button>
              <button type="button" className="secondary small" onClick={() => a.dismissConflict(c.id)}>
                {t('dismiss')}
              </button>
            </div>
          )}
        </div>
      ))}
      <button
        type="button"
        className="link-button small"
        aria-expanded={showHistory}
        onClick={() => setShowHistory((x) => !x)}
      >
        {t('history')}
      </button>
      {showHistory && <History fieldKey={fieldKey} label={label} />}
    </div>
  );
}

function History({ fieldKey, label }: { fieldKey: string; label: string }) {
  const { t } = useTranslation('improvement');
  const a = useImprovement();
  const history = useFieldHistory(a.teamId, fieldKey, true);
  const field = improvementField(a.state, fieldKey);
  if (!history.data) return null;
  return (
    <section className="co-field-history" aria-label={t('historyOf', { field: label })}>
      {history.data.length === 0 ? (
        <p className="muted">{t('historyEmpty')}</p>
      ) : (
        <ol>
          {history.data.map((v) => (
            <li key={v.id}>
              <p className="muted">
                {a.nameOf(v.userId)} · {new Date(v.at).toLocaleString()}{' '}
                {v.kind === 'conflict' ? `· ${t('historyConflict')}` : ''}
              </p>
              <p className="notes-text">{v.text}</p>
              {a.canInput && v.text !== field.text && (
                <button
                  type="button"
                  className="secondary small"
                  onClick={() => a.save(fieldKey, v.text, field.rev, true)}
                >
                  {t('restore')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
