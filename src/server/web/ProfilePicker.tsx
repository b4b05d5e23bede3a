import type { ProfileView } from '../../core/catalog.js';

/**
 * One profile for a form. A list of every profile would weigh hundreds of kilobytes at full size
 * and be unusable besides, so the reader types (or pastes) a code; where the page knows the few
 * profiles that make sense (the levels of one focus), it offers them as a list.
 */
export function ProfilePicker(props: {
  name: string;
  label: string;
  value: string;
  choices?: readonly ProfileView[] | undefined;
  hideLabel?: boolean;
}) {
  const label = props.hideLabel ? <span class="visually-hidden">{props.label}</span> : <>{props.label} </>;
  if (props.choices && props.choices.length > 0)
    return (
      <label>
        {label}
        <select name={props.name}>
          {props.choices.map((v) => (
            <option value={v.code} selected={v.code === props.value}>
              {v.title}
            </option>
          ))}
        </select>
      </label>
    );
  return (
    <label>
      {label}
      <input
        name={props.name}
        type="text"
        value={props.value}
        placeholder="FUNCTION.FOCUS.LEVEL"
        spellcheck={false}
        autocomplete="off"
        size={26}
      />
    </label>
  );
}
