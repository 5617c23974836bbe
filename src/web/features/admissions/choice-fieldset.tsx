import { Fieldset, Radio, Stack, Text } from "@mantine/core";
import { useId } from "react";

/**
 * One question with its answers as radio buttons in a fieldset, so the legend names the group for
 * screen readers and the arrow keys move between answers. `dataPath` lets the form find it to focus.
 */
export function ChoiceFieldset<T extends string>({
  legend,
  description,
  options,
  value,
  onChange,
  error,
  dataPath,
  required = false,
}: {
  legend: string;
  description?: string;
  options: readonly { value: T; label: string }[];
  value: string;
  onChange: (value: T) => void;
  error?: string;
  dataPath: string;
  required?: boolean;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const descriptionId = `${id}-description`;
  const describedBy = [description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <Fieldset
      variant="unstyled"
      data-path={dataPath}
      aria-describedby={describedBy || undefined}
      legend={
        <Text component="span" fw={600}>
          {legend}
          {required && (
            <Text component="span" c="red" aria-hidden>
              {" *"}
            </Text>
          )}
        </Text>
      }
    >
      <Stack gap="sm" mt="xs">
        {description && (
          <Text size="sm" c="dimmed" id={descriptionId}>
            {description}
          </Text>
        )}
        {options.map((option) => (
          <Radio
            key={option.value}
            size="md"
            name={dataPath}
            value={option.value}
            label={option.label}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            aria-invalid={error ? true : undefined}
            required={required}
          />
        ))}
        {error && (
          <Text size="sm" c="red" id={errorId}>
            {error}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}

interface FormLike {
  getInputNode: (path: string) => HTMLElement | null;
  setFieldError: (path: string, error: string) => void;
}

/** A form whose `getInputNode` finds the focusable control inside a fieldset (the chosen answer, else the first). */
export function withFieldsetFocus(form: FormLike): FormLike {
  return {
    setFieldError: form.setFieldError,
    getInputNode: (path) => {
      const node = form.getInputNode(path);
      if (!node || node.matches("input, select, textarea")) return node;
      return node.querySelector<HTMLElement>("input:checked") ?? node.querySelector<HTMLElement>("input");
    },
  };
}
