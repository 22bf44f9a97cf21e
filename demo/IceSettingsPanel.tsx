import { useId, useState, type FormEvent } from 'react'
import { iceSettingsProblem, type IceSettings, type IceSettingsProblem } from './iceSettings'

export interface IceSettingsText {
  title: string
  stun: string
  stunHint: string
  turn: string
  username: string
  credential: string
  relayOnly: string
  relayOnlyHint: string
  hideHost: string
  hideHostHint: string
  apply: string
  applied: string
  problems: Record<Exclude<IceSettingsProblem, null>, string>
}

/**
 * The demo's settings panel for its ICE servers: what `?stun=`, `?turn=`, `?username=`,
 * `?credential=` and `?relay=1` say, editable. Applied settings go into the address (so the link
 * can be shared) and are used from the next call on.
 */
export function IceSettingsPanel({
  value,
  onApply,
  text,
}: {
  value: IceSettings
  onApply: (settings: IceSettings) => void
  text: IceSettingsText
}) {
  const id = useId()
  const [draft, setDraft] = useState(value)
  const [problem, setProblem] = useState<IceSettingsProblem>(null)
  const [applied, setApplied] = useState(false)
  const edit = (patch: Partial<IceSettings>) => {
    setDraft((prev) => ({ ...prev, ...patch }))
    setApplied(false)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = iceSettingsProblem(draft)
    setProblem(found)
    if (found) return
    onApply(draft)
    setApplied(true)
  }
  return (
    <details className="demo__ice" open={value.turn !== '' || value.relayOnly || undefined}>
      <summary>{text.title}</summary>
      <form onSubmit={submit} aria-label={text.title} noValidate>
        <label htmlFor={`${id}-stun`}>{text.stun}</label>
        <input
          id={`${id}-stun`}
          value={draft.stun ?? ''}
          placeholder="stun:stun.l.google.com:19302"
          aria-describedby={`${id}-stun-hint`}
          aria-invalid={problem === 'stun'}
          onChange={(e) => edit({ stun: e.target.value })}
        />
        <small id={`${id}-stun-hint`}>{text.stunHint}</small>
        <label htmlFor={`${id}-turn`}>{text.turn}</label>
        <input
          id={`${id}-turn`}
          value={draft.turn}
          placeholder="turn:turn.example.org:3478?transport=udp"
          aria-invalid={problem === 'turn'}
          onChange={(e) => edit({ turn: e.target.value })}
        />
        <label htmlFor={`${id}-user`}>{text.username}</label>
        <input
          id={`${id}-user`}
          value={draft.username}
          autoComplete="off"
          aria-invalid={problem === 'credentials'}
          onChange={(e) => edit({ username: e.target.value })}
        />
        <label htmlFor={`${id}-credential`}>{text.credential}</label>
        <input
          id={`${id}-credential`}
          type="password"
          value={draft.credential}
          autoComplete="off"
          aria-invalid={problem === 'credentials'}
          onChange={(e) => edit({ credential: e.target.value })}
        />
        <label className="demo__ice-check">
          <input
            type="checkbox"
            checked={draft.relayOnly}
            aria-describedby={`${id}-relay-hint`}
            onChange={(e) => edit({ relayOnly: e.target.checked })}
          />
          {text.relayOnly}
        </label>
        <small id={`${id}-relay-hint`}>{text.relayOnlyHint}</small>
        <label className="demo__ice-check">
          <input
            type="checkbox"
            checked={draft.hideHost}
            aria-describedby={`${id}-host-hint`}
            onChange={(e) => edit({ hideHost: e.target.checked })}
          />
          {text.hideHost}
        </label>
        <small id={`${id}-host-hint`}>{text.hideHostHint}</small>
        <button type="submit">{text.apply}</button>
        {problem && (
          <p role="alert" className="rpc-error">
            {text.problems[problem]}
          </p>
        )}
        <p role="status" className="demo__ice-status">
          {applied ? text.applied : ''}
        </p>
      </form>
    </details>
  )
}
