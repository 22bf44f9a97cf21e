import { useId, type ComponentPropsWithoutRef } from 'react'

/** Props of {@link SecurityCode}. */
export interface SecurityCodeProps extends ComponentPropsWithoutRef<'p'> {
  /** From the session snapshot (`securityCode`); nothing is shown while it is `null`. */
  code: string | null
  labels?: { securityCode?: string; securityCodeHint?: string }
}

/**
 * The call's **Security code**: both people see the same six digits unless someone in the middle
 * replaced a signal. Read them to each other.
 *
 * @example
 * const code = useSessionSelector((s) => s.securityCode)
 * return <SecurityCode code={code} />
 */
export function SecurityCode({ code, labels = {}, ...rest }: SecurityCodeProps) {
  const id = useId()
  if (!code) return null
  return (
    <p className="rpc-security" {...rest}>
      <span id={id}>{labels.securityCode ?? 'Security code'}</span>{' '}
      <output aria-labelledby={id} className="rpc-security__code">
        {code}
      </output>{' '}
      <small>
        {labels.securityCodeHint ??
          'Read it to the other person: the same code on both sides means nobody is in between.'}
      </small>
    </p>
  )
}
