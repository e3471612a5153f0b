import type { Person } from '../ui/ActionForm';
import './steering.css';

/** Tick people (receivers of feedback, people on a new plan item). */
export function PeopleChecklist({
  legend,
  people,
  chosen,
  onChange,
  disabled,
}: {
  legend: string;
  people: Person[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset className="people-checklist">
      <legend>{legend}</legend>
      <div className="choice-row">
        {people.map((p) => (
          <label key={p.userId} className="choice">
            <input
              type="checkbox"
              checked={chosen.includes(p.userId)}
              disabled={disabled}
              onChange={(e) =>
                onChange(e.target.checked ? [...chosen, p.userId] : chosen.filter((u) => u !== p.userId))
              }
            />
            {p.displayName}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
