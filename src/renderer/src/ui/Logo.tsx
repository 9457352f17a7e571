/** Tadamun's mark: three linked rings, for people standing together. */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="var(--mantine-color-grape-7, #9c36b5)" />
      <g fill="none" stroke="#fff" strokeWidth="4.5">
        <circle cx="24" cy="26" r="10" />
        <circle cx="40" cy="26" r="10" />
        <circle cx="32" cy="40" r="10" />
      </g>
    </svg>
  );
}
