/** A tiny line chart of the last values (decorative: the numbers beside it carry the meaning). */
export function Sparkline({
  values,
  width = 120,
  height = 24,
}: {
  values: readonly (number | null)[]
  width?: number
  height?: number
}) {
  const points = values.map((v, i) => [i, v] as const).filter(([, v]) => v !== null) as [
    number,
    number,
  ][]
  const max = Math.max(1, ...points.map(([, v]) => v))
  const step = values.length > 1 ? width / (values.length - 1) : width
  const line = points
    .map(
      ([i, v]) => `${(i * step).toFixed(1)},${(height - 1 - (v / max) * (height - 2)).toFixed(1)}`,
    )
    .join(' ')
  return (
    <svg
      className="rpc-sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      focusable="false"
    >
      {points.length > 1 && (
        <polyline points={line} fill="none" stroke="currentColor" strokeWidth="1.5" />
      )}
    </svg>
  )
}
