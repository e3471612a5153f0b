import { ETHICS_LIMITS, KASAM_DEFAULT_K, KASAM_LIMITS, KASAM_MIN_K, type PhaseTemplate } from '@tillit/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The forum form's settings for the ethics and KASAM phase kinds (nothing for the other kinds). */
export function RitualSettingsFields({
  phase,
  setSettings,
}: {
  phase: PhaseTemplate;
  setSettings: (patch: Record<string, unknown>) => void;
}) {
  const { t } = useTranslation('ethics');
  const id = useId();
  if (phase.kind === 'breakout') {
    return (
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-size`}>{t('settings.groupSize')}</label>
          <input
            id={`${id}-size`}
            type="number"
            min={ETHICS_LIMITS.groupSizeMin}
            max={ETHICS_LIMITS.groupSizeMax}
            value={phase.settings.groupSize}
            onChange={(e) =>
              setSettings({
                groupSize: Math.min(
                  ETHICS_LIMITS.groupSizeMax,
                  Math.max(ETHICS_LIMITS.groupSizeMin, Number(e.target.value) || 2),
                ),
              })
            }
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-mode`}>{t('settings.mode')}</label>
          <select id={`${id}-mode`} value={phase.settings.mode} onChange={(e) => setSettings({ mode: e.target.value })}>
            <option value="balanced">{t('groups.balanced')}</option>
            <option value="random">{t('groups.random')}</option>
          </select>
        </div>
      </div>
    );
  }
  if (phase.kind === 'kasam-reflection') {
    return (
      <div className="field">
        <label htmlFor={`${id}-k`}>{t('settings.k', { ns: 'kasam' })}</label>
        <p id={`${id}-k-hint`} className="hint">
          {t('settings.kHint', { ns: 'kasam' })}
        </p>
        <input
          id={`${id}-k`}
          type="number"
          min={KASAM_MIN_K}
          max={50}
          aria-describedby={`${id}-k-hint`}
          value={phase.settings.k ?? KASAM_DEFAULT_K}
          onChange={(e) =>
            setSettings({ k: Math.min(50, Math.max(KASAM_MIN_K, Number(e.target.value) || KASAM_DEFAULT_K)) })
          }
        />
      </div>
    );
  }
  if (phase.kind === 'kasam-actions') {
    return (
      <div className="field">
        <label htmlFor={`${id}-max`}>{t('settings.maxActions', { ns: 'kasam' })}</label>
        <input
          id={`${id}-max`}
          type="number"
          min={1}
          max={KASAM_LIMITS.actions}
          value={phase.settings.maxActions}
          onChange={(e) =>
            setSettings({ maxActions: Math.min(KASAM_LIMITS.actions, Math.max(1, Number(e.target.value) || 1)) })
          }
        />
      </div>
    );
  }
  return null;
}
