/** A small group of toggle buttons (time ranges, priorities); the pressed one is announced. */
import './segmented.css';
export function Segmented<T extends string>(props: {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange(value: T): void;
}) {
  return (
    <fieldset className="seg" aria-label={props.label}>
      {props.options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={o.value === props.value}
          onClick={() => props.onChange(o.value)}
          data-value={o.value}
        >
          {o.label}
        </button>
      ))}
    </fieldset>
  );
}
