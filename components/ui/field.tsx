import { useId, type InputHTMLAttributes, type TextareaHTMLAttributes } from "react";

type FieldProps = { label: string; errors?: string[]; hint?: string };

const controlClass = (invalid: boolean) =>
  `mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-500 ${
    invalid ? "border-red-500" : "border-slate-300"
  }`;

function FieldFrame({ id, label, errors, hint, children }: FieldProps & { id: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !errors?.length ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-600">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, { errors, hint }: FieldProps) {
  return errors?.length ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

/** A labelled input whose errors are announced and linked with aria-describedby. */
export function TextField({ label, errors, hint, ...props }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint}>
      <input id={id} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, { label, errors, hint })} className={controlClass(!!errors?.length)} {...props} />
    </FieldFrame>
  );
}

export function TextAreaField({ label, errors, hint, ...props }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint}>
      <textarea id={id} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, { label, errors, hint })} className={controlClass(!!errors?.length)} {...props} />
    </FieldFrame>
  );
}

export function SelectField({ label, errors, hint, children, ...props }: FieldProps & React.SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint}>
      <select id={id} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, { label, errors, hint })} className={controlClass(!!errors?.length)} {...props}>
        {children}
      </select>
    </FieldFrame>
  );
}
