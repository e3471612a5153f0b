import { PDSA_PARTS, type PhaseTemplate } from '@tillit/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** A `pdsa` phase's settings in the forum form: which part of the improvement meeting it is. */
export function PdsaSettingsFields({
  phase,
  setSettings,
}: {
  phase: PhaseTemplate;
  setSettings: (patch: Record<string, unknown>) => void;
}) {
  const { t } = useTranslation('improvement');
  const id = useId();
  if (phase.kind !== 'pdsa') return null;
  return (
    <div className="field">
      <label htmlFor={`${id}-part`}>{t('phase.part')}</label>
      <select id={`${id}-part`} value={phase.settings.part} onChange={(e) => setSettings({ part: e.target.value })}>
        {PDSA_PARTS.map((p) => (
          <option key={p} value={p}>
            {t(`phase.parts.${p}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
