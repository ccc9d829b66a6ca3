/** Reading a typed number: the value to use and, when it had to change, a message saying so. */
export interface ClampResult {
  readonly value: number;
  readonly message: string | null;
}

/**
 * Parses typed text as a number in [min, max] (rounded when `integer`). Out-of-range values are clamped and
 * text that is not a number keeps `current`; either way the message says what happened.
 */
export function clampInput(text: string, current: number, min: number, max: number, integer: boolean, label: string): ClampResult {
  const parsed = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(parsed)) return { value: current, message: `${label}: "${text}" is not a number; keeping ${current}.` };
  let value = integer ? Math.round(parsed) : parsed;
  let message: string | null = integer && value !== parsed ? `${label}: ${parsed} rounded to ${value}.` : null;
  if (value < min) {
    message = `${label}: ${parsed} is below ${min}; using ${min}.`;
    value = min;
  } else if (value > max) {
    message = `${label}: ${parsed} is above ${max}; using ${max}.`;
    value = max;
  }
  return { value, message };
}
