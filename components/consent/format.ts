/** "4 min 12 s" for a recording's duration. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export const SOURCE_LABELS = { SETTINGS: "Profile settings", PROMPT: "Sign-in prompt", ADMIN: "An administrator" } as const;
