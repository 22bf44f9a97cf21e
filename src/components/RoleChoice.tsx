import { useId, type ComponentPropsWithoutRef } from 'react'
import type { CallRole } from '../core/peerSession.js'

/** Props of {@link RoleChoice}. */
export interface RoleChoiceProps extends Omit<ComponentPropsWithoutRef<'fieldset'>, 'onChange'> {
  value: CallRole
  onValueChange: (role: CallRole) => void
  labels?: { role?: string; caller?: string; callee?: string }
}

/**
 * Two radio buttons, **Caller** and **Callee**. Disable it during a call.
 *
 * @example
 * const [role, setRole] = useState<CallRole>('caller')
 * return <RoleChoice value={role} onValueChange={setRole} />
 */
export function RoleChoice({ value, onValueChange, labels = {}, ...rest }: RoleChoiceProps) {
  const name = useId()
  const options: [CallRole, string][] = [
    ['caller', labels.caller ?? 'Caller'],
    ['callee', labels.callee ?? 'Callee'],
  ]
  return (
    <fieldset className="rpc-role" data-state={value} {...rest}>
      <legend>{labels.role ?? 'Role'}</legend>
      {options.map(([role, label]) => (
        <label key={role}>
          <input
            type="radio"
            name={name}
            value={role}
            checked={value === role}
            onChange={() => onValueChange(role)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  )
}
