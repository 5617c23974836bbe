import { Text } from "@mantine/core";
import { useId } from "react";
import "./check-in.css";

export interface Choice<T extends string | number> {
  value: T;
  label: string;
  /** What a screen reader says when the label alone is a bare number. */
  spoken?: string;
}

interface Common<T extends string | number> {
  legend: string;
  description?: string;
  choices: Choice<T>[];
  error?: string | null;
  /** Words under the first and last choice ("very low" … "very high"). */
  anchors?: [string, string];
  /** Lay the choices out as an even grid (the 0–10 scales). */
  scale?: boolean;
}

/**
 * A question answered with large chips: native radios (one answer) or checkboxes (several), so the
 * arrow keys, the space bar and screen readers work as everywhere else; the legend names the group.
 */
export function ChoiceChips<T extends string | number>(
  props: Common<T> &
    (
      | { multiple?: false; value: T | null; onChange: (value: T) => void }
      | { multiple: true; value: T[]; onChange: (value: T[]) => void }
    ),
) {
  const id = useId();
  const { legend, description, choices, error, anchors, scale } = props;
  const describedBy = [description && `${id}-description`, anchors && `${id}-anchors`, error && `${id}-error`]
    .filter(Boolean)
    .join(" ");
  const isChecked = (value: T) => (props.multiple ? props.value.includes(value) : props.value === value);
  const toggle = (value: T) => {
    if (!props.multiple) return props.onChange(value);
    props.onChange(
      props.value.includes(value) ? props.value.filter((v) => v !== value) : [...props.value, value],
    );
  };
  return (
    <fieldset
      className="check-in-choices"
      aria-describedby={describedBy || undefined}
      aria-invalid={error ? true : undefined}
      data-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      {description && (
        <Text id={`${id}-description`} size="sm" c="dimmed" mb="xs">
          {description}
        </Text>
      )}
      <div className="check-in-choices__list" data-scale={scale ? true : undefined}>
        {choices.map((choice) => (
          <label key={String(choice.value)} className="check-in-chip">
            <input
              type={props.multiple ? "checkbox" : "radio"}
              name={id}
              value={String(choice.value)}
              checked={isChecked(choice.value)}
              onChange={() => toggle(choice.value)}
              aria-label={choice.spoken}
            />
            <span aria-hidden={choice.spoken ? true : undefined}>{choice.label}</span>
          </label>
        ))}
      </div>
      {anchors && (
        <div id={`${id}-anchors`} className="check-in-choices__anchors">
          <Text size="sm">{anchors[0]}</Text>
          <Text size="sm" ta="end">
            {anchors[1]}
          </Text>
        </div>
      )}
      {error && (
        <Text id={`${id}-error`} size="sm" c="var(--mantine-color-error)" mt={4}>
          {error}
        </Text>
      )}
    </fieldset>
  );
}
